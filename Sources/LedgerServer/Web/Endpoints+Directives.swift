import GroupDomain
import Hummingbird
import LedgerInspection

extension Endpoints {
    /// `/directives`: every directive (only a `group`'s, only those with an assignee in `status`, or only overdue
    /// ones with `status=overdue`), with each assignee's acknowledgement, progress and completion.
    func directivesPage(_ frame: WebFrame) -> Response {
        let view: InspectionView
        switch inspectionView(frame) {
        case .failure(let refusal): return refusal.response
        case .success(let ready): view = ready
        }
        let labels = frame.labels
        let list = ListQuery(query: frame.query)
        let status = list["status"]
        let wanted = status.flatMap(DirectiveStatus.init(rawValue:))
        if let status, wanted == nil, status != DirectivesPage.overdue {
            let problem = ListQueryProblem(parameter: "status", value: status, expected: .directiveStatus)
            return WebReply.html(.badRequest, frame.message("badRequest", problem.message(labels), back: "/directives"))
        }
        let directives = view.directives(group: list["group"], overdueOnly: status == DirectivesPage.overdue)
            .filter { directive in
                wanted.map { wanted in directive.assignments.contains { $0.row.status == wanted } } ?? true
            }
        var values = DirectivesPage.form(list, view: view, language: frame.language, labels: labels)
        values["directives"] = directives.map { DirectivesPage.row($0, language: frame.language, labels: labels) }
        values["hasDirectives"] = !directives.isEmpty
        values["count"] = directives.count
        return WebReply.html(
            .ok,
            WebTemplates.render("directives", frame.values(title: labels["directives"] ?? "", values))
        )
    }
}
