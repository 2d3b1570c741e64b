import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct WithholdTests {
    @Test func withholdingRemovesTheTextFromEveryFileAndVerifyStillPasses() throws {
        let secret = "TỐI MẬT - Phương án phân bổ ngân sách dự phòng"
        let fixture = try LedgerFixture(
            "withhold",
            batches: [
                [Events.post(1), Events.post(2, text: secret)],
                [Events.post(3)],
            ]
        )
        defer { fixture.remove() }
        let needle = Data(secret.utf8)
        #expect(TemporaryDirectory.snapshot(fixture.root).values.contains { $0.range(of: needle) != nil })
        let rootBefore = try LedgerReader(root: fixture.root).head().frontier

        let ledger = try Ledger.open(at: fixture.root)
        let eventSeq = try ledger.withhold(seq: 2, reason: "R7a-classified", actor: "vp-ubnd")
        #expect(eventSeq == 4)
        // Withholding again appends nothing more and stays complete.
        #expect(try ledger.withhold(seq: 2, reason: "R7a-classified", actor: "vp-ubnd") == 4)
        #expect(ledger.size == 5)
        ledger.close()

        for (file, bytes) in TemporaryDirectory.snapshot(fixture.root) {
            #expect(bytes.range(of: needle) == nil, "the withheld text is still in \(file)")
        }
        let reader = try LedgerReader(root: fixture.root)
        #expect(try reader.entry(2).content == .withheld)
        #expect(try reader.withholding(of: 2)?.reason == "R7a-classified")
        let report = try Verifier(root: fixture.root).run()
        #expect(report.isIntact)
        #expect(report.withheld == 1)
        // The tree over the first records is unchanged: proofs issued before still hold.
        var frontier = MerkleFrontier()
        let sha = SHA256()
        for seq in 0..<4 { _ = frontier.append(try reader.entry(UInt64(seq)).leafHash, using: sha) }
        #expect(frontier.root(using: sha) == rootBefore.root(using: sha))
    }

    @Test func destroyingContentWithoutAWithholdingEventIsDamage() throws {
        let fixture = try LedgerFixture("erase", batches: [[Events.post(1), Events.post(2)]])
        defer { fixture.remove() }
        let path = fixture.root + "/content/" + LedgerLayout.stem(0) + ".content"
        var bytes = Bytes.read(path)
        let reader = try LedgerReader(root: fixture.root)
        let entry = try reader.contentEntry(seq: 2, headSize: 3)!
        for i in entry.saltOffset..<entry.end { bytes[i] = 0 }
        Bytes.write(bytes, path)
        let report = try Verifier(root: fixture.root).run()
        #expect(report.problem?.kind == .contentDestroyed)
        #expect(report.problem?.seq == 2)
    }

    @Test func aRecordWithoutContentCannotBeWithheld() throws {
        let fixture = try LedgerFixture("withhold-none", batches: [[Events.joined(1)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        defer { ledger.close() }
        let error = #expect(throws: LedgerError.self) { try ledger.withhold(seq: 1, reason: "x", actor: "a") }
        #expect(error?.code == .refused)
    }
}
