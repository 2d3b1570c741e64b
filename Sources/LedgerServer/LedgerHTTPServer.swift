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
/// lock for as long as the caller keeps it open); or, made with ``init(readOnly:settings:logger:onListening:)``
/// for an inspector's copy, only reads, without the lock, and refuses every write. On graceful shutdown (`ServiceGroup` with SIGTERM/SIGINT, or
/// `triggerGracefulShutdown()`) it stops accepting connections, answers the requests in flight — their commits
/// included — and returns; the caller then closes the writer.
public struct LedgerHTTPServer: Service {
    /// The writer; `nil` when read-only.
    let ledger: Ledger?
    let layout: LedgerLayout
    let metadata: LedgerMetadata
    let settings: ServerSettings
    let logger: Logger
    let onListening: @Sendable (_ host: String, _ port: Int) async -> Void
    private let accessLog: AccessLog
    /// The witness pool and how soon a missed quorum is tried again, with `--witness`.
    private let witnessing: (pool: WitnessPool, retryInterval: Duration)?
    private let transport = HTTPWitnessTransport()
    private let loginSecret: String?

    /// The one-time login link's path (`/login/once/<secret>`) when ``ServerSettings/loginLink`` is on: its first
    /// GET opens a web view session. Print it after the `listening on` line.
    public var loginLinkPath: String? { loginSecret.map(OneTimeLogin.path) }

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
        try self.init(
            ledger,
            layout: ledger.layout,
            metadata: ledger.metadata,
            settings: settings,
            logger: logger,
            onListening: onListening
        )
    }

    /// A server that only reads the ledger `reader` opened, without the writer lock (`serve --read-only`, an
    /// inspector's copy): it serves the checkpoint the ledger had at ``run()``'s start, and every write endpoint
    /// answers 403.
    ///
    /// - Throws: ``LedgerError`` `.cannotCreate` when the access log cannot be opened; `.badInput` with
    ///   ``ServerSettings/witnesses`` (witnesses cosign a writer's checkpoints).
    public init(
        readOnly reader: LedgerReader,
        settings: ServerSettings,
        logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void
    ) throws(LedgerError) {
        guard settings.witnesses == nil else {
            throw LedgerError(
                .badInput,
                "witnesses cosign a writer's checkpoints: leave out --witness with --read-only"
            )
        }
        try self.init(
            nil,
            layout: reader.layout,
            metadata: reader.metadata,
            settings: settings,
            logger: logger,
            onListening: onListening
        )
    }

    private init(
        _ ledger: Ledger?,
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        settings: ServerSettings,
        logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void
    ) throws(LedgerError) {
        self.ledger = ledger
        self.layout = layout
        self.metadata = metadata
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
        loginSecret = settings.loginLink ? OneTimeLogin.newSecret() : nil
        accessLog = try AccessLog(path: settings.accessLogPath ?? layout.root + "/access.jsonl")
        let transport = self.transport
        witnessing = try settings.witnesses.map { witnesses throws(LedgerError) in
            let pool = try WitnessPool(
                ledger: layout.root,
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
        let latest = LatestCheckpoint(
            try ledger?.checkpoint ?? LedgerReader(layout: layout, metadata: metadata).checkpoint()
        )
        metrics.ledger(size: latest.size)
        ledger?.observeSyncs { metrics.synced($0) }
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
        let writing = ledger.map { ledger in
            LedgerWriting(
                ledger: ledger,
                queue: CommitQueue(
                    committer: GroupCommitter(ledger: ledger, maxBodiesPerCommit: settings.maxBodiesPerCommit),
                    limit: settings.maxWaitingBodies,
                    metrics: metrics
                )
            )
        }
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
        let inspection = InspectionFeed(
            layout: layout,
            metadata: metadata,
            committedSize: { latest.size },
            interval: settings.inspectionInterval,
            saveEvery: settings.inspectionSaveEvery,
            logger: logger
        )
        // One task keeps the web view's model up to date; it ends after the server, saving the model.
        let inspecting = Task { await inspection.run() }
        let endpoints = Endpoints(
            layout: layout,
            metadata: metadata,
            writing: writing,
            settings: settings,
            tokens: TokenCheck(file: TokenFile(ledger: layout.root)),
            metrics: metrics,
            health: CommitHealth(),
            checkpoint: latest,
            witnesses: witnesses,
            web: WebAccess(
                sessions: SessionStore(lifetime: settings.sessionLifetime, idleTimeout: settings.sessionIdleTimeout),
                loginLink: loginSecret.map(OneTimeLogin.init(secret:))
            ),
            inspection: inspection,
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
            try? await writing?.queue.shutdown()
            try? await hosting?.threads.shutdownGracefully()
            await Self.stop(pushing, transport)
            inspection.finish()
            await inspecting.value
            throw error
        }
        try await writing?.queue.shutdown()
        try await hosting?.threads.shutdownGracefully()
        await Self.stop(pushing, transport)
        inspection.finish()
        await inspecting.value
    }

    /// Stops the witness task (a round in progress is cancelled: its requests end at once) and the client.
    private static func stop(_ pushing: Task<Void, Never>?, _ transport: HTTPWitnessTransport) async {
        pushing?.cancel()
        await pushing?.value
        try? await transport.shutdown()
    }
}
