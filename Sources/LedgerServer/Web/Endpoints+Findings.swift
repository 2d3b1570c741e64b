import GroupDomain
import Hummingbird
import LedgerInspection

extension Endpoints {
    /// `/findings`: the findings filtered by `rule`, `group`, `person`, `status` and time (`from`, `to`), fifty to
    /// a page (`page`), each linking to its page.
    func findingsPage(_ frame: WebFrame) -> Response {
        return withInspectionView(frame) { view in
            let labels = frame.labels
            let list = ListQuery(query: frame.query)
            let filter: FindingFilter
            let request: PageRequest
            switch FindingsPage.filter(list).flatMap({ filter in list.page().map { (filter, $0) } }) {
            case .failure(let problem):
                return WebReply.html(
                    .badRequest,
                    frame.message("badRequest", problem.message(labels), back: "/findings")
                )
            case .success(let read):
                filter = read.0
                request = read.1
            }
            let page = view.findings(filter, page: request)
            var values = FindingsPage.form(list, view: view, language: frame.language, labels: labels)
            values["rows"] = page.items.map { FindingsPage.row($0, language: frame.language, labels: labels) }
            values["hasRows"] = !page.items.isEmpty
            values["pager"] = PageValues.pager(page, path: "/findings", query: frame.query.filter { $0.key != "lang" })
            return WebReply.html(
                .ok,
                WebTemplates.render("findings", frame.values(title: labels["findings"] ?? "", values))
            )
        }
    }

    /// `/findings/{id}`: one finding with its rule's words, evidence (matched spans marked) and reviews; 404 for an
    /// id the model does not hold.
    func findingPage(_ text: String, _ frame: WebFrame) -> Response {
        return withInspectionView(frame) { view in
            guard let id = WebRoute.decodeSegment(text), let summary = view.finding(id: id) else {
                return WebReply.html(.notFound, frame.message("notFound", "findingMissing", back: "/findings"))
            }
            do {
                let values = try FindingPage.values(
                    summary,
                    view: view,
                    reader: webReader,
                    language: frame.language,
                    labels: frame.labels
                )
                let title = "\(frame.labels["finding"] ?? "") \(id)"
                return WebReply.html(.ok, WebTemplates.render("finding", frame.values(title: title, values)))
            } catch {
                return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
            }
        }
    }
}
