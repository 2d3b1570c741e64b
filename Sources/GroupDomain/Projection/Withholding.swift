/// A `ledger.content_withheld` record: the content of an earlier record was destroyed.
public struct Withholding: Sendable, Hashable {
    /// The reason given, e.g. `R7a-classified` or `pdp-erasure`.
    public let reason: String
    /// The withholding record.
    public let mark: EventMark

    public init(reason: String, mark: EventMark) {
        self.reason = reason
        self.mark = mark
    }
}
