import Hummingbird
import HummingbirdCore
public import LedgerCore
import LedgerIngest
public import LedgerStorage
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// `groupledger serve`: the ledger's HTTP API (`docs/HTTP.md`), as a service to run in a `ServiceGroup`.
///
/// The server appends through ``LedgerIngest/BodyIngest`` to a writer the caller opened (and so holds the writer
/// lock for as long as the caller keeps it open). On graceful shutdown (`ServiceGroup` with SIGTERM/SIGINT, or
/// `triggerGracefulShutdown()`) it stops accepting connections, answers the requests in flight — their commits
/// included — and returns; the caller then closes the writer.
public struct LedgerHTTPServer: Service {
    let ledger: Ledger
    let settings: ServerSettings
    let logger: Logger
    let onListening: @Sendable (_ host: String, _ port: Int) async -> Void
    private let accessLog: AccessLog
    /// The witness pool and how soon a missed quorum is tried again, with `--witness`.
    private let witnessing: (pool: WitnessPool, retryInterval: Duration)?
    private let transport = HTTPWitnessTransport()

    /// - Parameters:
    ///   - ledger: the open writer.
    ///   - onListening: called once the socket is bound, with the port really used (``ServerSettings/port`` 0
    ///     picks one).
    /// - Throws: ``LedgerError`` `.cannotCreate` when the access log cannot be opened; `.badInput` for a witness
    ///   quorum out of range or a witness key given twice (``ServerSettings/witnesses``).
    public init(
        ledger: Ledger,
        settings: ServerSettings,
        logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void
    ) throws(LedgerError) {
        self.ledger = ledger
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
        accessLog = try AccessLog(path: settings.accessLogPath ?? ledger.layout.root + "/access.jsonl")
        let transport = self.transport
        witnessing = try settings.witnesses.map { witnesses throws(LedgerError) in
            let pool = try WitnessPool(
                ledger: ledger.layout.root,
                peers: witnesses.peers,
                quorum: witnesses.quorum,
                transport: transport,
                policy: witnesses.policy
            )
            return (pool, witnesses.retryInterval)
        }
    }

    /// Serves until graceful shutdown; returns once every request in flight was answered.
    public func run() async throws {
        let metrics = ServerMetrics(queueLimit: settings.maxWaitingBodies)
        metrics.ledger(size: ledger.size)
        ledger.observeSyncs { metrics.synced($0) }
        let latest = LatestCheckpoint(ledger.checkpoint)
        let witnesses = try witnessing.map { witnessing in
            try WitnessPublisher(
                pool: witnessing.pool,
                latest: latest,
                retryInterval: witnessing.retryInterval,
                metrics: metrics,
                logger: logger
            )
        }
        // One task pushes checkpoints to the witnesses, starting with the ledger's current one.
        let pushing = witnesses.map { publisher in Task { await publisher.run() } }
        witnesses?.wake()
        defer { witnesses?.finish() }
        let queue = CommitQueue(
            committer: GroupCommitter(ledger: ledger, maxBodiesPerCommit: settings.maxBodiesPerCommit),
            limit: settings.maxWaitingBodies,
            metrics: metrics
        )
        let hosting = settings.witnessHost.map { hosted in
            let threads = NIOThreadPool(numberOfThreads: max(1, hosted.threads))
            threads.start()
            let handler = AddCheckpointHandler(
                endpoint: hosted.endpoint,
                path: hosted.addCheckpointPath,
                threads: threads,
                metrics: metrics,
                logger: logger
            )
            return (handler: handler, threads: threads)
        }
        let endpoints = Endpoints(
            ledger: ledger,
            settings: settings,
            tokens: TokenCheck(file: TokenFile(ledger: ledger.layout.root)),
            queue: queue,
            metrics: metrics,
            health: CommitHealth(),
            checkpoint: latest,
            witnesses: witnesses,
            addCheckpoint: hosting?.handler
        )
        let host = settings.host
        let announce = onListening
        let idle = settings.idleTimeout.components
        let app = Application(
            responder: LedgerResponder(
                endpoints: endpoints,
                observer: RequestObserver(accessLog: accessLog, metrics: metrics)
            ),
            server: .http1(
                configuration: .init(
                    idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)
                )
            ),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: settings.port),
                serverName: "groupledger"
            ),
            onServerRunning: { channel in
                await announce(host, channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        do {
            try await app.run()
        } catch {
            try? await queue.shutdown()
            try? await hosting?.threads.shutdownGracefully()
            await Self.stop(pushing, transport)
            throw error
        }
        try await queue.shutdown()
        try await hosting?.threads.shutdownGracefully()
        await Self.stop(pushing, transport)
    }

    /// Stops the witness task (a round in progress is cancelled: its requests end at once) and the client.
    private static func stop(_ pushing: Task<Void, Never>?, _ transport: HTTPWitnessTransport) async {
        pushing?.cancel()
        await pushing?.value
        try? await transport.shutdown()
    }
}
