public import LedgerCore

/// The newest checkpoint kept in `checkpoints/` (what `groupledger checkpoint --add` stores, an inspection copy
/// carries and `groupledger verify --witness` takes as anchors), checked against the ledger's records.
///
/// Its signatures are listed, not verified: only the reader knows which witness keys to trust, and
/// `groupledger verify --witness KEY --quorum K` checks them.
public struct StoredAnchor: Sendable {
    /// Its file, relative to the ledger directory: `checkpoints/<20-digit size>.note`.
    public let file: String
    /// The signed note: the log's signature and the witnesses' cosignature lines.
    public let note: Note
    /// The checkpoint it signs: origin, size, root.
    public let checkpoint: Checkpoint
    /// Whether the ledger's records give the checkpoint's root at its size, for this ledger's origin. `false`:
    /// the records were rewritten or cut since, or the file is not this ledger's — `groupledger verify` says which.
    public let agreesWithLedger: Bool
}
