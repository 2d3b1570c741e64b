/// One group as the ledger knows it at a point: governance facts entered by people and what the platform showed.
public struct GroupState: Sendable, Codable, Equatable {
    /// The group id used in events.
    public let id: String
    /// The first record that named the group.
    public let firstSeen: EventMark
    /// The latest name (`group.registered`, `group.created`, `group.renamed`), or `nil` if none was recorded.
    public var name: RecordedText?
    /// The field (lĩnh vực) from `group.registered`.
    public var field: String?
    /// The decision the group falls under, e.g. `2547/QĐ-UBND`.
    public var decision: String?
    /// The `group.registered` record.
    public var registered: EventMark?
    /// The platform owner from `group.created`, if recorded.
    public var creator: String?
    /// The head (Trưởng Nhóm, R1): the latest `head.assigned`.
    public var head: Appointment?
    /// Deputy heads by person id.
    public var deputies: [String: Appointment] = [:]
    /// Policy admins (quản trị, R3) by person id, with who assigned each.
    public var admins: [String: Appointment] = [:]
    /// Platform admins by account.
    public var platformAdmins: [String: Appointment] = [:]
    /// Current members by account.
    public var members: [String: Membership] = [:]
    /// The latest full settings snapshot from `group.settings_changed`.
    public var settings: SettingsSnapshot?
    /// Each person's latest acknowledgement of the rules in this group (R5), by person id.
    public var acknowledgements: [String: Acknowledgement] = [:]
    /// How many posts were created.
    public var posts = 0
    /// How many posts their authors recalled.
    public var recalled = 0
    /// How many posts admins removed.
    public var removed = 0
    /// The latest `post.created` record.
    public var lastPost: EventMark?

    public init(id: String, firstSeen: EventMark) {
        self.id = id
        self.firstSeen = firstSeen
    }
}
