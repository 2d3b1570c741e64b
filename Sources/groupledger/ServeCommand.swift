import ArgumentParser
import Dispatch
import Foundation
import LedgerCore
import LedgerImport
import LedgerServer
import LedgerStorage
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger over HTTP: event ingest, Zalo OA webhooks, health and metrics (docs/HTTP.md).",
        discussion: """
            Holds the writer lock for its whole life: a CLI `append` meanwhile exits 75. Prints `listening on \
            http://HOST:PORT` on standard output once it accepts connections (--listen with port 0 picks a free \
            port). Every answer 200 to an ingest request comes after the durable commit. SIGTERM and SIGINT stop \
            accepting, answer the requests in flight (their commits included), and exit 0. Requests are \
            authenticated with tokens from `groupledger token add`, and each is written to the access log. With \
            --witness URL it pushes its checkpoints to other agencies' witnesses; with --witness-dir it is also a \
            witness for another agency's log, answering POST <prefix>/add-checkpoint (docs/WITNESS.md). The web \
            view for auditors is at / (log in with an auditor token).

            --read-only serves an inspector's copy without the writer lock: no writes (403), the checkpoint of \
            its start, and a one-time login link printed after the listening line.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @OptionGroup var witnesses: WitnessPushOptions

    @OptionGroup var witnessHost: WitnessHostOptions

    @Option(help: "HOST:PORT to listen on ([::1]:PORT for IPv6); port 0 picks a free port.")
    var listen = "127.0.0.1:8080"

    @Option(help: "The access log, JSON Lines (default: access.jsonl in the ledger directory).")
    var accessLog: String?

    @Option(help: "A file holding the Zalo OA secret key; turns on POST /v1/zalo-oa/webhook.")
    var oaSecretFile: String?

    @Option(help: "The Zalo app id every webhook delivery must carry (required with --oa-secret-file).")
    var oaAppId: String?

    @Option(help: "The largest request body, in bytes.")
    var maxBodyBytes = ServerSettings().maxBodyBytes

    @Option(help: "How many request bodies may wait for a commit before 503 + Retry-After.")
    var maxWaiting = ServerSettings().maxWaitingBodies

    @Option(help: "Seconds a connection may send nothing (no request head, no body chunk) before it is closed.")
    var idleTimeout = 30

    @Option(help: "Seconds a request body may take to arrive in full before 408.")
    var bodyTimeout = 120

    @Option(
        help: ArgumentHelp(
            "The most request bodies one commit holds; bodies waiting when a commit starts share its fdatasync.",
            discussion: "1 commits each body alone (one fdatasync per request), the baseline serve-bench compares with."
        )
    )
    var maxCommitBodies = ServerSettings().maxBodiesPerCommit

    @Flag(help: "Only read (an inspector's copy): no writer lock, writes refused, a one-time login link printed.")
    var readOnly = false

    func validate() throws {
        guard (try? address()) != nil else {
            throw ValidationError("--listen \(listen) is not HOST:PORT (127.0.0.1:8080, [::1]:0); the port is 0–65535")
        }
        guard (1...65536).contains(maxCommitBodies) else {
            throw ValidationError("--max-commit-bodies \(maxCommitBodies) is not 1 to 65536")
        }
        guard (oaSecretFile == nil) == (oaAppId == nil) else {
            throw ValidationError("give --oa-secret-file and --oa-app-id together: both check a webhook delivery")
        }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        guard maxWaiting >= 1 else { throw ValidationError("--max-waiting must be at least 1") }
        guard idleTimeout >= 1, bodyTimeout >= 1 else { throw ValidationError("timeouts are at least 1 second") }
        if readOnly, oaSecretFile != nil || !witnesses.urls.isEmpty {
            throw ValidationError("--read-only appends nothing: leave out --oa-secret-file and --witness")
        }
        if let oaAppId, let problem = EnvelopeRules.identifierProblem(oaAppId) {
            throw ValidationError("--oa-app-id \(problem)")
        }
    }

    /// `--listen` split into host and port.
    func address() throws -> (host: String, port: Int) {
        guard let address = ListenAddress.parse(listen) else { throw ValidationError("bad --listen") }
        return address
    }

    func run() throws {
        FollowSignals.unblock()
        try Failure.reporting {
            var settings = ServerSettings()
            (settings.host, settings.port) = try address()
            settings.accessLogPath = accessLog
            settings.maxBodyBytes = maxBodyBytes
            settings.maxWaitingBodies = maxWaiting
            settings.idleTimeout = .seconds(idleTimeout)
            settings.bodyTimeout = .seconds(bodyTimeout)
            settings.maxBodiesPerCommit = maxCommitBodies
            settings.witnesses = try witnesses.settings()
            settings.witnessHost = try WitnessCommand.reporting { try witnessHost.hosted() }
            if let oaSecretFile, let oaAppId {
                var secret = try Directory.readFile(oaSecretFile, limit: 4096)
                while let last = secret.last, last == 0x0a || last == 0x0d || last == 0x20 { secret.removeLast() }
                guard !secret.isEmpty else { throw LedgerError(.badInput, "\(oaSecretFile) is empty: no OA secret") }
                settings.oaWebhook = OAWebhookOptions(secret: secret, appID: oaAppId)
            }
            var logger = Logger(label: "groupledger.serve")
            logger.logLevel = .warning
            let link = LoginLinkAnnouncement()
            let announce: @Sendable (String, Int) async -> Void = { host, port in
                ListenAddress.announce(host: host, port: port)
                link.print(host: host, port: port)
            }
            let server: LedgerHTTPServer
            let writer: Ledger?
            if readOnly {
                settings.loginLink = true
                writer = nil
                server = try LedgerHTTPServer(
                    readOnly: try LedgerReader(root: ledger.path),
                    settings: settings,
                    logger: logger,
                    onListening: announce
                )
            } else {
                var options = keys.writerOptions
                options.lockHolder =
                    "groupledger serve: send events through its HTTP API instead, POST /v1/events (docs/HTTP.md)"
                let opened = try Ledger.open(at: ledger.path, options: options)
                for message in opened.recovery.messages { Console.error("groupledger: \(message)") }
                writer = opened
                do {
                    server = try LedgerHTTPServer(
                        ledger: opened,
                        settings: settings,
                        logger: logger,
                        onListening: announce
                    )
                } catch {
                    opened.close()
                    throw error
                }
            }
            defer { writer?.close() }
            link.path = server.loginLinkPath
            let group = ServiceGroup(
                configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            )
            if let error = Blocking.run({ try await group.run() }) {
                throw LedgerError(.io, "the server stopped: cannot serve on \(listen)", cause: error)
            }
        }
    }
}

/// Runs async work to its end from a synchronous command (the process's main thread waits; the work runs on the
/// concurrency pool).
enum Blocking {
    /// Runs `body` and returns the error it threw, if any.
    static func run(_ body: @escaping @Sendable () async throws -> Void) -> (any Error)? {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await body() } catch { outcome.failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        return outcome.failure.withLock { $0 }
    }

    private final class Outcome: Sendable {
        let failure = Mutex<(any Error)?>(nil)
    }
}

/// The one-time login link `serve --read-only` prints after its `listening on` line, once the port is known.
final class LoginLinkAnnouncement: Sendable {
    private let kept = Mutex<String?>(nil)

    /// The link's path, set once the server is made.
    var path: String? {
        get { kept.withLock { $0 } }
        set { kept.withLock { $0 = newValue } }
    }

    /// Prints `login link (once): http://HOST:PORT/login/once/…` when there is a link.
    func print(host: String, port: Int) {
        guard let path else { return }
        let shown = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardOutput.write(Data("login link (once): http://\(shown):\(port)\(path)\n".utf8))
    }
}
