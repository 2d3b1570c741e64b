extension WebTemplates {
    /// `/findings`: the filter form (a plain GET form) and a page of findings, each linking to its page.
    static let findings = """
        {{<layout}}
        {{$main}}
        <h1>{{t.findings}}</h1>
        <form class="filters" method="get" action="/findings">
        <label>{{t.rule}}
        <select name="rule"><option value="">{{t.any}}</option>
        {{#rules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/rules}}
        </select></label>
        <label>{{t.group}}
        <select name="group"><option value="">{{t.any}}</option>
        {{#groups}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groups}}
        </select></label>
        <label>{{t.subject}} <input name="person" value="{{person}}" placeholder="p-001"></label>
        <label>{{t.status}}
        <select name="status"><option value="">{{t.any}}</option>
        {{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}
        </select></label>
        <label>{{t.from}} <input name="from" type="date" value="{{from}}"></label>
        <label>{{t.to}} <input name="to" type="date" value="{{to}}"></label>
        <button type="submit">{{t.filter}}</button>
        <a href="/findings">{{t.clearFilter}}</a>
        </form>
        {{#pager}}<p class="count" id="total">{{t.total}}: {{total}}</p>{{/pager}}
        {{^hasRows}}<p>{{t.noFindings}}</p>{{/hasRows}}
        {{#hasRows}}
        <table class="findings">
        <thead><tr><th>{{t.finding}}</th><th>{{t.rule}}</th><th>{{t.severity}}</th><th>{{t.time}}</th><th>{{t.group}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.found}}</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr class="finding-{{status}}"><td><a class="finding-link" href="{{href}}">{{id}}</a></td><td><abbr title="{{ruleTitle}}">{{rule}}</abbr> {{check}}</td><td>{{severity}}</td><td>{{time}}</td><td>{{#groupHref}}<a href="{{groupHref}}">{{group}}</a>{{/groupHref}}</td><td>{{#subject}}<a href="{{href}}">{{label}}</a>{{/subject}}</td><td>{{statusLabel}}</td><td>{{message}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{>pagerLinks}}
        {{/main}}
        {{/layout}}

        """
}
