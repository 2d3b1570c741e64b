import GroupDomain
import LedgerInspection

/// Template values that several pages share: a person with a link to their page, a time as the province reads it, a
/// record row, and a pager. Every value is text for `{{name}}` (escaped by the template), never markup.
enum PageValues {
    /// Times shown on pages: the rule configuration's display offset (UTC+07:00 by default), as findings use.
    static let clock = RuleConfiguration.default.displayTime

    /// `millis` (Unix milliseconds) as the province's local time, e.g. `2026-11-03 07:45:12 +07:00`.
    static func time(_ millis: Int64) -> String { clock.format(millis) }

    /// A person or account: `id`, `label` (the id with name, position and unit in the reader's language) and
    /// `href`, the person's page (the bound person's, for an account).
    static func person(_ ref: PersonRef, _ language: WebLanguage) -> [String: Any] {
        [
            "id": ref.id, "label": language == .vi ? ref.labelVI : ref.labelEN,
            "href": "/people/" + segment(ref.person ?? ref.id),
        ]
    }

    /// A group's page.
    static func groupHref(_ id: String) -> String { "/groups/" + segment(id) }

    /// `id` percent-encoded as one path segment (`/` included); ``WebRoute`` decodes it.
    static func segment(_ id: String) -> String { FormBody.encode(id, keepingSlash: false) }

    /// One row of a record list: `seq`, `href`, `type`, `time`, `group` with `groupHref` (empty outside a group) and
    /// `actor` (see ``person(_:_:)``).
    static func record(_ record: RecordSummary, _ language: WebLanguage) -> [String: Any] {
        [
            "seq": String(record.seq), "href": "/records/\(record.seq)", "type": record.type,
            "time": time(record.timeMillis), "group": record.group ?? "",
            "groupHref": record.group.map(groupHref) ?? "", "actor": person(record.actor, language),
        ]
    }

    /// A pager for `page` of the list at `path`: `number`, `count`, `total`, and `previous` / `next` links keeping
    /// the other parameters of `query` (absent on the first / last page).
    static func pager<Item>(_ page: Page<Item>, path: String, query: [String: String]) -> [String: Any] {
        pager(number: page.request.number, count: page.pageCount, total: page.total, path: path, query: query)
    }

    /// A pager for page `number` of `count` (`total` items) of the list at `path`, whose page is the query
    /// parameter `parameter`.
    static func pager(
        number: Int,
        count: Int,
        total: Int,
        path: String,
        query: [String: String],
        parameter: String = "page"
    ) -> [String: Any] {
        func link(_ number: Int) -> String {
            var kept = query.filter { $0.key != parameter }.sorted { $0.key < $1.key }
            kept.append((parameter, String(number)))
            return path + "?" + kept.map { FormBody.encode($0.0) + "=" + FormBody.encode($0.1) }.joined(separator: "&")
        }
        var values: [String: Any] = ["number": number, "count": count, "total": total]
        if number > 1 { values["previous"] = link(min(number - 1, count)) }
        if number < count { values["next"] = link(number + 1) }
        return values
    }
}
