public import LedgerStorage

/// The witnesses `groupledger serve` pushes its checkpoints to (`serve --witness URL --witness-vkey V`), and how
/// many must cosign a checkpoint before `GET /checkpoint` serves it.
public struct WitnessSettings: Sendable {
    /// The witnesses, each with its submission prefix and cosignature verifier key.
    public var peers: [WitnessPeer]
    /// How many witnesses must cosign, 1 to `peers.count`.
    public var quorum: Int
    /// Retries and time bounds per witness and round.
    public var policy: WitnessRetryPolicy
    /// How long after a round that missed the quorum the newest checkpoint is pushed again, when no commit asked
    /// for a round before: a quiet ledger is still witnessed once its witnesses are back.
    public var retryInterval: Duration

    /// Witnesses `peers`, of which `quorum` must cosign, tried as `policy` says, a missed quorum tried again after
    /// `retryInterval`.
    public init(
        peers: [WitnessPeer],
        quorum: Int,
        policy: WitnessRetryPolicy = WitnessRetryPolicy(),
        retryInterval: Duration = .seconds(30)
    ) {
        self.peers = peers
        self.quorum = quorum
        self.policy = policy
        self.retryInterval = retryInterval
    }
}
