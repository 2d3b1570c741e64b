public import LedgerCore

/// What a witness remembers about one log: the log keys it trusts and the latest checkpoint it cosigned.
///
/// The checkpoint is kept as the whole signed note (the log's signatures as they were submitted, then the
/// witness's cosignature), so that anyone can check it and, beside a conflicting note signed by the same log,
/// it proves that the log signed two views.
public struct WitnessLogState: Sendable, Hashable {
    /// The log's origin line.
    public let origin: String
    /// The pinned log verifier keys (Ed25519 vkeys), in the order they were pinned.
    public let logKeys: [String]
    /// The latest cosigned checkpoint as a signed note, with the witness's cosignature as its last line.
    public let note: Note
    /// The checkpoint in ``note``.
    public let checkpoint: Checkpoint

    /// The state of a log with `logKeys` pinned whose latest cosigned checkpoint is `note`.
    ///
    /// - Precondition: `note` is a checkpoint of `origin`.
    init(origin: String, logKeys: [String], note: Note) throws(CheckpointError) {
        self.origin = origin
        self.logKeys = logKeys
        self.note = note
        checkpoint = try Checkpoint(note: note)
        precondition(checkpoint.origin == origin, "a log's state holds a checkpoint of another origin")
    }

    /// The pinned keys as verifiers.
    var verifiers: [Ed25519NoteVerifier] {
        logKeys.compactMap { try? Ed25519NoteVerifier(vkey: $0) }  // every key was parsed before it was pinned
    }

    /// The cosignature of `witness` on ``note`` and its timestamp, or `nil` when there is none.
    public func cosignature(by witness: CosignatureVerifier) -> (signature: NoteSignature, timestamp: UInt64)? {
        for signature in note.signatures.reversed()
        where signature.name == witness.name && signature.keyID == witness.keyID {
            if let timestamp = Cosignature.timestamp(of: signature) { return (signature, timestamp) }
        }
        return nil
    }
}
