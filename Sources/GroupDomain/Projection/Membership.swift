/// An account's current membership of a group, as observed on the platform.
public struct Membership: Sendable, Codable, Hashable {
    /// The `member.joined` record.
    public let since: EventMark
    /// The account that added it, if the platform said.
    public let addedBy: String?
    /// How it joined (`link`, `invite`, `approval`), if the platform said.
    public let via: String?

    public init(since: EventMark, addedBy: String?, via: String?) {
        self.since = since
        self.addedBy = addedBy
        self.via = via
    }
}
