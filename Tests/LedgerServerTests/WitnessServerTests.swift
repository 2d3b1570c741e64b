import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `groupledger witness serve`'s server through real sockets: every row of the C2SP tlog-witness status table with
/// request bodies written out by hand, and what the HTTP layer adds (413, 405, 404, 503, the prefix).
@Suite struct WitnessServerTests {
    /// Sends `body` with AsyncHTTPClient (blocking sockets would starve the server's tasks on this pool).
    static func post(
        _ served: WitnessServed,
        _ body: String,
        path: String = "/add-checkpoint",
        method: HTTPMethod = .POST
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: served.url + path)
        request.method = method
        request.headers.add(name: "Content-Type", value: "text/plain")
        if method == .POST { request.body = .bytes(Array(body.utf8)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Answer(
            status: Int(response.status.code),
            headers: response.headers,
            body: Array(bytes.readableBytesView)
        )
    }

    /// Runs `body` with a served witness trusting `logKeys` at `prefix`, and stops it afterwards even when `body` throws.
    static func withWitness(
        _ label: String,
        logKeys: [String],
        lockTimeout: Duration = .seconds(5),
        prefix: String = "",
        _ body: (WitnessServed) async throws -> Void
    ) async throws {
        let served = try await WitnessServed.start(label, logKeys: logKeys, lockTimeout: lockTimeout) {
            $0.prefix = prefix
        }
        do {
            try await body(served)
        } catch {
            try await served.stop()
            throw error
        }
        try await served.stop()
    }

    @Test func everyRowOfTheStatusTableIsAnsweredOverHTTP() async throws {
        var log = try WitnessTestLog()
        log.grow(to: 8)
        try await Self.withWitness("table", logKeys: [log.vkey]) { served in
            // 400: not a request.
            let garbage = try await Self.post(served, "hello\n")
            #expect(garbage.status == 400 && garbage.body.isEmpty && garbage.headers.first(name: "Content-Type") == nil)

            // 404: a log the witness does not know.
            var stranger = try WitnessTestLog(origin: "example.org/stranger")
            stranger.grow(to: 3)
            #expect(try await Self.post(served, "old 0\n\n" + stranger.note(3)).status == 404)

            // 403: the known origin, signed by a key the witness does not trust.
            let impostor = try Ed25519NoteSigner.generate(name: log.origin)
            #expect(try await Self.post(served, "old 0\n\n" + log.note(3, signedBy: [impostor])).status == 403)

            // 400: an old size larger than the checkpoint's.
            #expect(try await Self.post(served, "old 5\n\n" + log.note(3)).status == 400)

            // 200: the first checkpoint, cosigned; the state is on disk when the answer arrives.
            let first = try log.note(3)
            let cosigned = try await Self.post(served, "old 0\n\n" + first)
            #expect(cosigned.status == 200)
            #expect(cosigned.headers.first(name: "Content-Type") == "text/plain; charset=utf-8")
            let note = try Note.parse(Array(first.utf8) + cosigned.body)
            let line = note.signatures.first { $0.name == served.witness.name }
            #expect(line.map { served.witness.verifier.verify(text: note.textBytes, signature: $0.signature) } == true)
            let reopened = try Witness.open(directory: served.directory + "/witness")
            #expect(try reopened.state().logs[log.origin]?.checkpoint.size == 3)

            // 409: an old size that is not the witness's, answered with its size.
            let stale = try await Self.post(served, "old 0\n\n" + log.note(5))
            #expect(stale.status == 409)
            #expect(stale.headers.first(name: "Content-Type") == "text/x.tlog.size")
            #expect(stale.text == "3\n")

            // 422: a proof that does not lead from 3 to 5.
            #expect(try await Self.post(served, "old 3\n" + log.proofLines(3, 6) + "\n" + log.note(5)).status == 422)

            // 422: a fork, another tree of size 3 signed by the same key.
            var fork = try WitnessTestLog(origin: log.origin, signer: log.signer, branch: "fork ")
            fork.grow(to: 3)
            #expect(try await Self.post(served, "old 3\n\n" + fork.note(3)).status == 422)

            // 200: the right proof from the witness's size.
            let next = try await Self.post(served, "old 3\n" + log.proofLines(3, 5) + "\n" + log.note(5))
            #expect(next.status == 200, "\(next.text)")
            #expect(try reopened.state().logs[log.origin]?.checkpoint.size == 5)
        }
    }

    @Test func aBodyOverTheLimitIs413DeclaredOrStreamedAndNothingIsCosigned() async throws {
        var log = try WitnessTestLog()
        log.grow(to: 3)
        try await Self.withWitness("limit", logKeys: [log.vkey]) { served in
            let padding = String(repeating: "x", count: WitnessEndpoint.defaultMaximumBodyBytes)
            // Declared: Content-Length is over the limit.
            let declared = try await Self.post(served, "old 0\n\n" + log.note(3) + padding)
            #expect(declared.status == 413)
            // Streamed: chunks with no length announced, past the limit.
            var request = HTTPClientRequest(url: served.url + "/add-checkpoint")
            request.method = .POST
            let chunks = AsyncStream.makeStream(of: ByteBuffer.self)
            for _ in 0..<5 { chunks.continuation.yield(ByteBuffer(repeating: UInt8(ascii: "y"), count: 4096)) }
            chunks.continuation.finish()
            request.body = .stream(chunks.stream, length: .unknown)
            let streamed = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            #expect(streamed.status.code == 413)
            #expect(try served.witness.state().logs.isEmpty)
        }
    }

    @Test func otherMethodsAre405AndOtherPaths404() async throws {
        try await Self.withWitness("methods", logKeys: []) { served in
            let get = try await Self.post(served, "", method: .GET)
            #expect(get.status == 405)
            #expect(get.headers.first(name: "Allow") == "POST")
            #expect(try await Self.post(served, "", method: .PUT).status == 405)
            #expect(try await Self.post(served, "old 0\n\n", path: "/checkpoint").status == 404)
            #expect(try await Self.post(served, "old 0\n\n", path: "/add-checkpoint/x").status == 404)
        }
    }

    @Test func thePrefixMovesTheEndpoint() async throws {
        var log = try WitnessTestLog()
        log.grow(to: 2)
        try await Self.withWitness("prefix", logKeys: [log.vkey], prefix: "/daklak") { served in
            let body = "old 0\n\n" + (try log.note(2))
            #expect(try await Self.post(served, body).status == 404)
            #expect(try await Self.post(served, body, path: "/daklak/add-checkpoint").status == 200)
        }
    }

    @Test func aHeldWitnessLockIs503WithRetryAfter() async throws {
        var log = try WitnessTestLog()
        log.grow(to: 2)
        try await Self.withWitness("busy", logKeys: [log.vkey], lockTimeout: .milliseconds(100)) { served in
            let holder = open(served.directory + "/witness/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            #expect(holder >= 0 && flock(holder, LOCK_EX | LOCK_NB) == 0)
            let busy = try await Self.post(served, "old 0\n\n" + log.note(2))
            Descriptor.close(holder, name: "witness/lock (test holder)")
            #expect(busy.status == 503)
            #expect(busy.headers.first(name: "Retry-After") == "1")
            #expect(try await Self.post(served, "old 0\n\n" + log.note(2)).status == 200)
        }
    }

    @Test func eachRequestIsInTheAccessLogAndCountedInMetrics() async throws {
        var log = try WitnessTestLog()
        log.grow(to: 4)
        let accessLog =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-witness-access-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: accessLog) }
        let served = try await WitnessServed.start("observed", logKeys: [log.vkey]) { $0.accessLogPath = accessLog }
        do {
            let body = "old 0\n\n" + (try log.note(4))
            #expect(try await Self.post(served, body).status == 200)
            #expect(try await Self.post(served, body).status == 409)
            let metrics = try await Self.post(served, "", path: "/metrics", method: .GET)
            #expect(metrics.status == 200)
            #expect(metrics.headers.first(name: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains(#"groupledger_http_requests_total{route="/add-checkpoint",status="200"} 1"#))
            #expect(metrics.text.contains(#"groupledger_http_requests_total{route="/add-checkpoint",status="409"} 1"#))
            #expect(metrics.text.contains(#"groupledger_witness_add_checkpoint_total{result="cosigned"} 1"#))
            #expect(metrics.text.contains(#"groupledger_witness_add_checkpoint_total{result="conflict"} 1"#))
            #expect(try await Self.post(served, "", path: "/metrics", method: .POST).status == 405)
            #expect(try await Self.post(served, "", path: "/elsewhere", method: .GET).status == 404)
        } catch {
            try await served.stop()
            throw error
        }
        try await served.stop()
        let lines = try String(contentsOfFile: accessLog, encoding: .utf8).split(separator: "\n")
            .map { try JSONParser().parse(String($0)) }
        #expect(lines.count == 5)
        let first = lines.first
        #expect(first?["method"] == "POST")
        #expect(first?["path"] == "/add-checkpoint")
        #expect(first?["status"]?.numberValue?.int64Value == 200)
        #expect(first?["token"] == "-")
        #expect(first?["bytes_in"]?.numberValue?.int64Value == Int64(("old 0\n\n" + (try log.note(4))).utf8.count))
        #expect(first?["bytes_out"]?.numberValue?.int64Value ?? 0 > 0)
        #expect(lines.dropFirst().first?["status"]?.numberValue?.int64Value == 409)
        #expect(lines.last?["path"] == "/elsewhere" && lines.last?["status"]?.numberValue?.int64Value == 404)
    }
}
