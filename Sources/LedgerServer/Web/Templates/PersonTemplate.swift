extension WebTemplates {
    /// `/people/{id}`: who the person or account is, accounts over time and account changes, groups and roles,
    /// directives, findings about them, and their records (posts with their text or the withholding notice), paged.
    static let person = """
        {{<layout}}
        {{$main}}
        {{#person}}<h1 id="person-label">{{label}}</h1>{{/person}}
        <section class="panel" id="who">
        <dl>
        <dt>{{t.personID}}</dt><dd class="hash">{{id}}</dd>
        {{#boundTo}}<dt>{{t.boundTo}}</dt><dd id="bound-to"><a href="{{href}}">{{id}}</a></dd>{{/boundTo}}
        {{#position}}<dt>{{t.position}}</dt><dd>{{position}}</dd>{{/position}}
        {{#unit}}<dt>{{t.unit}}</dt><dd>{{unit}}</dd>{{/unit}}
        {{#nameWithheld}}<dt>{{t.fullName}}</dt><dd class="withheld">{{t.nameWithheld}}</dd>{{/nameWithheld}}
        </dl>
        </section>
        {{#hasAccounts}}
        <h2>{{t.accounts}}</h2>
        <table id="accounts">
        <thead><tr><th>{{t.account}}</th><th>{{t.bound}}</th><th>{{t.unbound}}</th></tr></thead>
        <tbody>
        {{#accounts}}<tr><td><a href="{{href}}">{{account}}</a></td><td>{{bound}} (<a href="/records/{{boundSeq}}">#{{boundSeq}}</a>)</td><td>{{#unbound}}{{unbound}} (<a href="/records/{{unboundSeq}}">#{{unboundSeq}}</a>){{/unbound}}{{^unbound}}{{t.stillBound}}{{/unbound}}</td></tr>{{/accounts}}
        </tbody>
        </table>
        {{/hasAccounts}}
        {{#hasChanges}}
        <h2>{{t.accountChanges}}</h2>
        <table id="account-changes">
        <thead><tr><th>{{t.group}}</th><th>{{t.oldAccount}}</th><th>{{t.newAccount}}</th><th>{{t.reported}}</th><th>{{t.approvedBy}}</th><th>{{t.approved}}</th></tr></thead>
        <tbody>
        {{#changes}}<tr><td>{{#group}}<a href="{{href}}">{{id}}</a>{{/group}}</td><td>{{oldAccount}}</td><td>{{newAccount}}</td><td>{{reported}}</td><td>{{approvedBy}}</td><td>{{approved}}</td></tr>{{/changes}}
        </tbody>
        </table>
        {{/hasChanges}}
        <h2>{{t.roles}}</h2>
        {{^hasRoles}}<p>{{t.noRoles}}</p>{{/hasRoles}}
        {{#hasRoles}}
        <table id="roles">
        <thead><tr><th>{{t.group}}</th><th>{{t.role}}</th><th>{{t.since}}</th><th>{{t.until}}</th></tr></thead>
        <tbody>
        {{#roles}}<tr class="{{#until}}ended{{/until}}{{^until}}current{{/until}}"><td><a href="{{groupHref}}">{{groupName}}</a></td><td>{{kind}}{{#account}} ({{account}}){{/account}}</td><td>{{since}} (<a href="/records/{{sinceSeq}}">#{{sinceSeq}}</a>)</td><td>{{#until}}{{time}} (<a href="/records/{{seq}}">#{{seq}}</a>){{/until}}{{^until}}{{t.untilNow}}{{/until}}</td></tr>{{/roles}}
        </tbody>
        </table>
        {{/hasRoles}}
        <h2>{{t.directives}}</h2>
        {{^hasDirectives}}<p>{{t.noDirectives}}</p>{{/hasDirectives}}
        {{#hasDirectives}}
        <table id="directives">
        <thead><tr><th>{{t.directive}}</th><th>{{t.group}}</th><th>{{t.issuer}}</th><th>{{t.due}}</th><th>{{t.status}}</th></tr></thead>
        <tbody>
        {{#directives}}<tr><td><a href="{{href}}">{{id}}</a></td><td><a href="{{groupHref}}">{{group}}</a></td><td><a href="{{issuer.href}}">{{issuer.label}}</a></td><td>{{due}}</td>
        <td>{{#assignments}}<div{{#self}} class="self"{{/self}}><a href="{{assignee.href}}">{{assignee.id}}</a>: {{status}}{{#overdue}} <span class="problem">{{t.overdue}}</span>{{/overdue}}</div>{{/assignments}}</td></tr>{{/directives}}
        </tbody>
        </table>
        {{/hasDirectives}}
        <h2>{{t.findingsAbout}}</h2>
        {{^hasFindings}}<p>{{t.noFindings}}</p>{{/hasFindings}}
        {{#hasFindings}}
        <table id="findings">
        <thead><tr><th>{{t.finding}}</th><th>{{t.rule}}</th><th>{{t.status}}</th><th>{{t.time}}</th><th>{{t.group}}</th><th>{{t.details}}</th></tr></thead>
        <tbody>
        {{#findings}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{rule}}</td><td>{{status}}</td><td>{{time}}</td><td>{{#group}}<a href="{{href}}">{{id}}</a>{{/group}}</td><td>{{message}}</td></tr>{{/findings}}
        </tbody>
        </table>
        {{/hasFindings}}
        <h2>{{t.personRecords}}</h2>
        {{^hasRows}}<p id="no-rows">{{t.noTimeline}}</p>{{/hasRows}}
        {{#hasRows}}
        <table class="records timeline" id="timeline">
        <thead><tr><th>#</th><th>{{t.time}}</th><th>{{t.type}}</th><th>{{t.group}}</th><th>{{t.details}}</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr class="{{rowClass}}"><td><a href="{{href}}">{{seq}}</a></td><td>{{time}}</td><td>{{typeName}}</td><td><a href="{{groupHref}}">{{group}}</a></td>
        <td>{{#parties}}<span class="party">{{role}}: <a href="{{href}}">{{label}}</a></span> {{/parties}}{{#message}}<span class="note">{{t.message}} {{message}}</span>{{/message}}
        {{#directive}}<div class="directive">{{t.directive}} {{id}}{{#statuses}} · {{assignee}}: {{status}} {{overdue}}{{/statuses}}</div>{{/directive}}
        {{#text}}<div class="text post">{{text}}</div>{{/text}}
        {{#withheld}}<div class="withheld">{{t.withheld}}: {{reason}}{{#orderedBy}} · {{t.orderedBy}} {{orderedBy}}{{/orderedBy}}{{#withheldAt}} · {{withheldAt}}{{/withheldAt}}{{#bySeq}} · <a href="/records/{{bySeq}}">#{{bySeq}}</a>{{/bySeq}}</div>{{/withheld}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{>pagerLinks}}
        {{/main}}
        {{/layout}}

        """
}
