/// The type of an event (`post.created`, `ledger.content_withheld`): what an envelope's `type` holds, as a value
/// with named constants instead of string literals spread over the modules.
///
/// This module names the types the ledger writes itself (the ``EnvelopeRules/reservedNamespace`` namespace); the
/// domain's catalogue adds its own as constants in an extension. The raw value is the name stored in the envelope,
/// byte for byte.
public struct EventType: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The dotted name, e.g. `post.created`.
    public let rawValue: String

    /// The type called `rawValue`, known or not: whether the catalogue has it is the catalogue's question.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Orders by name, as listings sort types.
    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The ledger's first record: its origin and first verifier key.
    public static let ledgerInitialized = EventType(rawValue: "ledger.initialized")
    /// The ledger signs with a new key from here on.
    public static let ledgerKeyRotated = EventType(rawValue: "ledger.key_rotated")
    /// A key the ledger signed with is no longer trusted.
    public static let ledgerKeyRetired = EventType(rawValue: "ledger.key_retired")
    /// An earlier record's content was withheld (zeroed); the record and its commitment stay.
    public static let ledgerContentWithheld = EventType(rawValue: "ledger.content_withheld")

    /// Every type the ledger writes itself; input events may not use them.
    public static let ledgerOwn: [EventType] = [
        .ledgerInitialized, .ledgerKeyRotated, .ledgerKeyRetired, .ledgerContentWithheld,
    ]
}
