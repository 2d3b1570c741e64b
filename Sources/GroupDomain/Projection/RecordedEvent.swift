public import LedgerCore

/// One ledger record as the projections and the rule checker see it: its sequence number, the event (with its
/// `content` when the ledger still holds it) and whether that content was withheld.
///
/// `GroupDomain` never reads the ledger itself; the caller reads records in sequence order and hands them over.
public struct RecordedEvent: Sendable {
    /// The record's sequence number in the ledger.
    public let seq: UInt64
    /// The event, with `content` when it is present (and `nil` content when none or withheld).
    public let event: EventEnvelope
    /// Whether the record had content that has since been withheld (`groupledger withhold`): its text is gone.
    public let isWithheld: Bool
    /// When the ledger appended the record (Unix milliseconds), if the caller knows it.
    public let appendedAtMillis: Int64?

    public init(seq: UInt64, event: EventEnvelope, isWithheld: Bool = false, appendedAtMillis: Int64? = nil) {
        self.seq = seq
        self.event = event
        self.isWithheld = isWithheld
        self.appendedAtMillis = appendedAtMillis
    }

    /// Where and when this record says something happened.
    public var mark: EventMark { EventMark(seq: seq, time: event.time) }
}
