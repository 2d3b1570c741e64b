/// A record as a page dates it: its sequence number and the event's time, as the record catalogue keeps them.
public struct RecordTime: Sendable, Hashable {
    /// The record's sequence number.
    public let seq: UInt64
    /// The event's time (Unix milliseconds).
    public let timeMillis: Int64
}
