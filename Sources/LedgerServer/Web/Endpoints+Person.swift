import Hummingbird
import LedgerInspection

extension Endpoints {
    /// How many records a page of a person's records lists.
    static let personPageSize = 50

    /// `/people/{id}`: a person (accounts over time, account changes, groups and roles, records with their posts,
    /// directives, findings about them) or an account (the same, with a link to the person it is bound to). 404 for
    /// an id the ledger never named; 400 for a `page` that is not a number from 1.
    func personPage(_ segment: String, _ frame: WebFrame) -> Response {
        let labels = frame.labels
        guard let id = WebRoute.decodeSegment(segment) else {
            return WebReply.html(.notFound, frame.message("notFound", "personMissing"))
        }
        var number = 1
        if let text = frame.query["page"], !text.isEmpty {
            guard let parsed = Int(text), parsed >= 1 else {
                let problem = (labels["badParameter"] ?? "") + " page=" + text
                return WebReply.html(.badRequest, frame.message("badRequest", problem))
            }
            number = parsed
        }
        return withInspectionView(frame) { view in
            guard let page = view.person(id, records: PageRequest(number: number, size: Self.personPageSize)) else {
                return WebReply.html(.notFound, frame.message("notFound", "personMissing"))
            }
            do {
                var values = PersonPageValues.values(page, labels: labels, language: frame.language)
                let rows = try TimelineRows(view: view, reader: webReader, labels: labels, language: frame.language)
                    .rows(page.records.items, gaps: false, newestFirst: true)
                values["rows"] = rows
                values["hasRows"] = !rows.isEmpty
                var kept = frame.query
                kept["lang"] = nil
                values["pager"] = PageValues.pager(page.records, path: "/people/" + PageValues.segment(id), query: kept)
                let title = frame.language == .vi ? page.person.labelVI : page.person.labelEN
                return WebReply.html(.ok, WebTemplates.render("person", frame.values(title: title, values)))
            } catch {
                return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
            }
        }
    }
}
