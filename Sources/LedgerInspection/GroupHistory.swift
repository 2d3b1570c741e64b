import GroupDomain
import LedgerCore

/// A group's state after each of its records, kept as changes, so that the state at any record is rebuilt without
/// reading the ledger (time travel). It watches the ``GroupDomain/Projector``'s result before and after each record
/// rather than interpreting events itself, so it always agrees with a replay.
struct GroupHistory: Sendable, Equatable, Codable {
    /// The group without its dictionaries and post counters, from a record on.
    struct Version: Sendable, Equatable, Codable {
        let seq: UInt64
        let group: GroupState
    }

    var versions: [Version] = []
    var members = KeyedHistory<Membership>()
    var platformAdmins = KeyedHistory<Appointment>()
    var deputies = KeyedHistory<Appointment>()
    var admins = KeyedHistory<Appointment>()
    var acknowledgements = KeyedHistory<Acknowledgement>()
    /// The records that counted a post, a recall, a removal, and that became the latest post.
    var posted: [UInt64] = []
    var recalled: [UInt64] = []
    var removed: [UInt64] = []
    var lastPosts: [UInt64] = []
    /// Whether the group's records came in order of event time and of append time.
    var order = RecordOrder()

    init() {}

    /// What ``note(_:before:after:)`` compares of the group before a record: everything but the members and the
    /// platform admins (which it looks up by the accounts the record names).
    struct Prior {
        let deputies: [String: Appointment]
        let admins: [String: Appointment]
        let acknowledgements: [String: Acknowledgement]
        let posts: Int
        let recalled: Int
        let removed: Int
        let lastPost: EventMark?

        init(_ group: GroupState) {
            deputies = group.deputies
            admins = group.admins
            acknowledgements = group.acknowledgements
            posts = group.posts
            recalled = group.recalled
            removed = group.removed
            lastPost = group.lastPost
        }
    }

    /// Notes what record `recorded` changed: the group was `before` (nil: not yet seen) and is `after`.
    mutating func note(_ recorded: RecordedEvent, before: Prior?, after: GroupState) {
        let seq = recorded.seq
        order.note(recorded)
        let bare = Self.bare(after)
        if versions.last?.group != bare { versions.append(Version(seq: seq, group: bare)) }
        let accounts = recorded.event.data?["accounts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for account in accounts {
            members.note(account, after.members[account], at: seq)
            platformAdmins.note(account, after.platformAdmins[account], at: seq)
        }
        deputies.note(from: before?.deputies ?? [:], to: after.deputies, at: seq)
        admins.note(from: before?.admins ?? [:], to: after.admins, at: seq)
        acknowledgements.note(from: before?.acknowledgements ?? [:], to: after.acknowledgements, at: seq)
        if after.posts != before?.posts ?? 0 { posted.append(seq) }
        if after.recalled != before?.recalled ?? 0 { recalled.append(seq) }
        if after.removed != before?.removed ?? 0 { removed.append(seq) }
        if let last = after.lastPost, last != before?.lastPost { lastPosts.append(last.seq) }
    }

    /// The group after records `0...seq`, or `nil` when none of them named it; `time` gives the event time of a
    /// record (for the latest post's mark).
    func state(
        through seq: UInt64,
        time: (UInt64) throws(LedgerError) -> Timestamp
    ) throws(LedgerError)
        -> GroupState?
    {
        guard let version = versions.last(where: { $0.seq <= seq }) else { return nil }
        var group = version.group
        group.members = members.values(through: seq)
        group.platformAdmins = platformAdmins.values(through: seq)
        group.deputies = deputies.values(through: seq)
        group.admins = admins.values(through: seq)
        group.acknowledgements = acknowledgements.values(through: seq)
        group.posts = posted.countThrough(seq)
        group.recalled = recalled.countThrough(seq)
        group.removed = removed.countThrough(seq)
        let latest = lastPosts.countThrough(seq)
        if latest > 0 {
            let postSeq = lastPosts[latest - 1]
            group.lastPost = EventMark(seq: postSeq, time: try time(postSeq))
        }
        return group
    }

    /// `group` without what the keyed histories and counters keep.
    private static func bare(_ group: GroupState) -> GroupState {
        var bare = group
        bare.members = [:]
        bare.platformAdmins = [:]
        bare.deputies = [:]
        bare.admins = [:]
        bare.acknowledgements = [:]
        bare.posts = 0
        bare.recalled = 0
        bare.removed = 0
        bare.lastPost = nil
        return bare
    }
}
