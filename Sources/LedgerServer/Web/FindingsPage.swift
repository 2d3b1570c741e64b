import GroupDomain
import LedgerInspection

/// The values of `/findings`: the filter form as the reader filled it, and one row per finding.
enum FindingsPage {
    /// The filter the query asks for; an unknown status or an unreadable time is a problem.
    static func filter(_ list: ListQuery) -> Result<FindingFilter, ListQueryProblem> {
        var status: FindingStatus?
        if let text = list["status"] {
            guard let known = FindingStatus(rawValue: text) else {
                return .failure(ListQueryProblem(parameter: "status", value: text, expected: .status))
            }
            status = known
        }
        return list.time("from", endOfDay: false).flatMap { from in
            list.time("to", endOfDay: true).map { to in
                FindingFilter(
                    rules: list["rule"].map { [$0] } ?? [],
                    group: list["group"],
                    person: list["person"],
                    status: status,
                    fromMillis: from,
                    toMillis: to
                )
            }
        }
    }

    /// The form's fields: the rules, groups and statuses to choose from (the chosen one marked `selected`), and
    /// the person and times as typed.
    static func form(
        _ list: ListQuery,
        view: InspectionView,
        language: WebLanguage,
        labels: [String: String]
    ) -> [String: Any] {
        let rules = RuleTitle.rules.map { rule in
            [
                "value": rule, "label": rule + " · " + RuleTitle.of(rule, language.report),
                "selected": list["rule"] == rule,
            ] as [String: Any]
        }
        let groups = view.state.groups.values.sorted { $0.id < $1.id }.map { group in
            [
                "value": group.id, "label": group.id + (group.name?.text.map { " · " + $0 } ?? ""),
                "selected": list["group"] == group.id,
            ] as [String: Any]
        }
        let statuses = FindingStatus.allCases.map { status in
            [
                "value": status.rawValue, "label": label(status, labels),
                "selected": list["status"] == status.rawValue,
            ] as [String: Any]
        }
        return [
            "rules": rules, "groups": groups, "statuses": statuses, "person": list["person"] ?? "",
            "from": list["from"] ?? "", "to": list["to"] ?? "",
        ]
    }

    /// One finding's row: its id and page, rule, check, severity, group, subject, time, status and message.
    static func row(_ summary: FindingSummary, language: WebLanguage, labels: [String: String]) -> [String: Any] {
        let finding = summary.finding
        var row: [String: Any] = [
            "id": finding.id, "href": "/findings/" + PageValues.segment(finding.id), "rule": finding.rule,
            "ruleTitle": RuleTitle.of(finding.rule, language.report),
            "check": language.report.label(check: finding.check), "severity": severity(finding.severity, language),
            "time": PageValues.time(finding.time), "status": summary.status.rawValue,
            "statusLabel": label(summary.status, labels), "message": finding.message(language.report),
            "group": finding.group ?? "", "groupHref": finding.group.map(PageValues.groupHref) ?? "",
        ]
        if let subject = summary.subject { row["subject"] = PageValues.person(subject, language) }
        return row
    }

    /// A status for people.
    static func label(_ status: FindingStatus, _ labels: [String: String]) -> String {
        labels["finding_" + status.rawValue] ?? status.rawValue
    }

    /// A severity for people.
    static func severity(_ severity: Severity, _ language: WebLanguage) -> String {
        language == .vi ? severity.vietnamese : severity.rawValue
    }
}
