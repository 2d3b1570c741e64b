public import LedgerStorage

/// A witness `groupledger serve` hosts on its own listener (`serve --witness-dir`): another agency's log pushes its
/// checkpoints to `POST <prefix>/add-checkpoint`, answered as `groupledger witness serve` answers them
/// (`docs/WITNESS.md`), logged in serve's access log and counted in its metrics.
public struct HostedWitness: Sendable {
    /// The witness and the log keys it trusts; its body limit is the endpoint's.
    public var endpoint: WitnessEndpoint
    /// The submission prefix: empty, or a path that starts with `/` and does not end with one.
    public var prefix: String
    /// Threads that run ``LedgerStorage/WitnessEndpoint/respond(to:)``, which blocks on the witness lock and on
    /// `fsync`; they are the witness's own, so cosigning never takes the commit thread.
    public var threads = 2

    /// `endpoint` answering at `<prefix>/add-checkpoint`.
    public init(endpoint: WitnessEndpoint, prefix: String = "") {
        self.endpoint = endpoint
        self.prefix = prefix
    }

    /// The path of the `add-checkpoint` endpoint.
    public var addCheckpointPath: String { AddCheckpointHandler.path(prefix: prefix) }
}
