import GroupDomain
import LedgerCore

/// Whether a run of records came in order of event time and of append time: when they did, the state at a time is
/// the state at the last record up to that time.
struct RecordOrder: Sendable, Equatable, Codable {
    /// The latest event time so far (Unix milliseconds).
    private(set) var latestEventTime = Int64.min
    /// The latest append time so far (Unix milliseconds; `Int64.min` for unknown).
    private(set) var latestAppendTime = Int64.min
    /// Whether no record had an event time before an earlier record's.
    private(set) var isInEventTimeOrder = true
    /// Whether no record had an append time before an earlier record's.
    private(set) var isInAppendTimeOrder = true

    init() {}

    /// Notes the next record.
    mutating func note(_ recorded: RecordedEvent) {
        let eventTime = recorded.event.time.unixMillis
        let appendTime = recorded.appendedAtMillis ?? Int64.min
        isInEventTimeOrder = isInEventTimeOrder && eventTime >= latestEventTime
        isInAppendTimeOrder = isInAppendTimeOrder && appendTime >= latestAppendTime
        latestEventTime = max(latestEventTime, eventTime)
        latestAppendTime = max(latestAppendTime, appendTime)
    }
}
