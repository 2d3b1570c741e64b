import ArgumentParser
import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import Logging
import ServiceLifecycle
import UnixSignals

extension WitnessCommand {
    /// `groupledger witness serve`: the witness directory as a C2SP tlog-witness HTTP endpoint.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Answer C2SP tlog-witness POST <prefix>/add-checkpoint over HTTP (docs/WITNESS.md).",
            discussion: """
                Cosigns another agency's log checkpoints pushed to it over HTTP, with the same checks and state as \
                `witness cosign`: each answer is given only after the witness's state is on disk. Trusted log keys \
                are the ones pinned in the witness's state plus those given with --log-vkey and --log-vkeys-file \
                (a key's name is its log's origin). Prints `listening on http://HOST:PORT` once it accepts \
                connections (port 0 picks a free port). SIGTERM and SIGINT stop accepting, answer the requests \
                in flight and exit 0. GET /metrics has its Prometheus metrics; --access-log writes one JSON line \
                per request. Put TLS in a reverse proxy in front of it. `groupledger serve --witness-dir` answers \
                the same requests on the ledger server's own listener.

                Exit codes: 0 after a signal, 64 usage, 65 a malformed log key, 66 no witness directory or keys \
                file, 73 cannot open the access log, 74 cannot listen or damaged witness files.
                """
        )

        @Option(
            name: [.customLong("witness"), .customLong("dir")],
            help: ArgumentHelp("The witness directory (from `groupledger witness init`).", valueName: "dir")
        )
        var directory: String

        @Option(help: "HOST:PORT to listen on ([::1]:PORT for IPv6); port 0 picks a free port.")
        var listen: String

        @Option(
            name: .customLong("log-vkey"),
            help: "A verifier key of a log to witness (repeatable); its key name is the log's origin."
        )
        var logVkeys: [String] = []

        @Option(
            name: .customLong("log-vkeys-file"),
            help: "A file of log verifier keys, one per line; empty lines and lines starting with # are skipped."
        )
        var logVkeysFile: String?

        @Option(help: "The submission prefix, e.g. /daklak: requests go to PREFIX/add-checkpoint (default: none).")
        var prefix = ""

        @Option(help: "The largest request body, in bytes; a larger one gets 413.")
        var maxBodyBytes = WitnessEndpoint.defaultMaximumBodyBytes

        @Option(help: "Seconds a request waits for another one holding the witness lock before 503 + Retry-After.")
        var lockTimeout = 5

        @Option(help: "Seconds a connection may send nothing (no request head, no body chunk) before it is closed.")
        var idleTimeout = 30

        @Option(help: "The access log, JSON Lines as serve writes it (default: none).")
        var accessLog: String?

        func validate() throws {
            guard ListenAddress.parse(listen) != nil else {
                throw ValidationError(
                    "--listen \(listen) is not HOST:PORT (127.0.0.1:8080, [::1]:0); the port is 0–65535"
                )
            }
            if let problem = WitnessHosting.prefixProblem(prefix) {
                throw ValidationError("--prefix \(prefix) \(problem)")
            }
            guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
            guard lockTimeout >= 1, idleTimeout >= 1 else { throw ValidationError("timeouts are at least 1 second") }
        }

        func run() throws {
            FollowSignals.unblock()
            try WitnessCommand.reporting {
                var settings = WitnessServerSettings()
                guard let address = ListenAddress.parse(listen) else { throw ValidationError("bad --listen") }
                (settings.host, settings.port) = address
                settings.prefix = prefix
                settings.idleTimeout = .seconds(idleTimeout)
                settings.accessLogPath = accessLog
                let endpoint = try WitnessHosting(
                    directory: directory,
                    logVkeys: logVkeys,
                    logVkeysFile: logVkeysFile,
                    maxBodyBytes: maxBodyBytes,
                    lockTimeout: lockTimeout,
                    keyOption: "--log-vkey"
                ).endpoint()
                var logger = Logger(label: "groupledger.witness")
                logger.logLevel = .notice
                let server = try WitnessHTTPServer(
                    endpoint: endpoint,
                    settings: settings,
                    logger: logger,
                    onListening: { host, port in ListenAddress.announce(host: host, port: port) }
                )
                let group = ServiceGroup(
                    configuration: .init(
                        services: [server],
                        gracefulShutdownSignals: [.sigterm, .sigint],
                        logger: logger
                    )
                )
                if let error = Blocking.run({ try await group.run() }) {
                    throw LedgerError(.io, "the witness server stopped: cannot serve on \(listen)", cause: error)
                }
            }
        }
    }
}
