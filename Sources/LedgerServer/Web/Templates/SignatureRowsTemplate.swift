extension WebTemplates {
    /// The head and rows of a table of a checkpoint's signatures (`signatures`: name, key ID, kind, cosigned at),
    /// for the ledger's checkpoint and for its anchor on the province page.
    static let signatureRows = """
        <thead><tr><th>{{t.signer}}</th><th>{{t.keyID}}</th><th>{{t.kind}}</th><th>{{t.cosignedAt}}</th></tr></thead>
        <tbody>
        {{#signatures}}
        <tr><td>{{name}}</td><td class="hash">{{keyID}}</td><td>{{kind}}</td><td>{{cosignedAt}}</td></tr>
        {{/signatures}}
        </tbody>
        """
}
