import Foundation
import LedgerServer
import LedgerStorage
import NIOHTTP1
import TestSupport
import Testing

/// Clients that hold the server's resources: a head that never ends, a body that trickles, a full commit queue.
@Suite struct HostileClientTests {
    @Test func aConnectionThatNeverFinishesItsHeadIsClosed() async throws {
        let served = try await Served.start("slow-head") { $0.idleTimeout = .seconds(1) }
        let connection = try RawHTTP(port: served.port)
        try connection.send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-n")
        #expect(try await connection.closed())
        try await served.stop()
    }

    @Test func anIdleKeptAliveConnectionIsClosed() async throws {
        let served = try await Served.start("idle") { $0.idleTimeout = .seconds(1) }
        let connection = try RawHTTP(port: served.port)
        try connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try await connection.response().status == 200)
        #expect(try await connection.closed())
        try await served.stop()
    }

    @Test func aBodyThatTricklesPastTheBodyTimeoutIs408AndAppendsNothing() async throws {
        let served = try await Served.start("trickle") {
            $0.idleTimeout = .seconds(60)
            $0.bodyTimeout = .seconds(1)
        }
        let before = served.ledger.size
        let body = Events.body(["slow-1"])
        let connection = try RawHTTP(port: served.port)
        try connection.send(
            "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(served.importer)\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n"
        )
        // Six pieces, 300 ms apart: the last arrives after the 1 s the body may take. On a loaded machine the
        // server may answer 408 and close before the last pieces are sent: the send then fails, and that is fine.
        let size = body.count / 6 + 1
        for start in stride(from: 0, to: body.count, by: size) {
            do { try connection.send(Array(body[start..<min(start + size, body.count)])) } catch { break }
            try await Task.sleep(for: .milliseconds(300))
        }
        // The answer, when the close has not discarded it; the access log has the server's decision either way.
        if let answer = try? await connection.response() { #expect(answer.status == 408) }
        // Up to 30 s: under a full parallel test run the server's log writer can be slow to get a core.
        var logged = false
        for _ in 0..<300 where !logged {
            let log = (try? String(contentsOfFile: served.root + "/access.jsonl", encoding: .utf8)) ?? ""
            logged = log.contains(#""status":408"#)
            if !logged { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(logged, "no 408 in the access log")
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func aFullCommitQueueAnswers503WithRetryAfterAndTheWaitingBodyStillLands() async throws {
        let served = try await Served.start("queue") {
            $0.maxWaitingBodies = 1
            $0.idleTimeout = .seconds(600)
        }
        let before = served.ledger.size
        let body = Events.body(["held-1"])
        // The one admitted body: its head and half of it, the rest held back.
        let holder = try RawHTTP(port: served.port)
        try holder.send(
            "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(served.importer)\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n"
        )
        try holder.send(Array(body[..<(body.count / 2)]))
        // Wait (bounded) until the server has admitted it.
        var depth = 0
        for _ in 0..<200 where depth == 0 {
            let metrics = try await served.send(.GET, "/metrics").text
            depth = metrics.contains("groupledger_commit_queue_depth_bodies 1") ? 1 : 0
            if depth == 0 { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(depth == 1)
        let refused = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["b-1"]))
        #expect(refused.status == 503)
        #expect(refused.headers.first(name: "Retry-After") == "1")
        try holder.send(Array(body[(body.count / 2)...]))
        let held = try await holder.response()
        #expect(held.status == 200)
        #expect(served.ledger.size == before + 1)
        try await served.stop()
    }

    @Test func aRequestInFlightAtShutdownIsCommittedAndAnsweredBeforeTheServerStops() async throws {
        let served = try await Served.start("shutdown") { $0.idleTimeout = .seconds(600) }
        let before = served.ledger.size
        let body = Events.body(["late-1", "late-2"])
        let connection = try RawHTTP(port: served.port)
        try connection.send(
            "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(served.importer)\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n"
        )
        try connection.send(Array(body[..<10]))
        var admitted = false
        for _ in 0..<200 where !admitted {
            admitted = try await served.send(.GET, "/metrics").text.contains("groupledger_commit_queue_depth_bodies 1")
            if !admitted { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(admitted)
        // Shut down while the body is half sent: the server stops accepting but finishes this request.
        let stopping = Task { try await served.stop(removing: false) }
        // The listener closes (bounded wait): new connections are refused while the held request is still open.
        var refused = false
        for _ in 0..<200 where !refused {
            refused = (try? await RawHTTP.send(port: served.port, "GET", "/healthz")) == nil
            if !refused { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(refused)
        try connection.send(Array(body[10...]))
        let answer = try await connection.response()
        #expect(answer.status == 200)
        #expect(answer.text.contains(#""appended":2"#))
        try await stopping.value
        #expect(served.ledger.size == before + 2)
        served.remove()
    }
}
