/// What an auditor brings from outside the ledger to anchor a verification: checkpoints saved earlier, the
/// log's verifier keys as published, and witnesses whose cosignatures they trust.
public struct VerificationAnchors: Sendable {
    /// Signed checkpoints saved earlier, with a name for messages (their file path).
    public var checkpoints: [(name: String, note: [UInt8])] = []
    /// The log's verifier keys. Empty: take them from the ledger's own `ledger.initialized` and
    /// `ledger.key_rotated` events (which the key holder could have rewritten too).
    public var logKeys: [String] = []
    /// Witness verifier keys (C2SP tlog-cosignature).
    public var witnessKeys: [String] = []
    /// How many of `witnessKeys` must have cosigned a checkpoint for it to count.
    public var quorum = 1

    public init() {}
}
