import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// Tokens, roles, routes and the access log.
@Suite struct AccessTests {
    @Test func noTokenAnUnknownTokenAndARevokedTokenAre401() async throws {
        let served = try await Served.start("tokens")
        let before = served.ledger.size
        let body = Events.body(["x"])
        let none = try await served.send(.POST, "/v1/events", body: body)
        #expect(none.status == 401)
        #expect(none.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let unknown = try await served.send(
            .POST,
            "/v1/events",
            token: "glt_" + String(repeating: "0", count: 64),
            body: body
        )
        #expect(unknown.status == 401)
        let almost = try await served.send(
            .POST,
            "/v1/events",
            token: String(served.importer.dropLast()) + "x",
            body: body
        )
        #expect(almost.status == 401)
        // Revoked while the server runs: refused from the next request on.
        try TokenFile(ledger: served.root).revoke(name: "importer-1", now: 1_790_000_100_000)
        let revoked = try await served.send(.POST, "/v1/events", token: served.importer, body: body)
        #expect(revoked.status == 401)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func aTokenAddedWhileServingWorksAtOnce() async throws {
        let served = try await Served.start("added")
        let token = try TokenFile(ledger: served.root).add(name: "late", role: .importer, now: 1_790_000_100_000)
        let answer = try await served.send(.POST, "/v1/events", token: token, body: Events.body(["late-1"]))
        #expect(answer.status == 200)
        try await served.stop()
    }

    @Test func anAuditorTokenCannotAppend() async throws {
        let served = try await Served.start("role")
        let before = served.ledger.size
        let answer = try await served.send(.POST, "/v1/events", token: served.auditor, body: Events.body(["x"]))
        #expect(answer.status == 403)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func theTokenFileKeepsOnlyDigestsWithMode0600() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try LedgerStorage.Ledger.create(at: directory + "/l", origin: "example.org/t")
        ledger.close()
        let file = TokenFile(ledger: directory + "/l")
        let token = try file.add(name: "a", role: .auditor, now: 0)
        let stored = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(!stored.contains(token))
        #expect(stored.contains(SHA256().hash(Array(token.utf8)).hex))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: LedgerError.self) { _ = try file.add(name: "a", role: .importer, now: 0) }
        #expect(throws: LedgerError.self) { try file.revoke(name: "nobody", now: 0) }
        #expect(try file.load().map(\.name) == ["a"])
    }

    @Test func anUnknownPathIs404AndAnotherMethodIs405() async throws {
        let served = try await Served.start("routes")
        #expect(try await served.send(.GET, "/v2/nothing").status == 404)
        let get = try await served.send(.GET, "/v1/events", token: served.importer)
        #expect(get.status == 405)
        #expect(get.headers.first(name: "Allow") == "POST")
        #expect(try await served.send(.POST, "/healthz", body: [0x0a]).status == 405)
        #expect(try await served.send(.DELETE, "/metrics").status == 405)
        try await served.stop()
    }

    @Test func probesAndMetricsAnswer() async throws {
        let served = try await Served.start("probes")
        #expect(try await served.send(.GET, "/healthz").text == "ok\n")
        let ready = try await served.send(.GET, "/readyz")
        #expect(ready.status == 200, "\(ready.text)")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["m1", "m2"]))
        let metrics = try await served.send(.GET, "/metrics").text
        #expect(metrics.contains(#"groupledger_http_requests_total{route="/v1/events",status="200"} 1"#))
        #expect(metrics.contains("groupledger_events_appended_total 2"))
        #expect(metrics.contains("groupledger_ack_seconds_count 1"))
        #expect(metrics.contains("groupledger_ledger_size_records \(served.ledger.size)"))
        #expect(metrics.contains("groupledger_commit_queue_limit_bodies 256"))
        try await served.stop()
    }

    @Test func theCheckpointIsPublicShortLivedAndFollowsTheCommits() async throws {
        let served = try await Served.start("checkpoint")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["k1", "k2", "k3"]))
        let answer = try await served.send(.GET, "/checkpoint")
        #expect(answer.status == 200)
        #expect(answer.headers.first(name: "Cache-Control") == "max-age=2")
        let lines = answer.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "example.org/serve-test")
        #expect(lines.count > 2 && lines[1] == "\(served.ledger.size)")
        #expect(answer.body == served.ledger.checkpoint)
        try await served.stop()
    }

    @Test func readinessFailsWhenTheDiskHasNoRoomLeft() async throws {
        let served = try await Served.start("full") { $0.minFreeBytes = UInt64.max }
        let ready = try await served.send(.GET, "/readyz")
        #expect(ready.status == 503)
        #expect(ready.text.contains("free"))
        try await served.stop()
    }

    @Test func everyRequestIsInTheAccessLog() async throws {
        let served = try await Served.start("log")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["l1"]))
        _ = try await served.send(.POST, "/v1/events", token: served.auditor, body: Events.body(["l2"]))
        _ = try await served.send(.GET, "/healthz")
        let path = served.root + "/access.jsonl"
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o007 } == 0)
        let texts = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let lines = try texts.map { try JSONParser().parse(String($0)) }
        #expect(lines.count == 3)
        // Each line is already canonical JSON (RFC 8785: members in key order, numbers in their shortest form).
        #expect(zip(texts, lines).allSatisfy { Array($0.utf8) == JCS.serialize($1) })
        #expect(lines[0]["token"] == "importer-1")
        #expect(lines[0]["status"]?.numberValue?.int64Value == 200)
        #expect(lines[0]["method"] == "POST")
        #expect(lines[0]["path"] == "/v1/events")
        #expect(lines[0]["bytes_in"]?.numberValue?.int64Value == Int64(Events.body(["l1"]).count))
        #expect(lines[0]["bytes_out"]?.numberValue?.int64Value ?? 0 > 0)
        #expect(lines[0]["duration_ms"] != nil && lines[0]["time"] != nil)
        #expect(lines[1]["token"] == "auditor-1")
        #expect(lines[1]["status"]?.numberValue?.int64Value == 403)
        #expect(lines[2]["token"] == "-")
        try await served.stop()
    }
}
