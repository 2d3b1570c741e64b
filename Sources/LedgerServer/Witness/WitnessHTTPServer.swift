import Hummingbird
import HummingbirdCore
public import LedgerCore
public import LedgerStorage
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// `groupledger witness serve`: a witness for another agency's log over HTTP, answering C2SP tlog-witness
/// `POST <prefix>/add-checkpoint` through a ``LedgerStorage/WitnessEndpoint`` (`docs/WITNESS.md`), with its
/// Prometheus metrics at `GET /metrics` and, when ``WitnessServerSettings/accessLogPath`` is set, an access log.
/// Run it in a `ServiceGroup`: on graceful shutdown it stops accepting connections, answers the requests in flight
/// (their state written first) and returns.
public struct WitnessHTTPServer: Service {
    let endpoint: WitnessEndpoint
    let settings: WitnessServerSettings
    let logger: Logger
    let onListening: @Sendable (_ host: String, _ port: Int) async -> Void
    private let accessLog: AccessLog?

    /// - Parameters:
    ///   - endpoint: the witness and the log keys it trusts.
    ///   - onListening: called once the socket is bound, with the port really used (port 0 picks one).
    /// - Throws: ``LedgerError`` `.cannotCreate` when the access log cannot be opened.
    public init(
        endpoint: WitnessEndpoint,
        settings: WitnessServerSettings,
        logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void
    ) throws(LedgerError) {
        self.endpoint = endpoint
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
        accessLog = try settings.accessLogPath.map { path throws(LedgerError) in try AccessLog(path: path) }
    }

    /// Serves until graceful shutdown; returns once every request in flight was answered.
    public func run() async throws {
        let threads = NIOThreadPool(numberOfThreads: max(1, settings.threads))
        threads.start()
        let host = settings.host
        let announce = onListening
        let metrics = WitnessServerMetrics()
        let handler = AddCheckpointHandler(
            endpoint: endpoint,
            path: settings.addCheckpointPath,
            threads: threads,
            metrics: metrics,
            logger: logger
        )
        let app = Application(
            responder: WitnessResponder(
                handler: handler,
                metrics: metrics,
                observer: RequestObserver(accessLog: accessLog, metrics: metrics)
            ),
            server: .http1(configuration: .init(idleTimeout: settings.idleTimeout.timeAmount)),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: settings.port),
                serverName: "groupledger-witness"
            ),
            onServerRunning: { channel in
                await announce(host, channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        do {
            try await app.run()
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
        try await threads.shutdownGracefully()
    }
}
