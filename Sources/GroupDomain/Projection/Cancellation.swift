/// A directive's cancellation.
public struct Cancellation: Sendable, Codable, Hashable {
    /// The person who cancelled it.
    public let by: String
    /// Why, when recorded.
    public let reason: String?
    /// The `directive.cancelled` record.
    public let mark: EventMark

    public init(by: String, reason: String?, mark: EventMark) {
        self.by = by
        self.reason = reason
        self.mark = mark
    }
}
