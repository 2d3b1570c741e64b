import GroupDomain
import LedgerInspection

/// The values of the province part of `/`: one row per group and the province's counts, with links to the
/// findings and directives pages filtered to each group.
enum ProvincePage {
    /// The values of `summary`, labelled in `labels`.
    static func values(
        _ summary: ProvinceSummary,
        labels: [String: String],
        language: WebLanguage
    ) -> [String: Any] {
        let groups: [[String: Any]] = summary.groups.map { group in
            var row: [String: Any] = [
                "id": group.id, "href": PageValues.groupHref(group.id),
                "name": name(group.name, labels: labels) ?? "",
                "admins": group.admins.map { PageValues.person($0, language) },
                "memberCount": String(group.memberCount),
                "findings": group.openFindingsByRule.sorted { $0.key < $1.key }.map { rule, count in
                    ["rule": rule, "count": String(count), "href": findingsHref(rule: rule, group: group.id)]
                },
                "overdue": String(group.overdueDirectives),
                "directivesHref": "/directives?group=" + FormBody.encode(group.id),
            ]
            if let head = group.head { row["head"] = PageValues.person(head, language) }
            if group.overdueDirectives > 0 { row["hasOverdue"] = true }
            return row
        }
        return [
            "groups": groups, "hasGroups": !groups.isEmpty, "groupCount": String(groups.count),
            "personCount": String(summary.personCount), "withheldRecords": String(summary.withheldRecords),
            "overdueDirectives": String(summary.overdueDirectives),
            "openFindings": String(summary.openFindingsByRule.values.reduce(0, +)),
            "findingsByRule": summary.openFindingsByRule.sorted { $0.key < $1.key }.map { rule, count in
                ["rule": rule, "count": String(count), "href": findingsHref(rule: rule, group: nil)]
            },
            "evaluatedAt": PageValues.time(summary.evaluatedAtMillis), "modelSize": String(summary.size),
        ]
    }

    /// A recorded name as a page shows it: the text, or the withheld label.
    static func name(_ name: RecordedText?, labels: [String: String]) -> String? {
        switch name {
        case .text(let text): text
        case .withheld: labels["nameWithheld"]
        case nil: nil
        }
    }

    /// The findings page listing the open findings of `rule` (in `group`, when given).
    static func findingsHref(rule: String, group: String?) -> String {
        var query = "rule=" + FormBody.encode(rule)
        if let group { query += "&group=" + FormBody.encode(group) }
        return "/findings?" + query + "&status=open"
    }
}
