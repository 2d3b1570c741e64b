import GroupDomain
import LedgerCore
import LedgerInspection

/// The values of `/people/{id}` but its record rows: who the person (or account) is, the accounts bound to them
/// over time, account changes, the parts they play in groups, the directives they issued or were assigned, and the
/// findings about them.
enum PersonPageValues {
    static func values(_ page: PersonPage, labels: [String: String], language: WebLanguage) -> [String: Any] {
        let person = page.person
        var values: [String: Any] = [
            "person": PageValues.person(person, language), "id": person.id,
            "roles": page.roles.map { role(of: $0, labels: labels) },
            "directives": page.directives.map { directive(of: $0, for: person.id, language: language) },
            "findings": page.findings.map { finding(of: $0, language: language) },
        ]
        if let bound = person.person, bound != person.id {
            values["boundTo"] = ["href": "/people/" + PageValues.segment(bound), "id": bound]
        }
        if let position = person.position { values["position"] = position }
        if let unit = person.unit { values["unit"] = unit }
        if person.isNameWithheld { values["nameWithheld"] = true }
        if let state = page.state {
            values["accounts"] = state.accounts.map { period -> [String: Any] in
                var row: [String: Any] = [
                    "account": period.account, "href": "/people/" + PageValues.segment(period.account),
                    "bound": PageValues.time(period.bound.time.unixMillis), "boundSeq": String(period.bound.seq),
                ]
                if let unbound = period.unbound {
                    row["unbound"] = PageValues.time(unbound.time.unixMillis)
                    row["unboundSeq"] = String(unbound.seq)
                }
                return row
            }
            values["changes"] = state.changes.map { change -> [String: Any] in
                var row: [String: Any] = ["newAccount": change.newAccount, "oldAccount": change.oldAccount ?? "–"]
                if let group = change.group { row["group"] = ["id": group, "href": PageValues.groupHref(group)] }
                if let reported = change.reported { row["reportedSeq"] = String(reported.seq) }
                row["reported"] = change.reported.map { PageValues.time($0.time.unixMillis) } ?? "–"
                row["approvedBy"] = change.approvedBy ?? "–"
                row["approved"] = change.approved.map { PageValues.time($0.time.unixMillis) } ?? "–"
                return row
            }
        }
        for list in ["accounts", "changes", "roles", "directives", "findings"] {
            values["has" + list.prefix(1).uppercased() + list.dropFirst()] = !((values[list] as? [Any]) ?? []).isEmpty
        }
        return values
    }

    /// A part in a group: the group, the part (with the account for a member or platform admin), the record from
    /// which it was held and the one that ended it (none while it lasts), each with its time.
    private static func role(of role: GroupRole, labels: [String: String]) -> [String: Any] {
        let (key, account): (String, String?) =
            switch role.kind {
            case .head: ("head", nil)
            case .deputy: ("deputy", nil)
            case .admin: ("admin", nil)
            case .platformAdmin(let account): ("platformAdmin", account)
            case .member(let account): ("member", account)
            }
        var row: [String: Any] = [
            "group": role.group, "groupHref": PageValues.groupHref(role.group),
            "groupName": ProvincePage.name(role.groupName, labels: labels) ?? role.group,
            "kind": labels["role." + key] ?? key, "since": PageValues.time(role.since.timeMillis),
            "sinceSeq": String(role.since.seq),
        ]
        if let account { row["account"] = account }
        if let until = role.until {
            row["until"] = ["time": PageValues.time(until.timeMillis), "seq": String(until.seq)]
        }
        return row
    }

    /// A directive: id, group, issuer, due time and each assignee's status (the person's own first).
    private static func directive(
        of summary: DirectiveSummary,
        for id: String,
        language: WebLanguage
    ) -> [String: Any] {
        let directive = summary.directive
        return [
            "id": directive.id, "group": directive.group, "groupHref": PageValues.groupHref(directive.group),
            "issuer": PageValues.person(summary.issuer, language), "due": PageValues.time(directive.due.unixMillis),
            "issued": PageValues.time(directive.issued.time.unixMillis), "issuedSeq": String(directive.issued.seq),
            "href": "/directives?group=" + FormBody.encode(directive.group),
            "assignments": summary.assignments.map { assignment -> [String: Any] in
                var row: [String: Any] = [
                    "assignee": PageValues.person(assignment.assignee, language),
                    "status": assignment.row.status.rawValue,
                ]
                if assignment.row.overdue { row["overdue"] = true }
                if assignment.assignee.id == id { row["self"] = true }
                return row
            },
        ]
    }

    /// A finding about the person: rule, status, time, group and message, linking to the finding's page.
    private static func finding(of summary: FindingSummary, language: WebLanguage) -> [String: Any] {
        let finding = summary.finding
        var row: [String: Any] = [
            "id": finding.id, "href": "/findings/" + PageValues.segment(finding.id), "rule": finding.rule,
            "status": summary.status.rawValue, "time": PageValues.time(finding.time),
            "message": language == .vi ? finding.messageVI : finding.messageEN,
        ]
        if let group = finding.group { row["group"] = ["id": group, "href": PageValues.groupHref(group)] }
        return row
    }
}
