import Foundation
import LedgerServer
import LedgerStorage
import Logging
import ServiceLifecycle

/// A witness in a temporary directory served by ``WitnessHTTPServer`` on 127.0.0.1 (a free port); ``stop()``
/// shuts it down gracefully and removes the directory.
final class WitnessServed: Sendable {
    let directory: String
    let witness: Witness
    let port: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// A new witness named `name`, trusting `logKeys`, served with `adjust`ed settings (host and port replaced).
    static func start(
        _ label: String,
        name: String = "inspectorate.example.gov/witness",
        logKeys: [String],
        lockTimeout: Duration = .seconds(5),
        maximumBodyBytes: Int = WitnessEndpoint.defaultMaximumBodyBytes,
        _ adjust: (inout WitnessServerSettings) -> Void = { _ in }
    ) async throws -> WitnessServed {
        let directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-witness-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Witness.initialize(directory: directory + "/witness", name: name)
        let witness = try Witness.open(directory: directory + "/witness", lockTimeout: lockTimeout)
        let endpoint = try WitnessEndpoint(
            witness: witness,
            logVerifierKeys: logKeys,
            maximumBodyBytes: maximumBodyBytes
        )
        var settings = WitnessServerSettings()
        adjust(&settings)
        settings.host = "127.0.0.1"
        settings.port = 0
        let ports = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "groupledger-witness-test")
        logger.logLevel = .critical
        let server = try WitnessHTTPServer(endpoint: endpoint, settings: settings, logger: logger) { _, port in
            ports.continuation.yield(port)
            ports.continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        let running = Task { try await group.run() }
        let port = try await Served.first(of: ports.stream)
        return WitnessServed(directory: directory, witness: witness, port: port, group: group, running: running)
    }

    private init(directory: String, witness: Witness, port: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.directory = directory
        self.witness = witness
        self.port = port
        self.group = group
        self.running = running
    }

    /// `http://127.0.0.1:PORT`, the submission prefix without a path.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Stops the server gracefully, then removes the directory.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
        try? FileManager.default.removeItem(atPath: directory)
    }
}
