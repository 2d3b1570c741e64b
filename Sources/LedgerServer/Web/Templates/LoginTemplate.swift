extension WebTemplates {
    /// `GET /login`: the token form; `problem` when a try was refused.
    static let login = """
        {{<layout}}
        {{$main}}
        <h1>{{t.login}}</h1>
        {{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
        <form class="login" method="post" action="/login">
        <p>{{t.loginIntro}}</p>
        <label for="token">{{t.token}}</label>
        <input id="token" name="token" type="password" autocomplete="off" required>
        <input name="next" type="hidden" value="{{next}}">
        <button type="submit">{{t.login}}</button>
        </form>
        {{/main}}
        {{/layout}}

        """
}
