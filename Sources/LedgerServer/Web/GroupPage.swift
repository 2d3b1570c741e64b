import GroupDomain
import LedgerCore
import LedgerInspection

/// The values of `/groups/{id}` but its timeline rows: the group's state at the point asked (head, deputies,
/// admins, platform admins, members, each with the record that made them so), the forms to choose the point and to
/// filter the timeline, and links to the group's findings and directives.
enum GroupPage {
    static func values(
        id: String,
        state: GroupState?,
        view: InspectionView,
        request: GroupPageRequest,
        query: [String: String],
        labels: [String: String],
        language: WebLanguage
    ) -> [String: Any] {
        let current = view.state.groups[id]
        var values: [String: Any] = [
            "id": id, "name": ProvincePage.name(current?.name, labels: labels) ?? id,
            "findingsHref": "/findings?group=" + FormBody.encode(id),
            "directivesHref": "/directives?group=" + FormBody.encode(id),
            "asOf": asOf(request.cutoff, labels: labels), "travelling": request.cutoff != .everything,
            "form": form(request, query: query, href: PageValues.groupHref(id)),
            "selfHref": PageValues.groupHref(id),
        ]
        if let field = current?.field { values["field"] = field }
        if let decision = current?.decision { values["decision"] = decision }
        if let state {
            var kept = query
            kept["lang"] = nil
            values["state"] = stateValues(
                state,
                view: view,
                language: language,
                membersPage: request.membersPage,
                pagerPath: PageValues.groupHref(id),
                query: kept
            )
        } else {
            values["notYet"] = true
        }
        return values
    }

    /// When the state is shown: now, the end of the chosen time, or after the chosen record.
    private static func asOf(_ cutoff: StateCutoff, labels: [String: String]) -> String {
        switch cutoff {
        case .everything: labels["stateNow"] ?? ""
        case .eventTime(let time): (labels["stateAt"] ?? "") + " " + PageValues.time(time.unixMillis)
        case .seq(let seq): (labels["stateAtRecord"] ?? "") + " #\(seq)"
        case .appendTime(let millis): (labels["stateAt"] ?? "") + " " + PageValues.time(millis)
        }
    }

    /// How many members a page of the member list shows; a group of thousands would otherwise make a page of
    /// megabytes.
    static let membersPerPage = 100

    private static func stateValues(
        _ group: GroupState,
        view: InspectionView,
        language: WebLanguage,
        membersPage: Int,
        pagerPath: String,
        query: [String: String]
    ) -> [String: Any] {
        func appointed(_ appointment: Appointment) -> [String: Any] {
            var values = PageValues.person(view.personRef(appointment.holder), language)
            values["since"] = PageValues.time(appointment.since.time.unixMillis)
            values["sinceSeq"] = String(appointment.since.seq)
            if let by = appointment.by { values["by"] = PageValues.person(view.personRef(by), language) }
            return values
        }
        func sorted(_ appointments: [String: Appointment]) -> [[String: Any]] {
            appointments.values.sorted { ($0.since, $0.holder) < ($1.since, $1.holder) }.map(appointed)
        }
        let pageCount = max(1, (group.members.count + membersPerPage - 1) / membersPerPage)
        let shown = min(membersPage, pageCount)
        let members: [[String: Any]] = group.members.sorted { ($0.value.since, $0.key) < ($1.value.since, $1.key) }
            .dropFirst((shown - 1) * membersPerPage).prefix(membersPerPage)
            .map { account, membership in
                var values = PageValues.person(view.personRef(account), language)
                values["since"] = PageValues.time(membership.since.time.unixMillis)
                values["sinceSeq"] = String(membership.since.seq)
                if let via = membership.via { values["via"] = via }
                return values
            }
        var values: [String: Any] = [
            "deputies": sorted(group.deputies), "admins": sorted(group.admins),
            "platformAdmins": sorted(group.platformAdmins), "members": members,
            "memberCount": String(group.members.count),
            "posts": String(group.posts), "recalled": String(group.recalled), "removed": String(group.removed),
        ]
        if let head = group.head { values["head"] = appointed(head) }
        if pageCount > 1 {
            values["membersPager"] = PageValues.pager(
                number: shown,
                count: pageCount,
                total: group.members.count,
                path: pagerPath,
                query: query,
                parameter: "members_page"
            )
        }
        return values
    }

    /// The values of the two GET forms, the point in time and the timeline's filter, as the reader gave them.
    private static func form(_ request: GroupPageRequest, query: [String: String], href: String) -> [String: Any] {
        let chosen = request.filter.types.count == 1 ? request.filter.types.first : nil
        var values: [String: Any] = [
            "types": EventCatalogue.types.keys.sorted().map { type -> [String: Any] in
                ["type": type.rawValue, "selected": type.rawValue == chosen]
            },
            "person": request.filter.person ?? "", "reactions": request.reactions,
            "oldest": !request.filter.newestFirst, "href": href,
        ]
        for name in ["at", "at_record", "from", "to"] { values[name] = query[name] ?? "" }
        return values
    }
}
