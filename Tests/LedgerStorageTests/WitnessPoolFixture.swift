import Foundation
import LedgerCore
import LedgerStorage
import Synchronization

/// Witnesses reached in memory: each submission prefix has a handler for its `add-checkpoint` URL, which gets the
/// number of the call (1 for the first) and the request body. Every request is recorded by its prefix.
final class MemoryTransport: WitnessTransport {
    typealias Reply = (status: Int, contentType: String?, body: [UInt8])
    typealias Handler = @Sendable (_ call: Int, _ body: [UInt8]) throws -> Reply

    struct Unreachable: Error {}
    struct TimedOut: Error {}

    private let handlers: Mutex<[String: Handler]>
    private let calls = Mutex<[(url: String, body: [UInt8], timeout: Duration)]>([])

    init(_ handlers: [String: Handler] = [:]) { self.handlers = Mutex(handlers) }

    /// Replaces the handler of the submission prefix `url`.
    func route(_ url: String, _ handler: @escaping Handler) { handlers.withLock { $0[url] = handler } }

    func post(url: String, body: [UInt8], timeout: Duration) async throws -> Reply {
        let path = "/add-checkpoint"
        guard url.hasSuffix(path) else { throw Unreachable() }
        let url = String(url.dropLast(path.count))
        let number = calls.withLock { calls in
            calls.append((url, body, timeout))
            return calls.filter { $0.url == url }.count
        }
        guard let handler = handlers.withLock({ $0[url] }) else { throw Unreachable() }
        return try handler(number, body)
    }

    /// The requests sent to `url`, parsed.
    func requests(to url: String) throws -> [AddCheckpointRequest] {
        try calls.withLock { $0 }.filter { $0.url == url }.map { try AddCheckpointRequest.parse($0.body) }
    }

    /// The raw bodies sent to `url`.
    func bodies(to url: String) -> [[UInt8]] { calls.withLock { $0 }.filter { $0.url == url }.map(\.body) }

    /// A handler that answers as `endpoint` does.
    static func serving(_ endpoint: WitnessEndpoint) -> Handler {
        { _, body in
            let response = endpoint.respond(to: body)
            return (response.status, response.contentType, response.body)
        }
    }

    /// A handler that always times out, as a transport does when no answer comes within its timeout.
    static let timingOut: Handler = { _, _ in throw TimedOut() }
}

/// Back-off waits, recorded instead of waited.
final class RecordedSleeps: Sendable {
    private let waits = Mutex<[Duration]>([])

    var recorded: [Duration] { waits.withLock { $0 } }

    @Sendable func sleep(_ duration: Duration) async throws { waits.withLock { $0.append(duration) } }
}

/// A ledger that grows on demand and witnesses in directories beside it, each with an endpoint.
struct PoolFixture {
    let dir: TemporaryDirectory
    let root: String
    let ledger: Ledger

    init(_ label: String) throws {
        dir = TemporaryDirectory("pool-\(label)")
        root = dir.path + "/ledger"
        ledger = try Ledger.create(at: root, origin: "example.org/test")
    }

    func remove() {
        ledger.close()
        dir.remove()
    }

    var logVkey: String { ledger.verifierKeys[0] }

    /// Appends `count` events and returns the new signed checkpoint.
    func grow(by count: Int) throws -> [UInt8] {
        let start = Int(ledger.size)
        _ = try ledger.append((start..<start + count).map { Events.post($0) })
        return ledger.checkpoint
    }

    /// A new witness named `name` that trusts the ledger's key, and its endpoint.
    func witness(_ name: String) throws -> (witness: Witness, endpoint: WitnessEndpoint) {
        let path = dir.path + "/witness-" + name
        try Witness.initialize(directory: path, name: "\(name).example/witness")
        let witness = try Witness.open(directory: path, clock: { WitnessFixture.time })
        return (witness, try WitnessEndpoint(witness: witness, logVerifierKeys: [logVkey]))
    }

    /// A pool over `peers` that records its back-off waits in `sleeps`.
    func pool(
        _ peers: [WitnessPeer],
        quorum: Int,
        transport: MemoryTransport,
        sleeps: RecordedSleeps = RecordedSleeps(),
        policy: WitnessRetryPolicy = WitnessRetryPolicy()
    ) throws -> WitnessPool {
        try WitnessPool(
            ledger: root,
            peers: peers,
            quorum: quorum,
            transport: transport,
            policy: policy,
            sleep: sleeps.sleep
        )
    }
}
