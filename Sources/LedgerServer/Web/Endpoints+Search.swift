import GroupDomain
import Hummingbird
import LedgerInspection

extension Endpoints {
    /// `/search?q=`: the records holding every word of `q` (ids, names, text; insensitive to diacritics, case and
    /// Unicode normalisation), newest first and fifty to a page, with the people and groups `q` names.
    func searchPage(_ frame: WebFrame) -> Response {
        return withInspectionView(frame) { view in
            let labels = frame.labels
            let list = ListQuery(query: frame.query)
            let request: PageRequest
            switch list.page() {
            case .failure(let problem):
                return WebReply.html(.badRequest, frame.message("badRequest", problem.message(labels), back: "/search"))
            case .success(let read): request = read
            }
            var values: [String: Any] = ["q": list["q"] ?? ""]
            if let query = list["q"] {
                let page = view.search(query, page: request)
                let named = SearchPage.named(query, view: view, language: frame.language)
                values["searched"] = true
                values["rows"] = page.items.map { PageValues.record($0, frame.language) }
                values["hasRows"] = !page.items.isEmpty
                values["pager"] = PageValues.pager(
                    page,
                    path: "/search",
                    query: frame.query.filter { $0.key != "lang" }
                )
                values["people"] = named.people
                values["groups"] = named.groups
                values["hasNamed"] = !named.people.isEmpty || !named.groups.isEmpty
            }
            return WebReply.html(
                .ok,
                WebTemplates.render("search", frame.values(title: labels["search"] ?? "", values))
            )
        }
    }
}
