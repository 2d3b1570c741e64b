extension WebTemplates {
    /// `/`: the province (every group with its head, admins, members, open findings by rule, overdue directives;
    /// the counts of people and withheld records), the integrity panel (size, root, the checkpoint, who signed and
    /// cosigned it, the newest anchor kept beside the ledger or "not anchored") and the newest records.
    static let home = """
        {{<layout}}
        {{$main}}
        <h1>{{t.province}}</h1>
        {{#preparingModel}}<p class="note" id="preparing">{{t.preparingModel}}</p>{{/preparingModel}}
        {{#province}}
        <section class="panel" id="counts">
        <dl>
        <dt>{{t.groups}}</dt><dd id="group-count">{{groupCount}}</dd>
        <dt>{{t.people}}</dt><dd id="person-count">{{personCount}}</dd>
        <dt>{{t.withheldRecords}}</dt><dd id="withheld-count">{{withheldRecords}}</dd>
        <dt>{{t.openFindings}}</dt><dd id="open-findings">{{openFindings}}{{#findingsByRule}} <a class="rule" href="{{href}}">{{rule}}: {{count}}</a>{{/findingsByRule}}</dd>
        <dt>{{t.overdueDirectives}}</dt><dd id="overdue-count"><a href="/directives">{{overdueDirectives}}</a></dd>
        <dt>{{t.evaluatedAt}}</dt><dd>{{evaluatedAt}}</dd>
        </dl>
        </section>
        <h2>{{t.groups}}</h2>
        {{^hasGroups}}<p>{{t.noGroups}}</p>{{/hasGroups}}
        {{#hasGroups}}
        <table class="groups" id="groups">
        <thead><tr><th>{{t.group}}</th><th>{{t.head}}</th><th>{{t.admins}}</th><th>{{t.members}}</th><th>{{t.openFindings}}</th><th>{{t.overdueDirectives}}</th></tr></thead>
        <tbody>
        {{#groups}}
        <tr id="group-{{id}}"><td><a href="{{href}}">{{name}}</a><br><span class="hash">{{id}}</span></td>
        <td>{{#head}}<a href="{{href}}">{{label}}</a>{{/head}}{{^head}}<span class="problem">{{t.noHead}}</span>{{/head}}</td>
        <td>{{#admins}}<a href="{{href}}">{{label}}</a><br>{{/admins}}{{^admins}}–{{/admins}}</td>
        <td>{{memberCount}}</td>
        <td>{{#findings}}<a class="rule" href="{{href}}">{{rule}}: {{count}}</a> {{/findings}}{{^findings}}0{{/findings}}</td>
        <td>{{#hasOverdue}}<a class="problem" href="{{directivesHref}}">{{overdue}}</a>{{/hasOverdue}}{{^hasOverdue}}<a href="{{directivesHref}}">0</a>{{/hasOverdue}}</td></tr>
        {{/groups}}
        </tbody>
        </table>
        {{/hasGroups}}
        {{/province}}
        <h2>{{t.integrity}}</h2>
        <section class="panel" id="integrity">
        <dl>
        <dt>{{t.origin}}</dt><dd>{{origin}}</dd>
        <dt>{{t.size}}</dt><dd id="size">{{size}}</dd>
        <dt>{{t.root}}</dt><dd class="hash" id="root">{{root}}</dd>
        </dl>
        <h2>{{t.signatures}}</h2>
        <table>
        {{>signatureRows}}
        </table>
        {{^witnessed}}<p class="note">{{t.noWitness}}</p>{{/witnessed}}
        <h2>{{t.anchor}}</h2>
        {{#anchor}}
        <div id="anchor">
        {{#agrees}}<p class="anchored" id="anchor-state">{{t.anchored}}</p>{{/agrees}}
        {{^agrees}}<p class="problem" id="anchor-state">{{t.anchorDisagrees}}</p>{{/agrees}}
        <dl>
        <dt>{{t.anchorFile}}</dt><dd class="hash" id="anchor-file">{{file}}</dd>
        <dt>{{t.size}}</dt><dd id="anchor-size">{{size}}</dd>
        <dt>{{t.root}}</dt><dd class="hash" id="anchor-root">{{root}}</dd>
        {{#after}}<dt>{{t.afterAnchor}}</dt><dd id="after-anchor">{{after}}</dd>{{/after}}
        </dl>
        <table id="anchor-signatures">
        {{>signatureRows}}
        </table>
        {{^witnessed}}<p class="note">{{t.anchorNoWitness}}</p>{{/witnessed}}
        <p class="note">{{t.anchorSignatures}}</p>
        </div>
        {{/anchor}}
        {{^anchor}}{{^anchorProblem}}<p class="problem" id="anchor-state">{{t.notAnchored}}</p>{{/anchorProblem}}{{/anchor}}
        {{#anchorProblem}}<p class="problem" id="anchor-state">{{t.anchorUnreadable}}: {{anchorProblem}}</p>{{/anchorProblem}}
        <h2>{{t.checkpoint}}</h2>
        <pre class="note-text" id="checkpoint">{{checkpoint}}</pre>
        </section>
        <h2>{{t.recent}}</h2>
        {{^hasRecords}}<p>{{t.noRecords}}</p>{{/hasRecords}}
        {{#hasRecords}}
        <table class="records">
        <thead><tr><th>#</th><th>{{t.type}}</th><th>{{t.time}}</th><th>{{t.group}}</th><th>{{t.actor}}</th></tr></thead>
        <tbody>
        {{#records}}
        <tr><td><a href="/records/{{seq}}">{{seq}}</a></td><td>{{type}}</td><td>{{time}}</td><td>{{#groupHref}}<a href="{{groupHref}}">{{group}}</a>{{/groupHref}}</td><td>{{#actor}}<a href="{{href}}">{{label}}</a>{{/actor}}{{^actor}}{{actorID}}{{/actor}}</td></tr>
        {{/records}}
        </tbody>
        </table>
        {{/hasRecords}}
        {{/main}}
        {{/layout}}

        """
}
