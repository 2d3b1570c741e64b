import LedgerCore

/// A stretch of ledger time during which a group was in breach of a standing rule (no head, no admin, two
/// admins): from the record that started it to the record that ended it.
struct Episode: Sendable, Codable {
    /// The rule id.
    let rule: String
    /// The check, e.g. `no-head`.
    let check: String
    /// The group.
    let group: String
    /// The record that started it.
    let start: EventMark
    /// The records that make the case, the start first; the finding id is built from these.
    let evidence: [UInt64]
    /// The people concerned, for messages.
    let people: [String]
    /// The record that ended it, if it ended.
    var end: EventMark?

    /// How long it lasted by `evaluation` (Unix milliseconds), or until it ended.
    func duration(at evaluation: Int64) -> Int64 {
        (end?.time.unixMillis ?? evaluation) - start.time.unixMillis
    }
}
