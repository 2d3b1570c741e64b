import LedgerCore
import LedgerStorage
import Testing

/// Records and content are found through 32-bit offsets, so one append can reach at most 4 GiB into the live
/// segment and content file. A larger batch must be refused whole with a message, not trap while staging; the
/// limit is lowered here to reach that case without writing gigabytes.
@Suite struct BatchSizeLimitTests {
    @Test func batchPastTheOffsetLimitIsRefusedWholeAndSmallerOnesStillFit() throws {
        let dir = TemporaryDirectory("batch-limit")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.maxFileOffset = 8_000
        options.segmentRollBytes = 4_000
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        defer { ledger.close() }
        let sizeBefore = ledger.size
        let rootBefore = ledger.rootHash

        let tooMany = (1...40).map { Events.post($0) }
        let error = #expect(throws: LedgerError.self) { try ledger.append(tooMany) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("a batch of 40 events is too large for one append") == true)
        #expect(error?.message.contains("append it in smaller batches") == true)
        #expect(ledger.size == sizeBefore && ledger.rootHash == rootBefore)

        // The same events in batches of 5 fit: segments roll between batches.
        for start in stride(from: 0, to: 40, by: 5) {
            #expect(try ledger.append(Array(tooMany[start..<start + 5])).appended == 5)
        }
        #expect(ledger.size == sizeBefore + 40)
        #expect(try Verifier(root: root).run().isIntact)
    }
}
