extension WebTemplates {
    /// `/`: the integrity panel (size, root, the checkpoint, who signed and cosigned it) and the newest records.
    static let home = """
        {{<layout}}
        {{$main}}
        <h1>{{t.integrity}}</h1>
        <section class="panel" id="integrity">
        <dl>
        <dt>{{t.origin}}</dt><dd>{{origin}}</dd>
        <dt>{{t.size}}</dt><dd id="size">{{size}}</dd>
        <dt>{{t.root}}</dt><dd class="hash" id="root">{{root}}</dd>
        </dl>
        <h2>{{t.signatures}}</h2>
        <table>
        <thead><tr><th>{{t.signer}}</th><th>{{t.keyID}}</th><th>{{t.kind}}</th><th>{{t.cosignedAt}}</th></tr></thead>
        <tbody>
        {{#signatures}}
        <tr><td>{{name}}</td><td class="hash">{{keyID}}</td><td>{{kind}}</td><td>{{cosignedAt}}</td></tr>
        {{/signatures}}
        </tbody>
        </table>
        {{^witnessed}}<p class="note">{{t.noWitness}}</p>{{/witnessed}}
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
        <tr><td><a href="/records/{{seq}}">{{seq}}</a></td><td>{{type}}</td><td>{{time}}</td><td>{{group}}</td><td>{{actor}}</td></tr>
        {{/records}}
        </tbody>
        </table>
        {{/hasRecords}}
        {{/main}}
        {{/layout}}

        """
}
