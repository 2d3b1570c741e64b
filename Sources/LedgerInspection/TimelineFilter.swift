/// Which records of a group's timeline a page shows; every condition left empty lets all through.
public struct TimelineFilter: Sendable, Hashable {
    /// Event types (`member.joined`, `post.created`…); empty for every type.
    public var types: Set<String>
    /// Only records concerning this person or account (as actor or named in the event).
    public var person: String?
    /// Only records whose event time is at or after this (Unix milliseconds).
    public var fromMillis: Int64?
    /// Only records whose event time is at or before this (Unix milliseconds).
    public var toMillis: Int64?
    /// Newest first instead of ledger order.
    public var newestFirst: Bool

    public init(
        types: Set<String> = [],
        person: String? = nil,
        fromMillis: Int64? = nil,
        toMillis: Int64? = nil,
        newestFirst: Bool = false
    ) {
        self.types = types
        self.person = person
        self.fromMillis = fromMillis
        self.toMillis = toMillis
        self.newestFirst = newestFirst
    }
}
