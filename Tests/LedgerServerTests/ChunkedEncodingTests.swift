import LedgerServer
import LedgerStorage
import NIOHTTP1
import TestSupport
import Testing

/// Bodies sent with `Transfer-Encoding: chunked`: a well-formed one is ingested as it streams in; a malformed one
/// gets no 200 and appends nothing, and the server goes on answering.
@Suite struct ChunkedEncodingTests {
    static func head(_ token: String) -> String {
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
    }

    static func chunk(_ text: String) -> String {
        String(Array(text.utf8).count, radix: 16) + "\r\n" + text + "\r\n"
    }

    @Test func aChunkedBodyIsIngestedAsItStreams() async throws {
        let served = try await Served.start("chunked-ok")
        let line = String(decoding: Events.body(["chunk-ok"]), as: UTF8.self)
        let middle = line.utf8.count / 2
        let connection = try RawHTTP(port: served.port)
        try connection.send(
            Self.head(served.importer) + Self.chunk(String(line.prefix(middle)))
                + Self.chunk(String(line.dropFirst(middle)))
                + "0\r\n\r\n"
        )
        let answer = try await connection.response()
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        try await served.stop()
    }

    /// A chunk size that is not hexadecimal, a chunk longer than its size, a negative size, a chunk not followed by
    /// CRLF.
    @Test(arguments: [
        "zz\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n", "-5\r\nabc\r\n0\r\n\r\n", "3\r\nabcXY0\r\n\r\n",
    ])
    func aMalformedChunkGetsNo200AndAppendsNothing(body: String) async throws {
        let served = try await Served.start("chunked-bad")
        let before = served.ledger.size
        let connection = try RawHTTP(port: served.port)
        try connection.send(Self.head(served.importer) + body)
        // The parser refuses the request: a 400, or the connection closed without an answer — never a 200.
        if let answer = try? await connection.response() {
            #expect(answer.status == 400, "\(String(decoding: answer.body, as: UTF8.self))")
        }
        #expect(served.ledger.size == before)
        // The server still answers other clients.
        let after = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["after"]))
        #expect(after.status == 200)
        #expect(served.ledger.size == before + 1)
        try await served.stop()
    }
}
