public import LedgerCore

/// Builds proofs for people outside the office from a ledger's tree files: inclusion proofs in the
/// `c2sp.org/tlog-proof@v1` format and consistency proofs between two sizes.
///
/// Every proof is checked against the signed checkpoint before it is handed out, so damaged tree files give an
/// error, never a proof that fails later in someone else's hands.
public struct ProofBuilder {
    public let reader: LedgerReader
    private let sha = SHA256()
    private let tree: TreeStore

    /// Opens the ledger's tree files for reading; they stay open for every proof this builder makes.
    public init(reader: LedgerReader) throws(LedgerError) {
        self.reader = reader
        tree = try reader.tree()
    }

    /// The inclusion proof of record `index` in the tree of `checkpointNote` (a signed checkpoint of this ledger).
    public func inclusionProof(index: UInt64, checkpointNote: [UInt8]) throws(LedgerError) -> TlogProof {
        let checkpoint = try parseCheckpoint(checkpointNote)
        guard index < checkpoint.size else {
            throw LedgerError(.notFound, "record \(index) is not in the checkpoint of size \(checkpoint.size)")
        }
        let path: [Hash]
        let leaf: Hash
        do {
            path = try Merkle.inclusionProof(index: index, size: checkpoint.size, reader: tree, sha: sha)
            leaf = try tree.hashes(of: [TreeNode(level: 0, index: index)])[0]
            try Merkle.verifyInclusion(
                leafHash: leaf,
                index: index,
                size: checkpoint.size,
                proof: path,
                root: checkpoint.rootHash,
                sha: sha
            )
        } catch {
            TreeStore.distrust(reader.layout)
            throw LedgerError(
                .corrupt,
                "the tree files do not reproduce the checkpoint of size \(checkpoint.size) "
                    + "(\(error)); open the ledger for writing to rebuild them (`groupledger prove` tries that "
                    + "itself), then run `groupledger verify`"
            )
        }
        do {
            return try TlogProof(extra: nil, index: index, path: path, checkpointNote: Note.parse(checkpointNote))
        } catch {
            throw LedgerError(.corrupt, "cannot assemble the proof: \(error)")
        }
    }

    /// The consistency proof from size `old` to the size of `checkpointNote`.
    public func consistencyProof(from old: UInt64, checkpointNote: [UInt8]) throws(LedgerError) -> [Hash] {
        let checkpoint = try parseCheckpoint(checkpointNote)
        guard old <= checkpoint.size else {
            throw LedgerError(.notFound, "size \(old) is larger than the checkpoint's size \(checkpoint.size)")
        }
        do {
            let proof = try Merkle.consistencyProof(from: old, to: checkpoint.size, reader: tree, sha: sha)
            let oldRoot = old == 0 ? SHA256.emptyTreeRoot : try Merkle.rootHash(size: old, reader: tree, sha: sha)
            try Merkle.verifyConsistency(
                oldSize: old,
                newSize: checkpoint.size,
                oldRoot: oldRoot,
                newRoot: checkpoint.rootHash,
                proof: proof,
                sha: sha
            )
            return proof
        } catch {
            TreeStore.distrust(reader.layout)
            throw LedgerError(
                .corrupt,
                "the tree files do not reproduce the checkpoint of size \(checkpoint.size) "
                    + "(\(error)); open the ledger for writing to rebuild them (`groupledger prove` tries that "
                    + "itself), then run `groupledger verify`"
            )
        }
    }

    private func parseCheckpoint(_ note: [UInt8]) throws(LedgerError) -> Checkpoint {
        do { return try Checkpoint(note: Note.parse(note)) } catch {
            throw LedgerError(.corrupt, "the stored checkpoint cannot be read: \(error)")
        }
    }
}
