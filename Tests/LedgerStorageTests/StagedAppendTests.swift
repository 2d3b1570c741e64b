import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// An append fed in pieces (a whole import) must behave like one `append` call: all or nothing, crashes
/// included, invisible until committed, duplicates skipped, and the same records a plain append writes.
@Suite struct StagedAppendTests {
    static func prepared(_ range: ClosedRange<Int>) -> [PreparedEvent] { range.map { PreparedEvent(Events.post($0)) } }

    @Test func stagedPiecesCommitAsOneBatchLikeOneAppend() throws {
        let dir = TemporaryDirectory("staged")
        defer { dir.remove() }
        let staged = dir.path + "/staged"
        let plain = dir.path + "/plain"
        var options = LedgerOptions()
        options.clock = { 1_764_400_000_000 }
        let a = try Ledger.create(at: staged, origin: "example.org/test", options: options)
        let b = try Ledger.create(at: plain, origin: "example.org/test", options: options)
        _ = try a.append([Events.post(1)])
        _ = try b.append([Events.post(1)])

        let append = try a.beginStagedAppend()
        try append.add(Self.prepared(1...3))  // 1 is in the ledger already
        try append.add(Self.prepared(3...6000))  // 3 twice; large enough to be written before the commit
        let result = try append.commit()
        #expect(result.counts == AppendResult(appended: 5999, duplicates: 2, firstSeq: 2, size: 6001))
        #expect(try b.append((1...6000).map { Events.post($0) }).appended == 5999)

        // The same records, and so the same tree, as one plain append (content salts differ, so compare roots
        // only through the verifier and the sizes, and the chain bytes of every record).
        #expect(a.size == b.size)
        a.close()
        b.close()
        for root in [staged, plain] { #expect(try Verifier(root: root).run().isIntact) }
        var stagedRecords: [[UInt8]] = []
        var plainRecords: [[UInt8]] = []
        try LedgerReader(root: staged).forEach(from: 1, through: 6000) {
            stagedRecords.append($0.envelope.canonicalChainBytes())
        }
        try LedgerReader(root: plain).forEach(from: 1, through: 6000) {
            plainRecords.append($0.envelope.canonicalChainBytes())
        }
        #expect(stagedRecords == plainRecords)
    }

    @Test func nothingIsVisibleBeforeTheCommitAndAbandonLeavesTheLedgerAsItWas() throws {
        let dir = TemporaryDirectory("staged-abandon")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        _ = try ledger.append([Events.post(1)])
        let segment = root + "/segments/" + LedgerLayout.stem(0) + ".seg"
        let before = (
            segment: Bytes.read(segment), content: Bytes.read(root + "/content/" + LedgerLayout.stem(0) + ".cnt")
        )

        let leaves = root + "/tree/level-00"
        #expect(Bytes.read(leaves).count == 2 * Hash.byteCount)

        let append = try ledger.beginStagedAppend()
        try append.add(Self.prepared(2...20000))
        #expect(Bytes.read(segment).count > before.segment.count, "a large staged append writes as it goes")
        #expect(Bytes.read(leaves).count > 2 * Hash.byteCount, "and its tree nodes too")
        #expect(try LedgerReader(root: root).head().size == 2)
        #expect(try Verifier(root: root).run().isIntact)
        append.abandon()

        #expect(Bytes.read(segment) == before.segment)
        for level in 0..<16 {
            let path = root + "/tree/" + (level < 10 ? "level-0\(level)" : "level-\(level)")
            let kept = FileManager.default.fileExists(atPath: path) ? Bytes.read(path).count : 0
            #expect(kept == (2 >> level) * Hash.byteCount, "level \(level) keeps only the acknowledged tree's nodes")
        }
        #expect(ledger.size == 2)
        #expect(try ledger.append([Events.post(2)]).firstSeq == 2)
        ledger.close()
        #expect(try Verifier(root: root).run().isIntact)
    }

    /// A staged append keeps its ledger alive: a ledger released while the append holds the writer would wait in
    /// its `deinit` for the writer, and on this thread wait forever.
    @Test(.timeLimit(.minutes(1))) func aStagedAppendOutlivesTheLedgerItCameFrom() throws {
        let dir = TemporaryDirectory("staged-outlives")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Ledger.create(at: root, origin: "example.org/test").close()
        func begin() throws -> StagedAppend { try Ledger.open(at: root).beginStagedAppend() }
        do {
            let append = try begin()
            try append.add(Self.prepared(1...10))
            #expect(try append.commit().counts == AppendResult(appended: 10, duplicates: 0, firstSeq: 1, size: 11))
        }
        // The append, and with it the ledger and its lock, are gone: another writer can open it.
        let reopened = try Ledger.open(at: root)
        #expect(reopened.size == 11)
        reopened.close()
    }

    @Test func aCrashBeforeTheCommitLeavesNothingOfIt() throws {
        let dir = TemporaryDirectory("staged-crash")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        _ = try ledger.append([Events.post(1)])
        let append = try ledger.beginStagedAppend()
        try append.add(Self.prepared(2...20000))
        // The process dies here: copy the directory as it is, staged bytes and all.
        let crashed = dir.path + "/crashed"
        try FileManager.default.copyItem(atPath: root, toPath: crashed)
        append.abandon()
        ledger.close()

        #expect(Bytes.read(crashed + "/tree/level-00").count > 2 * Hash.byteCount)

        let reopened = try Ledger.open(at: crashed)
        #expect(reopened.size == 2)
        #expect(reopened.recovery.quarantinedBytes > 0)
        // The tree nodes the append wrote ahead of its commit are cut off, not a reason to rebuild the tree.
        #expect(!reopened.recovery.rebuiltTree)
        #expect(Bytes.read(crashed + "/tree/level-00").count == 2 * Hash.byteCount)
        #expect(try reopened.append([Events.post(2)]).firstSeq == 2)
        reopened.close()
        #expect(try Verifier(root: crashed).run().isIntact)
    }

    @Test func anOversizedStagedAppendIsRefusedAndAbandoned() throws {
        let dir = TemporaryDirectory("staged-limit")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.maxFileOffset = 100_000
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        defer { ledger.close() }
        let append = try ledger.beginStagedAppend()
        let error = #expect(throws: LedgerError.self) {
            for start in stride(from: 1, through: 2000, by: 100) { try append.add(Self.prepared(start...start + 99)) }
        }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("too large for one append") == true)
        #expect(ledger.size == 1)
        #expect(try ledger.append([Events.post(1)]).appended == 1)
        #expect(try Verifier(root: root).run().isIntact)
    }

    /// An append from another thread waits for the staged append's commit, then goes on (a staged append belongs
    /// to its thread, so this test uses threads, not tasks: a task could resume on another thread).
    @Test func otherAppendsWaitForTheStagedOne() throws {
        let dir = TemporaryDirectory("staged-wait")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        defer { ledger.close() }
        let append = try ledger.beginStagedAppend()
        try append.add(Self.prepared(1...10))
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var other: Result<AppendResult, LedgerError>?
        Thread {
            other = Result { () throws(LedgerError) in try ledger.append([Events.post(100)]) }
            done.signal()
        }.start()
        #expect(done.wait(timeout: .now() + .milliseconds(50)) == .timedOut, "the other append waits")
        #expect(try append.commit().firstSeq == 1)
        #expect(done.wait(timeout: .now() + .seconds(30)) == .success)
        #expect(try other?.get().firstSeq == 11)
    }

    @Test func aStagedAppendStartsADueSegmentOnlyForItsFirstNewEvent() throws {
        let dir = TemporaryDirectory("staged-roll")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let writer = try Ledger.create(at: root, origin: "example.org/test")
        _ = try writer.append((1...5).map { Events.post($0) })
        writer.close()
        // Reopened with a smaller segment size, its live segment is over it (as a ledger whose writer stopped
        // before sealing a full segment would be): the next event is due in a new segment.
        var options = LedgerOptions()
        options.segmentRollBytes = 1_000
        let ledger = try Ledger.open(at: root, options: options)
        defer { ledger.close() }
        let segments = { try FileManager.default.contentsOfDirectory(atPath: root + "/segments").sorted() }
        let before = try segments()

        // Nothing new: no segment is started.
        let duplicates = try ledger.beginStagedAppend()
        try duplicates.add(Self.prepared(1...5))
        #expect(try duplicates.commit().appended == 0)
        let abandoned = try ledger.beginStagedAppend()
        abandoned.abandon()
        #expect(try segments() == before)

        // A new event: the due segment is started, and the event goes there.
        let append = try ledger.beginStagedAppend()
        try append.add(Self.prepared(5...7))
        #expect(try append.commit().counts == AppendResult(appended: 2, duplicates: 1, firstSeq: 6, size: 8))
        #expect(try segments().count == before.count + 1)
        #expect(try Verifier(root: root).run().isIntact)
    }

    @Test func anAppendThatFillsTheSegmentSealsItSoThatOpeningScansOnlyTheNewOne() throws {
        let dir = TemporaryDirectory("sealed-at-commit")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.segmentRollBytes = 1_000
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options)
        let staged = try ledger.beginStagedAppend()
        try staged.add(Self.prepared(1...20))
        #expect(try staged.commit().size == 21)
        ledger.close()

        // The append filled several segments (issue 13); the head names a new one that starts after the last
        // record, and the full ones are sealed.
        let head = try LedgerReader(root: root).head()
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/segments").sorted()
        #expect(files.count > 2 && files.last == LedgerLayout(root: root).segmentName(head.activeSegment))
        #expect(try Verifier(root: root).run().isIntact)
        let reopened = try Ledger.open(at: root, options: options)
        _ = try reopened.append([Events.post(21)])
        #expect(reopened.size == 22)
        reopened.close()
        #expect(try Verifier(root: root).run().isIntact)
    }
}
