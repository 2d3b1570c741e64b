/// One record as a list shows it (a timeline, a person's records, search results): what it is, when, where and
/// who; the record page reads the rest from the ledger.
public struct RecordSummary: Sendable, Hashable {
    /// The record's sequence number.
    public let seq: UInt64
    /// The event type, e.g. `post.created`.
    public let type: String
    /// The event's time (Unix milliseconds).
    public let timeMillis: Int64
    /// The group, if the event happened in one.
    public let group: String?
    /// Who did it.
    public let actor: PersonRef
}
