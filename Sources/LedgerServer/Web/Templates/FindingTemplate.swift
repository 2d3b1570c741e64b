extension WebTemplates {
    /// `/findings/{id}`: the rule in the decision's words (Vietnamese and English), what was found, the subject,
    /// the evidence records with the matched spans marked, and the review history.
    static let finding = """
        {{<layout}}
        {{$main}}
        <h1>{{t.finding}} <span class="hash">{{id}}</span></h1>
        <p><a href="/findings">← {{t.findings}}</a></p>
        <section class="panel" id="rule">
        <h2>{{t.rule}} {{rule}}</h2>
        <div class="rule-words" lang="vi"><h3>{{ruleTitleVI}}</h3>{{#ruleVI}}<blockquote>{{ruleVI}}</blockquote>{{/ruleVI}}</div>
        <div class="rule-words" lang="en"><h3>{{ruleTitleEN}}</h3>{{#ruleEN}}<blockquote>{{ruleEN}}</blockquote>{{/ruleEN}}</div>
        <p class="note">{{t.decision}}</p>
        </section>
        <section class="panel" id="found">
        <h2>{{t.found}}</h2>
        <p class="message">{{message}}</p>
        <dl>
        <dt>{{t.check}}</dt><dd>{{check}}</dd>
        <dt>{{t.severity}}</dt><dd>{{severity}}</dd>
        <dt>{{t.status}}</dt><dd id="status">{{statusLabel}}</dd>
        <dt>{{t.time}}</dt><dd>{{time}}</dd>
        {{#groupHref}}<dt>{{t.group}}</dt><dd><a href="{{groupHref}}">{{group}}</a></dd>{{/groupHref}}
        {{#subject}}<dt>{{t.subject}}</dt><dd id="subject"><a href="{{href}}">{{label}}</a></dd>{{/subject}}
        {{#resolved}}<dt>{{t.resolvedBy}}</dt><dd><a href="/records/{{seq}}">#{{seq}}</a> {{time}}</dd>{{/resolved}}
        </dl>
        </section>
        <section class="panel" id="evidence">
        <h2>{{t.evidence}}</h2>
        {{#evidence}}
        <div class="evidence">
        <p><a class="record-link" href="{{href}}">{{t.record}} #{{seq}}</a> · {{type}} · {{time}}{{#groupHref}} · <a href="{{groupHref}}">{{group}}</a>{{/groupHref}} · {{#actor}}<a href="{{href}}">{{label}}</a>{{/actor}}</p>
        {{#withheld}}<p class="withheld">{{t.withheldNote}}</p>{{/withheld}}
        {{#texts}}
        <p class="field-name">{{field}} ({{kinds}})</p>
        <p class="text matched">{{#pieces}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/pieces}}</p>
        {{/texts}}
        </div>
        {{/evidence}}
        {{#hasGaps}}
        <h3>{{t.captureGaps}}</h3>
        <ul>{{#gaps}}<li>{{#account}}<a href="{{href}}">{{label}}</a>{{/account}}: <a href="/records/{{fromSeq}}">{{from}}</a> – {{to}}</li>{{/gaps}}</ul>
        {{/hasGaps}}
        </section>
        <section class="panel" id="reviews">
        <h2>{{t.reviews}}</h2>
        {{^hasReviews}}<p>{{t.noReviews}}</p>{{/hasReviews}}
        {{#hasReviews}}
        <table>
        <thead><tr><th>{{t.time}}</th><th>{{t.verdict}}</th><th>{{t.reviewer}}</th><th>{{t.note}}</th><th>{{t.record}}</th></tr></thead>
        <tbody>
        {{#reviews}}
        <tr><td>{{time}}</td><td class="verdict-{{verdict}}">{{verdictLabel}}</td><td>{{#reviewer}}<a href="{{href}}">{{label}}</a>{{/reviewer}}</td><td class="text">{{note}}</td><td><a href="/records/{{seq}}">#{{seq}}</a></td></tr>
        {{/reviews}}
        </tbody>
        </table>
        {{/hasReviews}}
        </section>
        {{/main}}
        {{/layout}}

        """
}
