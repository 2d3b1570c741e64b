import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `GET /v1/records/{seq}` (auditor role): the record, its content or who withheld it, and its inclusion proof.
@Suite struct RecordTests {
    @Test func anAuditorReadsARecordWithItsContentAndAProofThatVerifies() async throws {
        let served = try await Served.start("record")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["r1"]))
        let seq = try #require(posted.int("first_seq"))
        #expect(try await served.send(.GET, "/v1/records/\(seq)").status == 401)
        #expect(try await served.send(.GET, "/v1/records/\(seq)", token: served.importer).status == 403)
        let answer = try await served.send(.GET, "/v1/records/\(seq)", token: served.auditor)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["event"]?["id"] == "r1")
        #expect(answer.json["content"]?["text"] == "Báo cáo r1")
        let proofText = try #require(answer.json["proof"]?.stringValue)
        let proof = try TlogProof.parse(Array(proofText.utf8))
        #expect(proof.index == UInt64(seq))
        let leafHex = try #require(answer.json["leaf_hash"]?.stringValue)
        let leaf = try #require(Hash(hex: leafHex))
        try Merkle.verifyInclusion(
            leafHash: leaf,
            index: proof.index,
            size: proof.checkpoint.size,
            proof: proof.path,
            root: proof.checkpoint.rootHash,
            sha: SHA256()
        )
        #expect(
            try await served.send(.GET, "/v1/records/\(served.ledger.size + 5)", token: served.auditor).status == 404
        )
        #expect(try await served.send(.GET, "/v1/records/01", token: served.auditor).status == 404)
        try await served.stop()
    }

    @Test func aWithheldRecordSaysWhoWithheldItWhenAndWhy() async throws {
        let served = try await Served.start("withheld")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["w1"]))
        let seq = UInt64(try #require(posted.int("first_seq")))
        let withholding = try served.ledger.withhold(seq: seq, reason: "state secret stamp", actor: "head-of-office")
        let answer = try await served.send(.GET, "/v1/records/\(seq)", token: served.auditor)
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["content"] == nil)
        #expect(answer.json["withheld"]?["reason"] == "state secret stamp")
        #expect(answer.json["withheld"]?["ordered_by"] == "head-of-office")
        #expect(answer.json["withheld"]?["by_seq"]?.numberValue?.int64Value == Int64(withholding))
        try await served.stop()
    }

    @Test func anAppendWithProofCarriesAVerifiableProofOfEachRecord() async throws {
        let served = try await Served.start("proofs")
        let answer = try await served.send(
            .POST,
            "/v1/events?proof=1",
            token: served.importer,
            body: Events.body(["p1", "p2", "p3"])
        )
        #expect(answer.status == 200, "\(answer.text)")
        let first = UInt64(try #require(answer.int("first_seq")))
        let proofs = try #require(answer.json["proofs"]?.arrayValue)
        #expect(proofs.count == 3)
        let reader = LedgerReader(layout: served.ledger.layout, metadata: served.ledger.metadata)
        for (offset, text) in proofs.enumerated() {
            let proof = try TlogProof.parse(Array(try #require(text.stringValue).utf8))
            #expect(proof.index == first + UInt64(offset))
            #expect(proof.checkpoint.size >= first + 3)
            try Merkle.verifyInclusion(
                leafHash: try reader.entry(proof.index).leafHash,
                index: proof.index,
                size: proof.checkpoint.size,
                proof: proof.path,
                root: proof.checkpoint.rootHash,
                sha: SHA256()
            )
        }
        // A retry appends nothing, so it has nothing to prove.
        let again = try await served.send(
            .POST,
            "/v1/events?proof=1",
            token: served.importer,
            body: Events.body(["p1", "p2", "p3"])
        )
        #expect(again.json["proofs"] == .array([]))
        try await served.stop()
    }
}
