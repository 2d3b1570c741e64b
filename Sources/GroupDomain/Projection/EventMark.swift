public import LedgerCore

/// Where a fact comes from: the record's sequence number and the event's own time.
public struct EventMark: Sendable, Codable, Hashable, Comparable {
    /// The record's sequence number.
    public let seq: UInt64
    /// The event's `time`, as written.
    public let time: Timestamp

    public init(seq: UInt64, time: Timestamp) {
        self.seq = seq
        self.time = time
    }

    /// Ledger order: marks compare by sequence number.
    public static func < (lhs: EventMark, rhs: EventMark) -> Bool { lhs.seq < rhs.seq }

    /// `{"seq": …, "time": "…"}`.
    public var json: JSONValue {
        ["seq": .number(JSONNumber(seq)), "time": .string(time.text)]
    }
}
