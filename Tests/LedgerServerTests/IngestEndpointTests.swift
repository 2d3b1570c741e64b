import AsyncHTTPClient
import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOCore
import NIOHTTP1
import Testing

/// `POST /v1/events` and `POST /v1/import/{format}` through real sockets: each success and each refusal.
@Suite struct IngestEndpointTests {
    @Test func eventsAreAnsweredAfterTheCommitWithTheirPosition() async throws {
        let served = try await Served.start("events")
        let before = served.ledger.size
        let answer = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["a", "b"]))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.int("appended") == 2)
        #expect(answer.int("duplicates") == 0)
        #expect(answer.int("first_seq") == Int(before))
        #expect(answer.int("size") == Int(before) + 2)
        #expect(served.ledger.size == before + 2)
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        var ids: [String] = []
        try reader.forEach(from: before, through: before + 1) { ids.append($0.envelope.id) }
        #expect(ids == ["a", "b"])
        try await served.stop()
    }

    @Test func aRetriedBodyCountsItsEventsAsDuplicates() async throws {
        let served = try await Served.start("retry")
        let body = Events.body(["r1", "r2", "r3"])
        let first = try await served.send(.POST, "/v1/events", token: served.importer, body: body)
        let again = try await served.send(.POST, "/v1/events", token: served.importer, body: body)
        #expect(first.int("appended") == 3)
        #expect(again.status == 200)
        #expect(again.int("appended") == 0)
        #expect(again.int("duplicates") == 3)
        #expect(again.json["first_seq"] == .null)
        #expect(again.int("size") == first.int("size"))
        try await served.stop()
    }

    @Test func aBadLineIsRefusedWithItsLineByteAndFieldAndNothingIsAppended() async throws {
        let served = try await Served.start("refused")
        let before = served.ledger.size
        let good = Events.line("ok-1")
        let bad = #"{"id":"bad","type":"post.created","time":"yesterday","actor":"u1","group":"g-1","data":{}}"# + "\n"
        let answer = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            body: Array((good + bad + Events.line("ok-2")).utf8)
        )
        #expect(answer.status == 422)
        #expect(answer.int("line") == 2)
        #expect(answer.int("byte") ?? 0 >= good.utf8.count)
        #expect(answer.json["field"]?.stringValue == "$.time", "\(answer.text)")
        #expect(answer.json["error"]?.stringValue?.contains("nothing was appended") == true)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func anEventPosingAsTheLedgersOwnIsRefused() async throws {
        let served = try await Served.start("reserved")
        let before = served.ledger.size
        let impostor =
            #"{"id":"ledger:key_announced:x","type":"post.created","time":"2026-11-03T07:45:12+07:00","#
            + #""actor":"u1","group":"g-1","data":{"kind":"text","message":"m"}}"# + "\n"
        let answer = try await served.send(.POST, "/v1/events", token: served.importer, body: Array(impostor.utf8))
        #expect(answer.status == 422)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test func aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() async throws {
        let served = try await Served.start("limit") { $0.maxBodyBytes = 4096 }
        let before = served.ledger.size
        let large = Events.body((0..<40).map { "big-\($0)" })
        #expect(large.count > 4096)
        // Declared: Content-Length is over the limit, refused before the body is read.
        let declared = try await served.send(.POST, "/v1/events", token: served.importer, body: large)
        #expect(declared.status == 413)
        // Streamed: chunked, no length; refused once the limit is passed.
        var request = HTTPClientRequest(url: served.url("/v1/events"))
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(served.importer)")
        request.headers.add(name: "Content-Type", value: "application/x-ndjson")
        let chunks = stride(from: 0, to: large.count, by: 1000).map {
            ByteBuffer(bytes: large[$0..<min($0 + 1000, large.count)])
        }
        let stream = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        request.body = .stream(stream, length: .unknown)
        let streamed = try await withTaskExecutorPreference(TestExecutor.shared) {
            try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        }
        #expect(streamed.status.code == 413)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test(arguments: [
        nil, "application/x-www-form-urlencoded", "text/plain", "application/x-ndjson; charset=latin1",
        "application/x-ndjson; charset", "application/x-ndjsonx", "application/x-ndjson; charset=\"utf-8x\"",
    ])
    func aWrongContentTypeIs415(_ type: String?) async throws {
        let served = try await Served.start("type")
        let before = served.ledger.size
        let answer = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            contentType: type,
            body: Events.body(["t1"])
        )
        #expect(answer.status == 415)
        #expect(served.ledger.size == before)
        try await served.stop()
    }

    @Test(arguments: [
        "application/x-ndjson", "application/jsonl", "application/json; charset=utf-8",
        "Application/X-NDJSON ;\tCharset = \"UTF-8\"", "application/jsonl; version=1",
    ])
    func theJSONLinesTypesAreAccepted(_ type: String) async throws {
        let served = try await Served.start("types")
        let answer = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            contentType: type,
            body: Events.body(["ok"])
        )
        #expect(answer.status == 200)
        try await served.stop()
    }

    @Test func sixtyFourClientsEachGetExactlyTheirOwnOutcome() async throws {
        let served = try await Served.start("concurrent")
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                connectionPool: .init(idleTimeout: .seconds(10), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
            )
        )
        let answers = try await withThrowingTaskGroup(of: (String, Answer, Answer).self) { group in
            for client64 in 0..<64 {
                group.addTask {
                    let ids = (0..<3).map { "c\(client64)-\($0)" }
                    let body = Events.body(ids)
                    let first = try await served.send(
                        .POST,
                        "/v1/events",
                        token: served.importer,
                        body: body,
                        client: client
                    )
                    let retry = try await served.send(
                        .POST,
                        "/v1/events",
                        token: served.importer,
                        body: body,
                        client: client
                    )
                    return ("c\(client64)", first, retry)
                }
            }
            var all: [(String, Answer, Answer)] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        try await client.shutdown()
        #expect(answers.count == 64)
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        var idsBySeq: [UInt64: String] = [:]
        try reader.forEach(from: 0, through: served.ledger.size - 1) { idsBySeq[$0.record.seq] = $0.envelope.id }
        for (name, first, retry) in answers {
            #expect(first.status == 200 && first.int("appended") == 3, "\(name): \(first.text)")
            #expect(retry.status == 200 && retry.int("duplicates") == 3, "\(name): \(retry.text)")
            let seq = UInt64(try #require(first.int("first_seq")))
            #expect((0..<3).allSatisfy { idsBySeq[seq + UInt64($0)] == "\(name)-\($0)" })
        }
        #expect(Set(idsBySeq.values.filter { $0.hasPrefix("c") }).count == 64 * 3)
        try await served.stop()
    }

    @Test func aZcaCaptureImportsThroughTheSameEngine() async throws {
        let served = try await Served.start("zca")
        let capture = try Fixtures.bytes("import/zca/capture.jsonl")
        let answer = try await served.send(.POST, "/v1/import/zca", token: served.importer, body: capture)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.int("appended") ?? 0 > 0)
        let again = try await served.send(.POST, "/v1/import/zca", token: served.importer, body: capture)
        #expect(again.int("appended") == 0)
        // The capture repeats one event, which the first request already counted as a duplicate.
        #expect(again.int("duplicates") == (answer.int("appended") ?? 0) + (answer.int("duplicates") ?? 0))
        try await served.stop()
    }

    @Test func aRosterNeedsItsAsOfTime() async throws {
        let served = try await Served.start("roster")
        let roster = try Fixtures.bytes("import/roster/roster.csv")
        let missing = try await served.send(
            .POST,
            "/v1/import/roster-csv",
            token: served.importer,
            contentType: "text/csv",
            body: roster
        )
        #expect(missing.status == 400)
        let answer = try await served.send(
            .POST,
            "/v1/import/roster-csv?as_of=2026-11-02T08:00:00Z",
            token: served.importer,
            contentType: "text/csv",
            body: roster
        )
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.int("appended") ?? 0 > 0)
        try await served.stop()
    }

    @Test func aZaloWebStoreImports() async throws {
        let served = try await Served.start("zalo-web")
        let store = try Fixtures.bytes("import/zalo-web/store.json")
        let answer = try await served.send(
            .POST,
            "/v1/import/zalo-web?account=7301000000000000002",
            token: served.importer,
            contentType: "application/json",
            body: store
        )
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.int("appended") ?? 0 > 0)
        try await served.stop()
    }

    @Test(arguments: ["envelopes", "oa-webhook", "csv"])
    func anUnknownImportFormatIs404(_ format: String) async throws {
        let served = try await Served.start("format")
        let answer = try await served.send(.POST, "/v1/import/\(format)", token: served.importer, body: [0x0a])
        #expect(answer.status == 404)
        try await served.stop()
    }
}
