extension WebTemplates {
    /// `/directives`: the filter form and every directive with its assignees' answers.
    static let directives = """
        {{<layout}}
        {{$main}}
        <h1>{{t.directives}}</h1>
        <form class="filters" method="get" action="/directives">
        <label>{{t.group}}
        <select name="group"><option value="">{{t.any}}</option>
        {{#groups}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groups}}
        </select></label>
        <label>{{t.status}}
        <select name="status"><option value="">{{t.any}}</option>
        {{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}
        </select></label>
        <button type="submit">{{t.filter}}</button>
        <a href="/directives">{{t.clearFilter}}</a>
        </form>
        <p class="count" id="total">{{t.total}}: {{count}}</p>
        {{^hasDirectives}}<p>{{t.noDirectives}}</p>{{/hasDirectives}}
        {{#directives}}
        <section class="panel directive" id="directive-{{id}}">
        <h2>{{id}}{{#overdue}} <span class="flag overdue">{{t.overdue}}</span>{{/overdue}}{{#cancelled}} <span class="flag">{{t.cancelled}}</span>{{/cancelled}}</h2>
        <dl>
        <dt>{{t.group}}</dt><dd><a href="{{groupHref}}">{{group}}</a></dd>
        <dt>{{t.issuer}}</dt><dd>{{#issuer}}<a href="{{href}}">{{label}}</a>{{/issuer}}</dd>
        <dt>{{t.issued}}</dt><dd><a href="/records/{{issuedSeq}}">#{{issuedSeq}}</a> {{issued}}</dd>
        <dt>{{t.due}}</dt><dd>{{due}}</dd>
        {{#source}}<dt>{{t.sourcePost}}</dt><dd><a href="{{sourceHref}}">{{source}}</a></dd>{{/source}}
        {{#cancelled}}<dt>{{t.cancelled}}</dt><dd><a href="/records/{{seq}}">#{{seq}}</a> {{time}} {{reason}}</dd>{{/cancelled}}
        </dl>
        <table>
        <thead><tr><th>{{t.assignee}}</th><th>{{t.status}}</th><th>{{t.acknowledged}}</th><th>{{t.progress}}</th><th>{{t.completed}}</th></tr></thead>
        <tbody>
        {{#assignments}}
        <tr class="status-{{status}}"><td>{{#assignee}}<a href="{{href}}">{{label}}</a>{{/assignee}}</td><td>{{statusLabel}}{{#overdue}} <span class="flag overdue">{{t.overdue}}</span>{{/overdue}}</td><td>{{#acknowledgement}}<a href="{{href}}">#{{seq}}</a> {{time}} ({{acknowledgedHow}}){{/acknowledgement}}</td><td>{{#progress}}<a href="{{href}}">#{{seq}}</a> {{time}}{{/progress}}</td><td>{{#completed}}<a href="{{href}}">#{{seq}}</a> {{time}}{{/completed}}</td></tr>
        {{/assignments}}
        </tbody>
        </table>
        </section>
        {{/directives}}
        {{>pagerLinks}}
        {{/main}}
        {{/layout}}

        """
}
