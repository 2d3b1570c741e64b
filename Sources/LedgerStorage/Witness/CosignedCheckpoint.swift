public import LedgerCore

/// What a successful ``Witness/cosign(checkpointNote:proof:logVerifierKeys:oldSize:)`` returns, after the new
/// state was made durable.
public struct CosignedCheckpoint: Sendable, Hashable {
    /// The checkpoint that was cosigned.
    public let checkpoint: Checkpoint
    /// The submitted note with the witness's cosignature as its last line (an earlier cosignature by the same
    /// witness key is replaced). This is what the witness now records for the origin.
    public let note: Note
    /// The witness's cosignature line alone: the body of a C2SP tlog-witness `add-checkpoint` response.
    public let cosignature: NoteSignature
    /// The cosignature's timestamp, POSIX seconds.
    public let timestamp: UInt64
    /// The size of the checkpoint the witness had cosigned before for this origin, or `nil` if none.
    public let previousSize: UInt64?
    /// Log keys pinned by this call: all given keys on first use, or new keys accepted in a rotation.
    public let newlyPinnedKeys: [String]
}
