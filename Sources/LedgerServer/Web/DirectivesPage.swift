import GroupDomain
import LedgerCore
import LedgerInspection

/// The values of `/directives`: the filter form and one entry per directive with a row per assignee.
enum DirectivesPage {
    /// The `status` value that asks for overdue directives.
    static let overdue = "overdue"

    /// The form's fields: the groups and statuses to choose from, the chosen ones marked `selected`.
    static func form(
        _ list: ListQuery,
        view: InspectionView,
        language: WebLanguage,
        labels: [String: String]
    ) -> [String: Any] {
        let groups = view.state.groups.values.sorted { $0.id < $1.id }.map { group in
            [
                "value": group.id, "label": group.id + (group.name?.text.map { " · " + $0 } ?? ""),
                "selected": list["group"] == group.id,
            ] as [String: Any]
        }
        var statuses = DirectiveStatus.allCases.map { status in
            [
                "value": status.rawValue, "label": language.report.label(status),
                "selected": list["status"] == status.rawValue,
            ] as [String: Any]
        }
        statuses.append([
            "value": overdue, "label": labels["overdue"] ?? overdue, "selected": list["status"] == overdue,
        ])
        return ["groups": groups, "statuses": statuses]
    }

    /// One directive: id, group, issuer, issue record, due time, source post, who confirmed it, cancellation,
    /// overdue flag, and a row per assignee.
    static func row(_ summary: DirectiveSummary, language: WebLanguage, labels: [String: String]) -> [String: Any] {
        let directive = summary.directive
        var row: [String: Any] = [
            "id": directive.id, "group": directive.group, "groupHref": PageValues.groupHref(directive.group),
            "issuer": PageValues.person(summary.issuer, language), "issuedSeq": String(directive.issued.seq),
            "issued": PageValues.time(directive.issued.time.unixMillis),
            "due": PageValues.time(directive.due.unixMillis), "overdue": summary.isOverdue,
            "assignments": summary.assignments.map { assignment(row: $0, language: language, labels: labels) },
        ]
        if let source = directive.sourceMessage {
            row["source"] = source
            row["sourceHref"] = "/search?q=" + FormBody.encode(source)
        }
        if let cancelled = directive.cancelled {
            row["cancelled"] = [
                "seq": String(cancelled.mark.seq), "time": PageValues.time(cancelled.mark.time.unixMillis),
                "reason": cancelled.reason ?? "",
            ]
        }
        return row
    }

    /// An assignee's row: status, acknowledgement (and how it was seen), first progress, completion, overdue.
    private static func assignment(
        row assignment: DirectiveSummary.Assignment,
        language: WebLanguage,
        labels: [String: String]
    ) -> [String: Any] {
        let row = assignment.row
        var values: [String: Any] = [
            "assignee": PageValues.person(assignment.assignee, language), "status": row.status.rawValue,
            "statusLabel": language.report.label(row.status), "overdue": row.overdue, "gaps": row.gaps.count,
        ]
        if let acknowledgement = row.acknowledgement {
            values["acknowledgement"] = mark(acknowledgement.mark)
            values["acknowledgedHow"] = language.report.label(acknowledgement.evidence)
        }
        if let progress = row.progress { values["progress"] = mark(progress) }
        if let completed = row.completed { values["completed"] = mark(completed) }
        return values
    }

    /// A record as a link and its time.
    private static func mark(_ mark: EventMark) -> [String: String] {
        ["seq": String(mark.seq), "href": "/records/\(mark.seq)", "time": PageValues.time(mark.time.unixMillis)]
    }
}
