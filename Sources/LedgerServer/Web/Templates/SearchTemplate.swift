extension WebTemplates {
    /// `/search?q=`: the search form, the people and groups the query names, and a page of matching records.
    static let search = """
        {{<layout}}
        {{$main}}
        <h1>{{t.search}}</h1>
        <form class="filters" method="get" action="/search" role="search">
        <label>{{t.searchWords}} <input name="q" type="search" value="{{q}}" size="40"></label>
        <button type="submit">{{t.search}}</button>
        </form>
        <p class="note">{{t.searchHint}}</p>
        {{#searched}}
        {{#hasNamed}}
        <section class="panel" id="named">
        <h2>{{t.namedByQuery}}</h2>
        <ul>
        {{#people}}<li><a class="person-link" href="{{href}}">{{label}}</a></li>{{/people}}
        {{#groups}}<li><a class="group-link" href="{{href}}">{{id}}</a> {{name}}</li>{{/groups}}
        </ul>
        </section>
        {{/hasNamed}}
        {{#pager}}<p class="count" id="total">{{t.total}}: {{total}}</p>{{/pager}}
        {{^hasRows}}<p>{{t.noResults}}</p>{{/hasRows}}
        {{#hasRows}}
        <table class="records">
        <thead><tr><th>#</th><th>{{t.type}}</th><th>{{t.time}}</th><th>{{t.group}}</th><th>{{t.actor}}</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><td><a class="record-link" href="{{href}}">{{seq}}</a></td><td>{{type}}</td><td>{{time}}</td><td>{{#groupHref}}<a href="{{groupHref}}">{{group}}</a>{{/groupHref}}</td><td>{{#actor}}<a href="{{href}}">{{label}}</a>{{/actor}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{>pagerLinks}}
        {{/searched}}
        {{/main}}
        {{/layout}}

        """
}
