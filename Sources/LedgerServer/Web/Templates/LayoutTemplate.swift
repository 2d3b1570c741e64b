extension WebTemplates {
    /// The frame of every page: the ledger's origin, links to the pages once signed in, the language toggle, logout;
    /// pages fill the `main` block.
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{t.appName}}</title>
        <link rel="stylesheet" href="/static/ledger.css">
        </head>
        <body>
        <header class="bar">
        <a class="brand" href="/">{{t.appName}}</a>
        <span class="origin" title="{{t.origin}}">{{origin}}</span>
        {{#readOnly}}<span class="badge">{{t.readOnly}}</span>{{/readOnly}}
        {{#signedIn}}
        <nav class="pages">
        <a href="/">{{t.province}}</a>
        <a href="/findings">{{t.findings}}</a>
        <a href="/directives">{{t.directives}}</a>
        <a href="/search">{{t.search}}</a>
        <a href="/export">{{t.exportTitle}}</a>
        </nav>
        {{/signedIn}}
        <nav>
        <a class="lang" href="{{toggleHref}}" hreflang="{{otherLang}}" lang="{{otherLang}}">{{otherLangName}}</a>
        {{#signedIn}}
        <form class="logout" method="post" action="/logout"><button type="submit">{{t.logout}}</button></form>
        {{/signedIn}}
        </nav>
        </header>
        <main>
        {{$main}}{{/main}}
        </main>
        </body>
        </html>

        """
}
