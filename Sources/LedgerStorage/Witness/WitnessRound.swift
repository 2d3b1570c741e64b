public import LedgerCore

/// One ``WitnessPool/push(checkpointNote:)``: the checkpoint pushed, each witness's result, and what is
/// published afterwards.
public struct WitnessRound: Sendable, Hashable {
    /// The checkpoint that was pushed.
    public let checkpoint: Checkpoint
    /// One result per witness, in the pool's order.
    public let results: [WitnessPushResult]
    /// The cosignatures needed.
    public let quorum: Int
    /// The published checkpoint after the round: this one with its cosignatures when it met the quorum,
    /// otherwise the newest earlier one that met it (`nil` if none ever did).
    public let published: Note?

    /// How many witnesses cosigned.
    public var cosigned: Int { results.filter { !$0.cosignatures.isEmpty }.count }
    /// Whether this checkpoint met the quorum.
    public var metQuorum: Bool { cosigned >= quorum }
}
