import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// A ledger in a temporary directory served on 127.0.0.1 (a free port), with one importer and one auditor token;
/// ``stop()`` shuts it down gracefully and removes the directory.
final class Served: Sendable {
    let directory: String
    let ledger: Ledger
    let port: Int
    let importer: String
    let auditor: String
    /// The one-time login link's path, when the settings asked for one.
    let loginLink: String?
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    /// A ledger with `ledger:` events only, served with `settings` (its host and port are replaced).
    static func start(_ label: String, _ adjust: (inout ServerSettings) -> Void = { _ in }) async throws -> Served {
        let directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-serve-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let root = directory + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/serve-test")
        let tokens = TokenFile(ledger: root)
        let importer = try tokens.add(name: "importer-1", role: .importer, now: 1_790_000_000_000)
        let auditor = try tokens.add(name: "auditor-1", role: .auditor, now: 1_790_000_000_000)
        var settings = ServerSettings()
        settings.host = "127.0.0.1"
        settings.port = 0
        adjust(&settings)
        let ports = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "groupledger-serve-test")
        logger.logLevel = .warning
        let server = try LedgerHTTPServer(ledger: ledger, settings: settings, logger: logger) { _, port in
            ports.continuation.yield(port)
            ports.continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        // The server's tasks, and the wait for its port, run on threads of their own (see TestExecutor).
        let running = Task(executorPreference: TestExecutor.shared) { try await group.run() }
        let port = try await withTaskExecutorPreference(TestExecutor.shared) {
            try await Served.first(of: ports.stream)
        }
        return Served(
            directory: directory,
            ledger: ledger,
            port: port,
            importer: importer,
            auditor: auditor,
            loginLink: server.loginLinkPath,
            group: group,
            running: running
        )
    }

    private init(
        directory: String,
        ledger: Ledger,
        port: Int,
        importer: String,
        auditor: String,
        loginLink: String?,
        group: ServiceGroup,
        running: Task<Void, any Error>
    ) {
        self.directory = directory
        self.ledger = ledger
        self.port = port
        self.importer = importer
        self.auditor = auditor
        self.loginLink = loginLink
        self.group = group
        self.running = running
    }

    /// The port, once the server says it listens; fails after 120 s.
    static func first(of ports: AsyncStream<Int>) async throws -> Int {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                for await port in ports { return port }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(120))
                return nil
            }
            defer { group.cancelAll() }
            guard let port = try await group.next() ?? nil else {
                throw RawFailure("the server did not start listening within 120 s")
            }
            return port
        }
    }

    /// Stops the server gracefully (it returns once every request in flight was answered), then removes the
    /// directory unless `removing` is false (the test then reads the ledger and calls ``remove()``).
    func stop(removing: Bool = true) async throws {
        await group.triggerGracefulShutdown()
        try await running.value
        if removing { remove() }
    }

    /// Closes the ledger and removes the directory.
    func remove() {
        ledger.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var root: String { directory + "/ledger" }

    /// `http://127.0.0.1:PORT` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Sends one request with the shared client and returns the status, headers and body.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        token: String? = nil,
        contentType: String? = "application/x-ndjson",
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        client: HTTPClient = .shared
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url(path))
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType, body != nil { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let (response, bytes) = try await withTaskExecutorPreference(TestExecutor.shared) {
            let response = try await client.execute(request, timeout: .seconds(120))
            return (response, try await response.body.collect(upTo: 1 << 20))
        }
        return Answer(
            status: Int(response.status.code),
            headers: response.headers,
            body: Array(bytes.readableBytesView)
        )
    }
}

/// A response as the tests read it.
struct Answer {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var json: JSONValue { (try? JSONParser().parse(body)) ?? .object(JSONObject()) }

    func int(_ key: String) -> Int? { json[key]?.numberValue?.int64Value.map(Int.init) }
}

struct RawFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Event lines for request bodies.
enum Events {
    static func line(_ id: String) -> String {
        #"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
            + #""group":"g-1","data":{"kind":"text","message":"m-\#(id)"},"content":{"text":"Báo cáo \#(id)"}}"#
            + "\n"
    }

    static func body(_ ids: [String]) -> [UInt8] { Array(ids.map(line).joined().utf8) }
}

/// The repository's `Fixtures/` directory.
enum Fixtures {
    static func path(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/" + relative).path
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }
}
