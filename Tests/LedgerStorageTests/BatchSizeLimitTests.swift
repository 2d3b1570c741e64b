import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// Records and content are found through 32-bit offsets, so a segment or content file can reach at most 4 GiB. One
/// append seals segments as it fills them (issue 13), so only a target segment size near that limit leaves a batch
/// too large: it must be refused whole with a message, not trap while staging. The limit is lowered here to reach
/// that case without writing gigabytes.
@Suite struct BatchSizeLimitTests {
    @Test func batchPastTheOffsetLimitIsRefusedWholeAndSpansSegmentsBelowIt() throws {
        let dir = TemporaryDirectory("batch-limit")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.maxFileOffset = 8_000
        options.segmentRollBytes = 1 << 20
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        let sizeBefore = ledger.size
        let rootBefore = ledger.rootHash

        let tooMany = (1...40).map { Events.post($0) }
        let error = #expect(throws: LedgerError.self) { try ledger.append(tooMany) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("a batch of 40 events is too large for one append") == true)
        #expect(error?.message.contains("append it in smaller batches") == true)
        #expect(ledger.size == sizeBefore && ledger.rootHash == rootBefore)
        ledger.close()

        // With segments sealed below the limit, the same batch fills several of them in one append.
        options.segmentRollBytes = 4_000
        let reopened = try Ledger.open(at: root, options: options)
        #expect(try reopened.append(tooMany).appended == 40)
        #expect(reopened.size == sizeBefore + 40)
        reopened.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/segments").count > 2)
        #expect(try Verifier(root: root).run().isIntact)
    }

    /// A group commit whose first batch seals segments and whose second is refused as too large: the group is
    /// undone (the sealed segments removed) before each batch is tried on its own, so the first lands whole, at
    /// the right offsets, and the ledger verifies.
    @Test func aRefusedBatchAfterOneThatSealedSegmentsLeavesNothingOfTheGroup() throws {
        let dir = TemporaryDirectory("batch-limit-group")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.maxFileOffset = 8_000
        options.segmentRollBytes = 2_000
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        let sizeBefore = ledger.size
        let sealing = (1...30).map { PreparedEvent(Events.post($0)) }
        let tooLarge = [PreparedEvent(Events.post(99, text: String(repeating: "Báo cáo ", count: 1_500)))]
        let results = ledger.append(batches: [sealing, tooLarge])
        #expect((try? results[0].get())?.appended == 30)
        #expect(throws: LedgerError.self) { try results[1].get() }
        #expect(ledger.size == sizeBefore + 30)
        #expect(try ledger.append([Events.post(31)]).appended == 1)
        ledger.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/segments").count > 2)
        #expect(try Verifier(root: root).run().isIntact)
        let reopened = try Ledger.open(at: root, options: options)
        defer { reopened.close() }
        #expect(reopened.size == sizeBefore + 31)
        #expect(reopened.recovery.recoveredRecords == 0)
    }
}
