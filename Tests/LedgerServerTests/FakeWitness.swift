import Foundation
import HTTPTypes
import Hummingbird
import LedgerStorage
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A witness on 127.0.0.1 whose behaviour a test switches: a real ``WitnessEndpoint``, a fixed answer, or holding
/// every request until ``release()`` (at most 60 s). It counts the requests received and answered, and records
/// the size of each checkpoint pushed to it.
final class FakeWitness: Sendable {
    enum Mode: Sendable {
        /// Answers as this endpoint does.
        case endpoint(WitnessEndpoint)
        /// Answers this status, `Content-Type` and body.
        case status(Int, contentType: String?, body: String)
        /// Holds the request until ``FakeWitness/release()``, then answers 503.
        case hold
        /// Answers 307 with this `Location`.
        case redirect(to: String)
    }

    let port: Int
    private let state: State
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    final class State: Sendable {
        let mode: Mutex<Mode>
        let released = Atomic<Bool>(false)
        let received = Atomic<Int>(0)
        let answered = Atomic<Int>(0)
        let sizes = Mutex<[UInt64]>([])

        init(_ mode: Mode) { self.mode = Mutex(mode) }
    }

    static func start(_ mode: Mode) async throws -> FakeWitness {
        let state = State(mode)
        let ports = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "fake-witness")
        logger.logLevel = .critical
        let app = Application(
            responder: Responder(state: state),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                ports.continuation.yield(channel.localAddress?.port ?? 0)
                ports.continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        let port = try await Served.first(of: ports.stream)
        return FakeWitness(port: port, state: state, group: group, running: running)
    }

    private init(port: Int, state: State, group: ServiceGroup, running: Task<Void, any Error>) {
        self.port = port
        self.state = state
        self.group = group
        self.running = running
    }

    /// The submission prefix.
    var url: String { "http://127.0.0.1:\(port)" }
    var received: Int { state.received.load(ordering: .sequentiallyConsistent) }
    var answered: Int { state.answered.load(ordering: .sequentiallyConsistent) }
    /// The sizes of the checkpoints pushed, in the order the requests arrived.
    var sizes: [UInt64] { state.sizes.withLock { $0 } }

    func set(_ mode: Mode) { state.mode.withLock { $0 = mode } }

    /// Lets held requests (and later ones in ``Mode/hold``) be answered.
    func release() { state.released.store(true, ordering: .sequentiallyConsistent) }

    func stop() async throws {
        release()
        await group.triggerGracefulShutdown()
        try await running.value
    }

    private struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let state: State

        func respond(to request: Request, context: Context) async throws -> Response {
            let body = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            state.sizes.withLock { $0.append(Self.checkpointSize(body) ?? 0) }
            state.received.add(1, ordering: .sequentiallyConsistent)
            defer { state.answered.add(1, ordering: .sequentiallyConsistent) }
            switch state.mode.withLock({ $0 }) {
            case .endpoint(let endpoint):
                let answer = endpoint.respond(to: body)
                return Self.response(answer.status, answer.contentType, answer.body)
            case .status(let status, let contentType, let text):
                return Self.response(status, contentType, Array(text.utf8))
            case .hold:
                for _ in 0..<6000 where !state.released.load(ordering: .sequentiallyConsistent) {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                return Self.response(503, nil, [])
            case .redirect(let location):
                var response = Self.response(307, nil, [])
                response.headers[.location] = location
                return response
            }
        }

        static func response(_ status: Int, _ contentType: String?, _ body: [UInt8]) -> Response {
            var headers: HTTPFields = [.contentLength: String(body.count)]
            if let contentType { headers[.contentType] = contentType }
            return Response(
                status: HTTPResponse.Status(code: status),
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
            )
        }

        /// The size line of the checkpoint in an add-checkpoint body (after the first empty line).
        static func checkpointSize(_ body: [UInt8]) -> UInt64? {
            let text = String(decoding: body, as: UTF8.self)
            guard let blank = text.range(of: "\n\n") else { return nil }
            let lines = text[blank.upperBound...].split(separator: "\n")
            return lines.count > 1 ? UInt64(lines[1]) : nil
        }
    }
}
