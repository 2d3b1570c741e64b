import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `GET /tile/…` (C2SP tlog-tiles) of the live ledger: hash tiles for anyone, entry bundles for auditors only.
@Suite struct TileTests {
    /// The ledger's records and their leaf hashes.
    static func records(_ served: Served) throws -> [[UInt8]] {
        var records: [[UInt8]] = []
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        try reader.forEach(from: 0, through: served.ledger.size - 1) { records.append($0.record.encoded()) }
        return records
    }

    @Test func theLevelZeroTileHoldsTheLeafHashesAndIsImmutable() async throws {
        let served = try await Served.start("tiles")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["t1", "t2", "t3"]))
        let records = try TileTests.records(served)
        let answer = try await served.send(.GET, "/tile/0/000.p/\(records.count)")
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.headers.first(name: "Cache-Control") == "public, max-age=31536000, immutable")
        let sha = SHA256()
        #expect(answer.body == records.flatMap { sha.leafHash($0).bytes })
        // Narrower is a prefix of the same tile; wider than the tree, a full tile of a small tree, or a level
        // the tree has not reached, are not there.
        #expect(try await served.send(.GET, "/tile/0/000.p/1").body == Array(answer.body.prefix(32)))
        #expect(try await served.send(.GET, "/tile/0/000.p/\(records.count + 1)").status == 404)
        #expect(try await served.send(.GET, "/tile/0/000").status == 404)
        #expect(try await served.send(.GET, "/tile/1/000.p/1").status == 404)
        #expect(try await served.send(.GET, "/tile/0/0").status == 404)
        try await served.stop()
    }

    @Test func entryBundlesAreForAuditorsOnly() async throws {
        let served = try await Served.start("entries")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["e1", "e2"]))
        let records = try TileTests.records(served)
        let path = "/tile/entries/000.p/\(records.count)"
        #expect(try await served.send(.GET, path).status == 401)
        #expect(try await served.send(.GET, path, token: served.importer).status == 403)
        let answer = try await served.send(.GET, path, token: served.auditor)
        #expect(answer.status == 200)
        #expect(answer.headers.first(name: "Cache-Control") == "private, max-age=31536000, immutable")
        #expect(try EntryBundle.decode(answer.body, name: "bundle") == records)
        // The auditor's read is in the access log under the auditor's name.
        let log = try String(contentsOfFile: served.root + "/access.jsonl", encoding: .utf8)
        #expect(log.contains(#""path":"\#(path)""#) && log.contains(#""token":"auditor-1""#))
        try await served.stop()
    }

    @Test func aFullTileHasItsParentOneLevelUp() async throws {
        let served = try await Served.start("levels")
        let answer = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            body: Events.body((0..<300).map { "f\($0)" })
        )
        #expect(answer.status == 200)
        let full = try await served.send(.GET, "/tile/0/000")
        #expect(full.status == 200)
        #expect(full.body.count == 256 * 32)
        let parent = try await served.send(.GET, "/tile/1/000.p/1")
        #expect(parent.status == 200)
        let hashes = try HashTile.decode(full.body, name: "tile/0/000")
        #expect(parent.body == HashTile.subtreeRoot(hashes, sha: SHA256()).bytes)
        let rest = try await served.send(.GET, "/tile/0/001.p/\(Int(served.ledger.size) - 256)")
        #expect(rest.status == 200)
        try await served.stop()
    }
}
