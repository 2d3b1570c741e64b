import GroupDomain
import Hummingbird
import LedgerInspection

extension Endpoints {
    /// How many directives a page of `/directives` lists.
    static let directivesPageSize = 50

    /// `/directives`: the directives (only a `group`'s, only those with an assignee in `status`, or only overdue
    /// ones with `status=overdue`), fifty to a page (`page`), with each assignee's acknowledgement, progress and
    /// completion.
    func directivesPage(_ frame: WebFrame) -> Response {
        return withInspectionView(frame) { view in
            let labels = frame.labels
            let list = ListQuery(query: frame.query)
            let status = list["status"]
            let wanted = status.flatMap(DirectiveStatus.init(rawValue:))
            if let status, wanted == nil, status != DirectivesPage.overdue {
                let problem = ListQueryProblem(parameter: "status", value: status, expected: .directiveStatus)
                return WebReply.html(
                    .badRequest,
                    frame.message("badRequest", problem.message(labels), back: "/directives")
                )
            }
            let request: PageRequest
            switch list.page(size: Self.directivesPageSize) {
            case .failure(let problem):
                return WebReply.html(
                    .badRequest,
                    frame.message("badRequest", problem.message(labels), back: "/directives")
                )
            case .success(let read): request = read
            }
            let page = view.directives(
                group: list["group"],
                status: wanted,
                overdueOnly: status == DirectivesPage.overdue,
                page: request
            )
            var values = DirectivesPage.form(list, view: view, language: frame.language, labels: labels)
            values["directives"] = page.items.map { DirectivesPage.row($0, language: frame.language, labels: labels) }
            values["hasDirectives"] = !page.items.isEmpty
            values["count"] = page.total
            values["pager"] = PageValues.pager(
                page,
                path: "/directives",
                query: frame.query.filter { $0.key != "lang" }
            )
            return WebReply.html(
                .ok,
                WebTemplates.render("directives", frame.values(title: labels["directives"] ?? "", values))
            )
        }
    }
}
