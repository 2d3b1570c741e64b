extension VerificationReport {
    /// What kind of damage ``Problem`` reports; its raw value is the stable name `verify --json` prints.
    public enum ProblemKind: String, Sendable, Hashable, CaseIterable {
        /// A file the verifier must read is a FIFO, device, socket, directory or symbolic link.
        case notARegularFile = "not-a-regular-file"
        /// Neither slot of the head file is valid.
        case headMissing = "head-missing"
        /// A non-empty head slot fails its check line.
        case headDamaged = "head-damaged"
        /// `segments/` holds a file whose name is not a segment's.
        case foreignFile = "foreign-file"
        /// A segment's header is malformed, names another first seq, or binds another origin.
        case segmentHeader = "segment-header"
        /// A segment does not start where the one before ended (a gap or an overlap).
        case segmentSequence = "segment-sequence"
        /// A frame's record cannot be read as a record.
        case recordFormat = "record-format"
        /// A record's seq is not the next one.
        case sequence
        /// A record's `prev` is not the hash of the record before it.
        case chainLink = "chain-link"
        /// A frame is cut short or its stored hash does not match its record, before the records the writer keeps end.
        case recordDamaged = "record-damaged"
        /// A content entry left after the segment's last record.
        case contentOrphan = "content-orphan"
        /// A record commits to content but its content file has no entry for it.
        case contentMissing = "content-missing"
        /// A content entry does not open its record's commitment.
        case contentCommitment = "content-commitment"
        /// Content was zeroed without a `ledger.content_withheld` event.
        case contentDestroyed = "content-destroyed"
        /// The segments hold fewer records than the head recorded: records were removed.
        case truncated
        /// The records do not end with the last leaf the head recorded.
        case headMismatch = "head-mismatch"
        /// The records do not give the root the head recorded.
        case rootMismatch = "root-mismatch"
        /// The head holds records but carries no signed checkpoint.
        case headCheckpointMissing = "head-checkpoint-missing"
        /// The head's checkpoint does not verify with the log's keys.
        case headCheckpoint = "head-checkpoint"
        /// The head's checkpoint names another origin, size or root than the head's.
        case headCheckpointMismatch = "head-checkpoint-mismatch"
        /// An outside checkpoint is not signed by the log's key.
        case checkpointSignature = "checkpoint-signature"
        /// An outside checkpoint is for another log.
        case checkpointOrigin = "checkpoint-origin"
        /// An outside checkpoint is larger than the records the writer keeps: records were removed.
        case rolledBack = "rolled-back"
        /// An outside checkpoint's root differs from the records' root at its size: records were rewritten.
        case rewritten
        /// No checkpoint consistent with the ledger carries the witness quorum.
        case witnessQuorum = "witness-quorum"
        /// With `--envelopes`: a record does not hold a valid event envelope.
        case envelopeInvalid = "envelope-invalid"
        /// With `--envelopes`: a record's envelope is not in RFC 8785 canonical form.
        case envelopeNotCanonical = "envelope-not-canonical"
        /// The ledger's files cannot be read as a ledger at all.
        case unreadable
    }
}
