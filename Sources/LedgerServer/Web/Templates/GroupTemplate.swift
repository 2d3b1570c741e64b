extension WebTemplates {
    /// `/groups/{id}`: the group's state now or at a chosen point (time travel, a GET form), then its timeline with
    /// a GET form to filter it, capture gaps drawn among the records, and a pager.
    static let group = """
        {{<layout}}
        {{$main}}
        <h1>{{t.group}} {{name}}</h1>
        <p class="hash">{{id}}</p>
        <p>{{#field}}{{t.groupField}}: {{field}}. {{/field}}{{#decision}}{{t.decision}}: {{decision}}. {{/decision}}<a href="{{findingsHref}}">{{t.findings}}</a> · <a href="{{directivesHref}}">{{t.directives}}</a></p>
        <section class="panel" id="state">
        <h2 id="as-of">{{asOf}}</h2>
        {{#form}}
        <form class="filters" method="get" action="{{href}}" id="travel">
        <label>{{t.atTime}} <input type="text" name="at" value="{{at}}" placeholder="2026-11-03"></label>
        <label>{{t.atRecord}} <input type="text" name="at_record" value="{{at_record}}" inputmode="numeric"></label>
        <button type="submit">{{t.show}}</button>
        </form>
        {{/form}}
        {{#travelling}}<p><a href="{{selfHref}}">{{t.backToNow}}</a></p>{{/travelling}}
        {{#notYet}}<p class="note" id="not-yet">{{t.groupNotYet}}</p>{{/notYet}}
        {{#state}}
        <dl>
        <dt>{{t.head}}</dt><dd id="state-head">{{#head}}<a href="{{href}}" data-id="{{id}}">{{label}}</a> <span class="note">{{t.since}} {{since}} (<a href="/records/{{sinceSeq}}">#{{sinceSeq}}</a>)</span>{{/head}}{{^head}}<span class="problem">{{t.noHead}}</span>{{/head}}</dd>
        <dt>{{t.deputies}}</dt><dd><ul id="state-deputies">{{#deputies}}<li data-id="{{id}}"><a href="{{href}}">{{label}}</a> <span class="note">{{t.since}} {{since}}</span></li>{{/deputies}}</ul></dd>
        <dt>{{t.admins}}</dt><dd><ul id="state-admins">{{#admins}}<li data-id="{{id}}"><a href="{{href}}">{{label}}</a> <span class="note">{{t.since}} {{since}} (<a href="/records/{{sinceSeq}}">#{{sinceSeq}}</a>){{#by}}, {{t.assignedBy}} {{label}}{{/by}}</span></li>{{/admins}}</ul></dd>
        <dt>{{t.platformAdmins}}</dt><dd><ul id="state-platform-admins">{{#platformAdmins}}<li data-id="{{id}}"><a href="{{href}}">{{label}}</a> <span class="note">{{t.since}} {{since}}</span></li>{{/platformAdmins}}</ul></dd>
        <dt>{{t.members}} ({{memberCount}})</dt><dd><ul id="state-members">{{#members}}<li data-id="{{id}}"><a href="{{href}}">{{label}}</a> <span class="note">{{t.since}} {{since}} (<a href="/records/{{sinceSeq}}">#{{sinceSeq}}</a>){{#via}}, {{via}}{{/via}}</span></li>{{/members}}</ul>
        {{#membersPager}}<nav class="pager" id="members-pager">{{#previous}}<a rel="prev" href="{{previous}}">← {{t.previousPage}}</a>{{/previous}} <span>{{t.page}} {{number}} / {{count}} ({{total}})</span> {{#next}}<a rel="next" href="{{next}}">{{t.nextPage}} →</a>{{/next}}</nav>{{/membersPager}}</dd>
        <dt>{{t.posts}}</dt><dd>{{posts}} ({{t.recalledCount}} {{recalled}}, {{t.removedCount}} {{removed}})</dd>
        </dl>
        {{/state}}
        </section>
        <h2>{{t.timeline}}</h2>
        {{#form}}
        <form class="filters" method="get" action="{{href}}" id="filter">
        <label>{{t.type}} <select name="type"><option value="">{{t.allTypes}}</option>{{#types}}<option value="{{type}}"{{#selected}} selected{{/selected}}>{{type}}</option>{{/types}}</select></label>
        <label>{{t.person}} <input type="text" name="person" value="{{person}}"></label>
        <label>{{t.from}} <input type="text" name="from" value="{{from}}" placeholder="2026-11-01"></label>
        <label>{{t.to}} <input type="text" name="to" value="{{to}}" placeholder="2026-11-30"></label>
        <label>{{t.order}} <select name="order"><option value="newest">{{t.newestFirst}}</option><option value="oldest"{{#oldest}} selected{{/oldest}}>{{t.oldestFirst}}</option></select></label>
        <label><input type="checkbox" name="reactions" value="1"{{#reactions}} checked{{/reactions}}> {{t.showReactions}}</label>
        <input type="hidden" name="at" value="{{at}}">
        <input type="hidden" name="at_record" value="{{at_record}}">
        <button type="submit">{{t.filter}}</button>
        </form>
        {{/form}}
        {{^hasRows}}<p id="no-rows">{{t.noTimeline}}</p>{{/hasRows}}
        {{#hasRows}}
        <table class="records timeline" id="timeline">
        <thead><tr><th>#</th><th>{{t.time}}</th><th>{{t.type}}</th><th>{{t.actor}}</th><th>{{t.details}}</th></tr></thead>
        <tbody>
        {{#rows}}
        {{#gap}}<tr class="gap"><td colspan="5">{{t.captureGap}}: <a href="{{account.href}}">{{account.label}}</a> {{from}} – {{to}} (<a href="/records/{{fromSeq}}">#{{fromSeq}}</a>{{#code}}, {{t.closeCode}} {{code}}{{/code}})</td></tr>{{/gap}}
        {{#seq}}<tr class="{{rowClass}}"><td><a href="{{href}}">{{seq}}</a></td><td>{{time}}</td><td>{{typeName}}</td><td><a href="{{actor.href}}">{{actor.label}}</a></td>
        <td>{{#parties}}<span class="party">{{role}}: <a href="{{href}}">{{label}}</a></span> {{/parties}}{{#message}}<span class="note">{{t.message}} {{message}}</span>{{/message}}
        {{#directive}}<div class="directive">{{t.directive}} {{id}}{{#statuses}} · {{assignee}}: {{status}} {{overdue}}{{/statuses}}</div>{{/directive}}
        {{#text}}<div class="text post">{{text}}</div>{{/text}}
        {{#withheld}}<div class="withheld">{{t.withheld}}: {{reason}}{{#orderedBy}} · {{t.orderedBy}} {{orderedBy}}{{/orderedBy}}{{#withheldAt}} · {{withheldAt}}{{/withheldAt}}{{#bySeq}} · <a href="/records/{{bySeq}}">#{{bySeq}}</a>{{/bySeq}}</div>{{/withheld}}</td></tr>{{/seq}}
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{>pagerLinks}}
        {{/main}}
        {{/layout}}

        """
}
