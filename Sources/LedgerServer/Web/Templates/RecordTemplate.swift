extension WebTemplates {
    /// `/records/{seq}`: the stored event, its content or the withholding notice (never the text), and the proof.
    static let record = """
        {{<layout}}
        {{$main}}
        <h1>{{t.record}} #{{seq}}</h1>
        <nav class="pager">
        {{#previous}}<a rel="prev" href="/records/{{previous}}">← {{t.previous}}</a>{{/previous}}
        {{#following}}<a rel="next" href="/records/{{following}}">{{t.next}} →</a>{{/following}}
        </nav>
        <section class="panel" id="event">
        <h2>{{t.event}}</h2>
        <table>
        <thead><tr><th>{{t.field}}</th><th>{{t.value}}</th></tr></thead>
        <tbody>
        {{#fields}}
        <tr><th scope="row">{{label}}</th><td class="{{style}}">{{value}}</td></tr>
        {{/fields}}
        </tbody>
        </table>
        </section>
        <section class="panel" id="content">
        <h2>{{t.content}}</h2>
        {{#withheld}}
        <div class="withheld" id="withheld">
        <h3>{{t.withheld}}</h3>
        <p>{{t.withheldNote}}</p>
        <dl>
        <dt>{{t.orderedBy}}</dt><dd>{{orderedBy}}</dd>
        <dt>{{t.withheldAt}}</dt><dd>{{withheldAt}}</dd>
        <dt>{{t.reason}}</dt><dd>{{reason}}</dd>
        {{#bySeq}}<dt>{{t.bySeq}}</dt><dd><a href="/records/{{bySeq}}">#{{bySeq}}</a></dd>{{/bySeq}}
        </dl>
        </div>
        {{/withheld}}
        {{#hasContent}}
        <table>
        <tbody>
        {{#content}}
        <tr><th scope="row">{{label}}</th><td class="text">{{value}}</td></tr>
        {{/content}}
        </tbody>
        </table>
        {{/hasContent}}
        {{#noContent}}<p>{{t.noContent}}</p>{{/noContent}}
        </section>
        <section class="panel" id="proof">
        <h2>{{t.proof}}</h2>
        <p>{{t.proofIntro}}</p>
        <p><a class="button" href="/records/{{seq}}/proof" download="record-{{seq}}.proof">{{t.download}}</a></p>
        </section>
        {{/main}}
        {{/layout}}

        """
}
