/// What the indexes keep of one record: enough to list it on a page and to filter it, without reading the ledger.
/// Strings are ``SymbolTable`` numbers.
struct IndexedRecord: Sendable, Equatable {
    /// The event type.
    let type: UInt32
    /// The event's time (Unix milliseconds).
    let timeMillis: Int64
    /// When the ledger appended it (Unix milliseconds), or `Int64.min` when unknown.
    let appendedAtMillis: Int64
    /// The actor.
    let actor: UInt32
    /// The group, or ``noGroup``.
    let group: UInt32
    /// Whether the record was applied with its content (not withheld by then): a later withholding of it must
    /// take that content out of the model.
    let wasReadWithContent: Bool

    /// The ``group`` of a record outside groups.
    static let noGroup = UInt32.max
}
