import GroupDomain
import LedgerCore
import LedgerInspection

/// What the query of `/groups/{id}` asks for: the point of the state (`at`, `at_record`) and the timeline's
/// filter, order and page.
struct GroupPageRequest {
    /// A parameter whose value the page does not understand.
    struct Problem: Error {
        let parameter: String
        let value: String
    }

    /// The point the group's state is shown at: everything, or the cutoff of `at` / `at_record`.
    var cutoff = StateCutoff.everything
    /// The timeline's filter.
    var filter = TimelineFilter(newestFirst: true)
    /// The page of the timeline, from 1.
    var page = 1
    /// The page of the member list, from 1 (`members_page`).
    var membersPage = 1
    /// Whether reactions are listed.
    var reactions = false

    /// The event types a timeline lists by default: every type but reactions.
    static let typesWithoutReactions = Set(EventCatalogue.types.keys.filter { $0 != .reactionAdded }.map(\.rawValue))

    /// Reads `query`; the first parameter not understood is the failure.
    static func parse(_ query: [String: String]) -> Result<GroupPageRequest, Problem> {
        var request = GroupPageRequest()
        func given(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let at = given("at") {
            guard let time = PageTime.time(at, endOfDay: true) else {
                return .failure(Problem(parameter: "at", value: at))
            }
            request.cutoff = .eventTime(time)
        }
        if let record = given("at_record") {
            guard let seq = UInt64(record) else { return .failure(Problem(parameter: "at_record", value: record)) }
            request.cutoff = .seq(seq)
        }
        for (name, endOfDay) in [("from", false), ("to", true)] {
            guard let text = given(name) else { continue }
            guard let millis = PageTime.time(text, endOfDay: endOfDay)?.unixMillis else {
                return .failure(Problem(parameter: name, value: text))
            }
            if endOfDay { request.filter.toMillis = millis } else { request.filter.fromMillis = millis }
        }
        if let order = given("order") {
            guard order == "oldest" || order == "newest" else {
                return .failure(Problem(parameter: "order", value: order))
            }
            request.filter.newestFirst = order == "newest"
        }
        if let page = given("page") {
            guard let number = Int(page), number >= 1 else { return .failure(Problem(parameter: "page", value: page)) }
            request.page = number
        }
        if let page = given("members_page") {
            guard let number = Int(page), number >= 1 else {
                return .failure(Problem(parameter: "members_page", value: page))
            }
            request.membersPage = number
        }
        if let reactions = given("reactions") {
            guard reactions == "1" || reactions == "0" else {
                return .failure(Problem(parameter: "reactions", value: reactions))
            }
            request.reactions = reactions == "1"
        }
        request.filter.person = given("person")
        if let types = given("type") {
            request.filter.types = Set(types.split(separator: ",").map(String.init))
            if let unknown = request.filter.types.first(where: { EventCatalogue.types[EventType(rawValue: $0)] == nil })
            {
                return .failure(Problem(parameter: "type", value: unknown))
            }
        } else if !request.reactions {
            request.filter.types = typesWithoutReactions
        }
        return .success(request)
    }
}
