public import LedgerCore

/// What one unit of source input became.
public enum ImportOutcome: Sendable {
    /// Checked events, ready to append (their canonical bytes; ``PreparedEvent/envelope()`` reads one back), in
    /// source order; one unit may give several (a seen receipt for many messages) or none.
    case events([PreparedEvent], SourceLocation)
    /// The unit cannot be imported; nothing of it is kept.
    case rejected(ImportError)
    /// The unit is valid but deliberately not imported (a 1:1 chat, which is out of the ledger's purpose, or a
    /// listener callback that records nothing); `reason` says which.
    case skipped(SourceLocation, reason: String)
}
