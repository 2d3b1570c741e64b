import AsyncHTTPClient
public import LedgerStorage
import NIOCore
import NIOHTTP1
import Synchronization

/// ``LedgerStorage/WitnessTransport`` over AsyncHTTPClient: one `POST` of `text/plain` per call on kept-alive
/// connections, no redirects followed, at most ``maximumAnswerBytes`` read back.
///
/// The timeout is enforced here, over the whole exchange (connecting, sending, the answer's head and body): the
/// request races a timer and is cancelled when the timer wins, so a witness that accepts the connection and
/// never answers costs the pool one timeout, not a stuck round.
///
/// The client is made on first use; call ``shutdown()`` once the pool is done.
public final class HTTPWitnessTransport: WitnessTransport {
    /// The largest answer read: a witness answers a few cosignature lines or a size.
    public static let maximumAnswerBytes = 64 << 10

    private let client = Mutex<ClientState>(.notStarted)

    private enum ClientState {
        case notStarted
        case running(HTTPClient)
        case stopped
    }

    /// A transport whose client starts with the first request.
    public init() {}

    /// The request did not end within its timeout.
    public struct TimedOut: Error, CustomStringConvertible {
        public let url: String
        public let timeout: Duration
        public var description: String { "no answer from \(url) within \(timeout)" }
    }

    /// The transport was shut down.
    public struct Stopped: Error, CustomStringConvertible {
        public var description: String { "the witness client is shut down (the server is stopping)" }
    }

    private struct Reply: Sendable {
        let status: Int
        let contentType: String?
        let body: [UInt8]
    }

    public func post(
        url: String,
        body: [UInt8],
        timeout: Duration
    ) async throws -> (status: Int, contentType: String?, body: [UInt8]) {
        let client = try started()
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        request.body = .bytes(body)
        let prepared = request
        let answer = try await withThrowingTaskGroup(of: Reply?.self) { group in
            group.addTask {
                let response = try await client.execute(prepared, timeout: timeout.timeAmount)
                let bytes = try await response.body.collect(upTo: HTTPWitnessTransport.maximumAnswerBytes)
                return Reply(
                    status: Int(response.status.code),
                    contentType: response.headers.first(name: "Content-Type"),
                    body: Array(bytes.readableBytesView)
                )
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else {
                throw TimedOut(url: url, timeout: timeout)
            }
            return reply
        }
        return (answer.status, answer.contentType, answer.body)
    }

    /// Closes the client's connections; later requests throw ``Stopped``.
    public func shutdown() async throws {
        let running = client.withLock { state -> HTTPClient? in
            defer { state = .stopped }
            if case .running(let client) = state { return client }
            return nil
        }
        try await running?.shutdown()
    }

    private func started() throws -> HTTPClient {
        try client.withLock { state in
            switch state {
            case .running(let client):
                return client
            case .stopped:
                throw Stopped()
            case .notStarted:
                var configuration = HTTPClient.Configuration()
                configuration.redirectConfiguration = .disallow
                let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
                state = .running(client)
                return client
            }
        }
    }
}
