import LedgerCore

/// Signs the ledger's checkpoints (C2SP tlog-checkpoint in a signed note) with every current key, and never one
/// inconsistent with the latest signed root.
struct CheckpointSigner {
    let origin: String
    /// The keys that sign new checkpoints; a key rotation adds one, a retirement removes one.
    var signers: [Ed25519NoteSigner]

    /// The signed checkpoint of a tree of `size` leaves with root `root`.
    func sign(size: UInt64, root: Hash) throws(LedgerError) -> [UInt8] {
        do {
            let checkpoint = try Checkpoint(origin: origin, size: size, rootHash: root)
            return try Note.sign(text: checkpoint.text, signers: signers).format()
        } catch {
            throw LedgerError(.corrupt, "cannot sign the checkpoint of size \(size): \(error)")
        }
    }

    /// The signed checkpoint of the ledger at an earlier `size`, whose latest signed state is `latest`. Its root
    /// comes from the tree files and is accepted only if a consistency proof from it to the latest root verifies.
    func sign(earlier size: UInt64, latest: HeadState, tree: TreeStore, sha: SHA256) throws(LedgerError) -> [UInt8] {
        guard size <= latest.size else {
            throw LedgerError(.notFound, "size \(size) is past the end; the ledger holds \(latest.size) records")
        }
        if size == latest.size { return latest.checkpoint }
        let root: Hash
        do {
            root = size == 0 ? SHA256.emptyTreeRoot : try Merkle.rootHash(size: size, reader: tree, sha: sha)
            let proof = try Merkle.consistencyProof(from: size, to: latest.size, reader: tree, sha: sha)
            try Merkle.verifyConsistency(
                oldSize: size,
                newSize: latest.size,
                oldRoot: root,
                newRoot: latest.frontier.root(using: sha),
                proof: proof,
                sha: sha
            )
        } catch {
            throw LedgerError(
                .corrupt,
                "the tree files disagree with the signed root (\(error)); reopen the ledger to rebuild them and run "
                    + "`groupledger verify`"
            )
        }
        return try sign(size: size, root: root)
    }

    /// Checks the checkpoint the head recorded: it must carry a valid signature of one of the keys and describe
    /// exactly the head's size and root, or the writer refuses to open (it never signs anything inconsistent with
    /// what it signed before).
    func checkLatest(_ head: HeadState, sha: SHA256) throws(LedgerError) {
        if head.checkpoint.isEmpty && head.size == 0 { return }
        let checkpoint: Checkpoint
        do {
            let note = try Note.open(head.checkpoint, using: signers.map(\.verifier))
            checkpoint = try Checkpoint(note: note.note)
        } catch {
            throw LedgerError(
                .corrupt,
                "head: the last signed checkpoint does not verify with keys/ (\(error)); "
                    + "the keys or the head were replaced"
            )
        }
        let root = head.frontier.root(using: sha)
        guard checkpoint.origin == origin, checkpoint.size == head.size, checkpoint.rootHash == root else {
            throw LedgerError(
                .corrupt,
                "head: the last signed checkpoint (size \(checkpoint.size), root "
                    + "\(checkpoint.rootHash.hexPrefix())) disagrees with the head (size \(head.size), root "
                    + "\(root.hexPrefix())); the ledger will not sign anything inconsistent with it"
            )
        }
    }
}
