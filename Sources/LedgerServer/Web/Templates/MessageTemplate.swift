extension WebTemplates {
    /// A refusal or an error: its title, what went wrong and what to do.
    static let message = """
        {{<layout}}
        {{$main}}
        <h1>{{title}}</h1>
        <p class="problem">{{message}}</p>
        <p><a href="{{back}}">{{backLabel}}</a></p>
        {{/main}}
        {{/layout}}

        """
}
