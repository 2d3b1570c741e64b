/// How `groupledger witness serve` listens (`docs/WITNESS.md`, "Serving add-checkpoint over HTTP").
public struct WitnessServerSettings: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (the `listening on` line names it).
    public var port = 8080
    /// The submission prefix: requests are answered at `<prefix>/add-checkpoint`. Empty, or a path that starts
    /// with `/` and does not end with one.
    public var prefix = ""
    /// A connection that sends nothing for this long (no request head, no body chunk) is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// Threads that run ``LedgerStorage/WitnessEndpoint/respond(to:)``, which blocks on the witness lock and on
    /// `fsync`; requests beyond them wait their turn without blocking an event loop.
    public var threads = 4
    /// The access log (JSON Lines, as `groupledger serve` writes it: `docs/HTTP.md`, "Access log"); `nil` for none.
    public var accessLogPath: String?

    public init() {}

    /// The path of the `add-checkpoint` endpoint.
    public var addCheckpointPath: String { AddCheckpointHandler.path(prefix: prefix) }
}
