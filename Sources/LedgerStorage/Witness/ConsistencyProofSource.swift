public import LedgerCore

/// Where a ``WitnessPool`` gets consistency proofs for the checkpoints it pushes.
public protocol ConsistencyProofSource: Sendable {
    /// The RFC 9162 consistency proof from size `old` to the checkpoint `checkpointNote` of the log.
    func consistencyProof(from old: UInt64, checkpointNote: [UInt8]) throws(LedgerError) -> [Hash]
}

/// Consistency proofs from a ledger's tree files, through a fresh ``ProofBuilder`` per proof (a builder holds a
/// hasher that one thread at a time may use; opening one costs a few `open` calls, once per witness per round).
public struct LedgerProofSource: ConsistencyProofSource {
    /// The ledger directory.
    public let root: String

    /// Proofs from the ledger at `root`.
    public init(root: String) { self.root = root }

    public func consistencyProof(from old: UInt64, checkpointNote: [UInt8]) throws(LedgerError) -> [Hash] {
        try ProofBuilder(reader: LedgerReader(root: root)).consistencyProof(from: old, checkpointNote: checkpointNote)
    }
}
