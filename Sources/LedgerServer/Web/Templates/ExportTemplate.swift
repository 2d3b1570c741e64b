extension WebTemplates {
    /// `/export`: the form that chooses the records of an inspection archive (`/export.tar`).
    static let export = """
        {{<layout}}
        {{$main}}
        <h1>{{t.exportTitle}}</h1>
        <p>{{t.exportIntro}}</p>
        {{#finding}}
        <section class="panel" id="finding">
        <h2>{{t.exportFinding}} {{id}}</h2>
        <p>{{message}}</p>
        <p>{{t.exportEvidence}}: {{#seqs}}<a href="/records/{{.}}">#{{.}}</a> {{/seqs}}</p>
        <form method="get" action="/export.tar" class="export">
        <input type="hidden" name="finding" value="{{id}}">
        <label>{{t.exportPurpose}} <input type="text" name="purpose" maxlength="500"></label>
        <button type="submit">{{t.exportDownload}}</button>
        </form>
        </section>
        {{/finding}}
        <section class="panel" id="by-records">
        <h2>{{t.exportByRecords}}</h2>
        <form method="get" action="/export.tar" class="export">
        <label>{{t.exportSeqs}} <input type="text" name="seqs" placeholder="12, 40-45" required></label>
        <label>{{t.exportPurpose}} <input type="text" name="purpose" maxlength="500"></label>
        <button type="submit">{{t.exportDownload}}</button>
        </form>
        </section>
        <section class="panel" id="by-group">
        <h2>{{t.exportByGroup}}</h2>
        <form method="get" action="/export.tar" class="export">
        <label>{{t.exportGroup}} <select name="group" required>
        {{#groups}}<option value="{{id}}">{{label}}</option>{{/groups}}
        </select></label>
        <label>{{t.exportFrom}} <input type="date" name="from"></label>
        <label>{{t.exportTo}} <input type="date" name="to"></label>
        <label>{{t.exportPurpose}} <input type="text" name="purpose" maxlength="500"></label>
        <button type="submit">{{t.exportDownload}}</button>
        </form>
        </section>
        <section class="panel" id="by-finding">
        <h2>{{t.exportByFinding}}</h2>
        <form method="get" action="/export" class="export">
        <label>{{t.exportFindingID}} <input type="text" name="finding" required></label>
        <button type="submit">{{t.exportShow}}</button>
        </form>
        </section>
        <p class="note">{{t.exportLimit}}</p>
        {{/main}}
        {{/layout}}

        """
}
