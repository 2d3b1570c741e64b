public import LedgerCore

/// Bounds that keep hostile input from exhausting memory or time; every decoder enforces them.
public struct ImportLimits: Sendable, Hashable {
    /// The longest line (JSON Lines) or array element (Zalo Web) or CSV record, in bytes. A longer unit is refused
    /// without being held in memory.
    public var maxUnitBytes: Int
    /// The deepest nesting of arrays and objects inside one unit.
    public var maxDepth: Int
    /// The most rows a roster may have (it is held whole).
    public var maxRosterRows: Int

    public init(
        maxUnitBytes: Int = EnvelopeRules.maxLineBytes,
        maxDepth: Int = EnvelopeRules.maxDepth,
        maxRosterRows: Int = 100_000
    ) {
        self.maxUnitBytes = maxUnitBytes
        self.maxDepth = maxDepth
        self.maxRosterRows = maxRosterRows
    }

    /// The JSON parser limits that go with these bounds.
    var json: JSONLimits { JSONLimits(maxDepth: maxDepth, maxStringBytes: maxUnitBytes, maxNumberDigits: 100) }
}
