public import LedgerCore

/// Which records a state or an audit takes into account.
///
/// Time cutoffs use the **event time** (`time`, when it happened on the platform or in the office) by default:
/// "who was the admin on 5 November" is a question about the world, and a backfilled record appended today still
/// tells what happened then. The **append time** (when the ledger stored the record) answers "what did the ledger
/// know at that moment"; `.seq` answers the same for a record number.
public enum StateCutoff: Sendable, Hashable {
    /// Every record.
    case everything
    /// Records `0...seq`.
    case seq(UInt64)
    /// Records whose event `time` is at or before the given time.
    case eventTime(Timestamp)
    /// Records the ledger appended at or before the given Unix milliseconds.
    case appendTime(Int64)

    /// Whether `recorded` falls inside the cutoff. A record without a known append time counts as inside an
    /// append-time cutoff.
    public func includes(_ recorded: RecordedEvent) -> Bool {
        switch self {
        case .everything: true
        case .seq(let last): recorded.seq <= last
        case .eventTime(let time): recorded.event.time.unixMillis <= time.unixMillis
        case .appendTime(let millis): (recorded.appendedAtMillis ?? Int64.min) <= millis
        }
    }

    /// Whether no later record can fall inside (records come in sequence order), so reading can stop.
    public func isPast(_ recorded: RecordedEvent) -> Bool {
        switch self {
        case .seq(let last): recorded.seq > last
        default: false
        }
    }
}
