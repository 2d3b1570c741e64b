import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct LedgerAppendTests {
    @Test func appendsReopensAndSkipsDuplicates() throws {
        let dir = TemporaryDirectory("append")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        let first = try ledger.append([Events.post(1), Events.joined(2), Events.post(1)])
        #expect(first.counts == AppendResult(appended: 2, duplicates: 1, firstSeq: 1, size: 3))
        let rootHash = ledger.rootHash
        ledger.close()

        let reopened = try Ledger.open(at: root)
        #expect(reopened.size == 3)
        #expect(reopened.rootHash == rootHash)
        #expect(reopened.recovery.messages.isEmpty)
        let again = try reopened.append([Events.post(1), Events.post(3)])
        #expect(again.counts == AppendResult(appended: 1, duplicates: 1, firstSeq: 3, size: 4))
        reopened.close()

        let reader = try LedgerReader(root: root)
        let entry = try reader.entry(3)
        #expect(entry.envelope.id == "test:post:3")
        guard case .present(_, let content) = entry.content else {
            Issue.record("content of record 3 should be present")
            return
        }
        #expect(String(decoding: content, as: UTF8.self) == #"{"text":"Báo cáo số 3 về tình hình mưa lũ"}"#)
        #expect(try Verifier(root: root).run().isIntact)
    }

    @Test func batchesCommittedTogetherAreEachAllOrNothing() throws {
        let dir = TemporaryDirectory("batches")
        defer { dir.remove() }
        let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
        defer { ledger.close() }
        var posing = Events.post(9)
        posing.type = "ledger.key_rotated"
        let results = ledger.append(batches: [
            [Events.post(1), Events.post(2)].map(PreparedEvent.init),
            [Events.post(3), posing].map(PreparedEvent.init),
            [Events.post(2), Events.joined(4)].map(PreparedEvent.init),
            [],
        ])
        #expect(try results[0].get().counts == AppendResult(appended: 2, duplicates: 0, firstSeq: 1, size: 3))
        // The batch with an event posing as the ledger's own is refused whole; the others of its commit are not.
        #expect(throws: LedgerError.self) { try results[1].get() }
        #expect(try results[2].get().counts == AppendResult(appended: 1, duplicates: 1, firstSeq: 3, size: 4))
        #expect(try results[3].get().counts == AppendResult(appended: 0, duplicates: 0, firstSeq: nil, size: 4))
        // One commit: every successful batch carries the same checkpoint, of the commit's final size.
        let checkpoints = Set(results.compactMap { try? $0.get().checkpoint })
        #expect(checkpoints.count == 1)
        #expect(ledger.size == 4)
        #expect(try LedgerReader(root: ledger.layout.root).entry(3).envelope.id == "test:join:4")
        #expect(try Verifier(root: ledger.layout.root).run().isIntact)
    }

    @Test func secondWriterIsRefusedNamingTheHolder() throws {
        let dir = TemporaryDirectory("lock")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        defer { ledger.close() }
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: root) }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("pid \(ProcessInfo.processInfo.processIdentifier)") == true)
        // Readers are not blocked by the writer.
        #expect(try Verifier(root: root).run().isIntact)
    }

    @Test func concurrentAppendersShareCommitsAndLoseNothing() async throws {
        let dir = TemporaryDirectory("group-commit")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for n in 0..<25 { _ = try? ledger.append([Events.post(worker * 1000 + n)]) }
                }
            }
        }
        #expect(ledger.size == 201)
        ledger.close()
        var ids = Set<String>()
        let reader = try LedgerReader(root: root)
        try reader.forEach(from: 1, through: 200) { ids.insert($0.envelope.id) }
        #expect(ids.count == 200)
        #expect(try Verifier(root: root).run().isIntact)
    }

    @Test func segmentsRollAndVerifyAcrossThem() throws {
        let dir = TemporaryDirectory("roll")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.segmentRollBytes = 2048
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        for n in 0..<30 { _ = try ledger.append([Events.post(2 * n), Events.joined(2 * n + 1)]) }
        ledger.close()
        let segments = try FileManager.default.contentsOfDirectory(atPath: root + "/segments")
        #expect(segments.count > 5)
        let reopened = try Ledger.open(at: root, options: options)
        #expect(reopened.size == 61)
        _ = try reopened.append([Events.post(999)])
        reopened.close()
        let report = try Verifier(root: root).run()
        #expect(report.isIntact)
        #expect(report.records == 62)
        #expect(try LedgerReader(root: root).entry(41).envelope.id == Events.post(40).id)
    }
}
