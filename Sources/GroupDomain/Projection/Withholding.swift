/// A `ledger.content_withheld` record: the content of an earlier record was destroyed.
public struct Withholding: Sendable, Codable, Hashable {
    /// The reason given, e.g. `R7a-classified` or `pdp-erasure`.
    public let reason: String
    /// The withholding record; its time is when the withholding was ordered.
    public let mark: EventMark
    /// Who ordered it: the `actor` of the withholding event (`groupledger withhold --actor`).
    public let actor: String

    public init(reason: String, mark: EventMark, actor: String) {
        self.reason = reason
        self.mark = mark
        self.actor = actor
    }
}
