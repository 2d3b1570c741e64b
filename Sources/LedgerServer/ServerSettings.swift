public import LedgerImport

/// How `groupledger serve` listens and what it accepts (`docs/HTTP.md` states every default).
public struct ServerSettings: Sendable {
    /// The address to listen on; `127.0.0.1` unless a reverse proxy on another host must reach it.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (the `listening on` line names it).
    public var port = 8080
    /// The largest request body of `/v1/events` and `/v1/import/{format}`, in bytes; a larger one gets 413 and
    /// appends nothing.
    public var maxBodyBytes = 16 << 20
    /// The largest Zalo OA webhook delivery, in bytes (one event; Zalo's are a few KiB).
    public var maxWebhookBytes = 256 << 10
    /// How many request bodies may be admitted at once (being received or waiting for their commit); one more
    /// gets 503 with `Retry-After`.
    public var maxWaitingBodies = 256
    /// The most bodies one commit holds. Bodies waiting when a commit starts share its `fdatasync`; 1 commits each
    /// body alone (one `fdatasync` per request: the baseline of `Benchmarks/serve-bench.sh`).
    public var maxBodiesPerCommit = 128
    /// A connection that sends nothing for this long — no complete request head, no body chunk, no new request
    /// on a kept-alive connection — is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// A body still arriving this long after its request began gets 408 and appends nothing (a client trickling
    /// bytes just often enough to dodge ``idleTimeout``).
    public var bodyTimeout: Duration = .seconds(120)
    /// How many replays of the ledger (`/v1/state`, `/v1/audit`: seconds each on a large ledger) may run at once;
    /// one more gets 503 with `Retry-After`, so that readers cannot take every core from the commits.
    public var maxReplays = 2
    /// Seconds a client is told to wait (`Retry-After`) when the commit queue is full or the ledger cannot commit.
    public var retryAfterSeconds = 1
    /// `/readyz` reports not ready when the ledger's file system has fewer free bytes than this.
    public var minFreeBytes: UInt64 = 64 << 20
    /// The Zalo OA app and secret that sign webhook deliveries; `nil` turns `/v1/zalo-oa/webhook` off (404).
    public var oaWebhook: OAWebhookOptions?
    /// The access log (JSON Lines, mode 0640); `nil` for `access.jsonl` in the ledger directory.
    public var accessLogPath: String?
    /// The witnesses to push checkpoints to, and their quorum; `nil` serves the latest signed checkpoint at
    /// `/checkpoint` without witnesses.
    public var witnesses: WitnessSettings?
    /// A witness for another agency's log, answering `POST <prefix>/add-checkpoint` without a token (C2SP
    /// tlog-witness); `nil` for none.
    public var witnessHost: HostedWitness?
    /// The longest a web view session lasts (`/login`), however busy its reader.
    public var sessionLifetime: Duration = .seconds(8 * 3600)
    /// A web view session without a request for this long ends.
    public var sessionIdleTimeout: Duration = .seconds(30 * 60)
    /// Whether the server makes a one-time login link (``LedgerHTTPServer/loginLinkPath``): its first GET opens a
    /// web view session without a token. `serve --read-only` turns it on for an inspector's own copy.
    public var loginLink = false
    /// The least time between two catch-ups of the web view's inspection model: commits landing meanwhile are
    /// taken in the next one, so pages may lag the ledger by this much (and by the catch-up's own time).
    public var inspectionInterval: Duration = .seconds(1)
    /// Saves `views/inspection.snapshot` once the model has taken this many records since the last save (and at
    /// the end), so that the next start resumes instead of rebuilding.
    public var inspectionSaveEvery: UInt64 = 100_000

    public init() {}
}
