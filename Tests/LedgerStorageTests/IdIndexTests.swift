import Foundation
import LedgerCore
import TestSupport
import Testing

@testable import LedgerStorage

/// The on-disk id index (sorted runs plus the recent table) against the in-memory table it replaced.
@Suite struct IdIndexTests {
    /// Random digests, about one in ten inserted twice (the table keeps the first seq), saved as runs at uneven
    /// intervals so that runs of many sizes are written and merged: every answer must equal the table's.
    @Test func answersLikeTheInMemoryTableAcrossRunsAndMerges() throws {
        let dir = TemporaryDirectory("id-index")
        defer { dir.remove() }
        let layout = try Self.layout(in: dir)
        var random = SeededRandom(seed: 2547)
        var index = IdIndex(layout, runSize: 64)
        var reference = IdTable()
        var inserted: [IdDigest] = []
        var seq: UInt64 = 0
        var saves = 0
        for round in 0..<60 {
            for _ in 0..<Int.random(in: 1...300, using: &random) {
                let digest =
                    !inserted.isEmpty && Int.random(in: 0..<10, using: &random) == 0
                    ? inserted[Int.random(in: 0..<inserted.count, using: &random)]
                    : IdDigest(high: random.next(), low: random.next())
                index.insert(digest, seq: seq)
                reference.insert(digest, seq: seq)
                inserted.append(digest)
                seq += 1
            }
            if round % 7 != 3 {
                try index.saveRun(end: seq, anchor: .zero)
                saves += 1
            }
        }
        #expect(saves > 40)
        #expect(index.runs.count <= 8, "runs of similar size are merged: \(index.runs.map(\.count))")
        #expect(index.runs.count >= 2)
        for (position, run) in index.runs.enumerated() {
            #expect(run.first == (position == 0 ? 0 : index.runs[position - 1].end))
        }
        let files = try Self.runFiles(layout)
        #expect(files == index.runs.map { IdRun.fileName(first: $0.first, end: $0.end) })
        var probes = inserted
        for _ in 0..<5000 { probes.append(IdDigest(high: random.next(), low: random.next())) }
        // Neighbours of stored digests: they share the high word, or sit just beside one in the order.
        for digest in inserted.prefix(500) {
            probes.append(IdDigest(high: digest.high, low: digest.low &+ 1))
            probes.append(IdDigest(high: digest.high &- 1, low: digest.low))
        }
        for digest in probes {
            #expect(try index.seq(of: digest) == reference.seq(of: digest))
        }
        index.close()
    }

    /// A ledger whose writer saved runs answers duplicates the same after a reopen, and writes runs of new ids.
    @Test func aReopenedLedgerFindsEveryOldIdInItsRuns() throws {
        var options = LedgerOptions()
        options.idRunSize = 8
        options.idRunAtClose = 4
        let fixture = try LedgerFixture("id-runs", batches: (1...100).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let saved = try Self.runFiles(layout)
        #expect(!saved.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/index/ids.table"))

        let reopened = try Ledger.open(at: fixture.root, options: options)
        // 101 records: the ledger's own first event and the 100 posts.
        #expect(reopened.serialized.whileIdle { $0.ids }.recentFirst == 101, "every id was in a run")
        for n in 1...100 { #expect(try reopened.append([Events.post(n)]).duplicates == 1) }
        #expect(try reopened.append((101...130).map { Events.post($0) }).appended == 30)
        reopened.close()
        let again = try Ledger.open(at: fixture.root, options: options)
        defer { again.close() }
        #expect(
            try again.append((1...140).map { Events.post($0) }).counts
                == AppendResult(appended: 10, duplicates: 130, firstSeq: 131, size: 141)
        )
    }

    /// Runs copied from another ledger (another history), a damaged run, the leftovers of a merge a crash cut
    /// short, an unfinished file and the table of earlier versions: each is removed at open, and duplicates are
    /// still found from the index files.
    @Test func runsThatDoNotBelongAreRemovedAndTheIdsRebuilt() throws {
        var options = LedgerOptions()
        options.idRunSize = 16
        options.idRunAtClose = 1
        let fixture = try LedgerFixture("id-runs-bad", batches: (1...40).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let other = try LedgerFixture("id-runs-other", batches: (200...240).map { [Events.post($0)] }, options: options)
        defer { other.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let index = fixture.root + "/index/"

        // Another history's runs in place of ours: same names, other anchors.
        let ours = try Self.runFiles(layout)
        for name in ours { try FileManager.default.removeItem(atPath: index + name) }
        for name in try Self.runFiles(LedgerLayout(root: other.root)) {
            try FileManager.default.copyItem(atPath: other.root + "/index/" + name, toPath: index + name)
        }
        var ledger = try Ledger.open(at: fixture.root, options: options)
        #expect(try ledger.append([Events.post(220)]).appended == 1, "another history's ids are not ours")
        #expect(try ledger.append([Events.post(7)]).duplicates == 1)
        ledger.close()

        // A damaged filter, an unfinished file and the old table.
        let runs = try Self.runFiles(layout)
        #expect(!runs.isEmpty)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index + runs[0]))
        bytes[bytes.count - 3] ^= 0x10
        try bytes.write(to: URL(fileURLWithPath: index + runs[0]))
        let unfinished = index + "ids.00000000000000000000-00000000000000000005.run.tmp"
        try Data("half".utf8).write(to: URL(fileURLWithPath: unfinished))
        try Data("old".utf8).write(to: URL(fileURLWithPath: index + "ids.table"))
        ledger = try Ledger.open(at: fixture.root, options: options)
        defer { ledger.close() }
        #expect((try? Data(contentsOf: URL(fileURLWithPath: index + runs[0]))) != bytes, "removed or rebuilt")
        #expect(!FileManager.default.fileExists(atPath: index + "ids.table"))
        #expect(!FileManager.default.fileExists(atPath: unfinished))
        for n in 1...40 { #expect(try ledger.append([Events.post(n)]).duplicates == 1, "post \(n)") }
    }

    /// A crash between writing a merged run and removing the two it replaced leaves all three: open keeps the
    /// merged one and removes the others.
    @Test func theMergedRunWinsOverTheRunsItReplaced() throws {
        var options = LedgerOptions()
        options.idRunSize = 16
        options.idRunAtClose = 1
        // 41 records (the ledger's own first event, then the posts): the runs saved at 16 and 32 records are merged
        // into one of 0..<32; close saves 32..<41.
        let fixture = try LedgerFixture("id-runs-merge", batches: (1...40).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        #expect(try Self.runFiles(layout) == [IdRun.fileName(first: 0, end: 32), IdRun.fileName(first: 32, end: 41)])
        let tree = try TreeStore(layout, writable: false)
        let anchor = try tree.hashes(of: [TreeNode(level: 0, index: 15)])[0]
        tree.close()
        var half = IdIndex(layout, runSize: 16)
        let reader = try LedgerReader(root: fixture.root)
        for seq in UInt64(0)..<16 {
            half.insert(IdDigest(id: try reader.entry(seq).envelope.id, sha: SHA256()), seq: seq)
        }
        try half.saveRun(end: 16, anchor: anchor)
        half.close()
        #expect(try Self.runFiles(layout).count == 3)

        let ledger = try Ledger.open(at: fixture.root, options: options)
        defer { ledger.close() }
        #expect(ledger.serialized.whileIdle { $0.ids }.runs.map(\.end) == [32, 41])
        #expect(try Self.runFiles(layout) == [IdRun.fileName(first: 0, end: 32), IdRun.fileName(first: 32, end: 41)])
        for n in [1, 16, 17, 40] { #expect(try ledger.append([Events.post(n)]).duplicates == 1) }
    }

    /// A run whose entries were altered (open does not rehash them) makes the next merge fail with `.corrupt`
    /// instead of stopping the process; the damaged runs' files go, and the next open rebuilds their ids.
    @Test func aMergeOverDamagedEntriesFailsCleanlyAndTheNextOpenRebuilds() throws {
        let dir = TemporaryDirectory("id-index-damaged")
        defer { dir.remove() }
        let layout = try Self.layout(in: dir)
        var index = IdIndex(layout, runSize: 4)
        let digests = (0..<8).map { IdDigest(high: UInt64($0 + 1) << 56, low: UInt64($0)) }
        for (seq, digest) in digests.prefix(4).enumerated() { index.insert(digest, seq: UInt64(seq)) }
        try index.saveRun(end: 4, anchor: .zero)
        // Swap the first two entries of the run on disk: out of order.
        let path = layout.indexDirectory + "/" + IdRun.fileName(first: 0, end: 4)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let first = bytes[IdRun.headerSize..<IdRun.headerSize + 24]
        bytes.replaceSubrange(
            IdRun.headerSize..<IdRun.headerSize + 24,
            with: bytes[IdRun.headerSize + 24..<IdRun.headerSize + 48]
        )
        bytes.replaceSubrange(IdRun.headerSize + 24..<IdRun.headerSize + 48, with: first)
        try bytes.write(to: URL(fileURLWithPath: path))
        for (seq, digest) in digests.suffix(4).enumerated() { index.insert(digest, seq: UInt64(seq + 4)) }
        #expect(throws: LedgerError(.corrupt, "")) { try index.saveRun(end: 8, anchor: .zero) }
        #expect(try Self.runFiles(layout).isEmpty, "both runs of the failed merge are removed")
        #expect(index.runs.count == 2, "this writer keeps using them")
        #expect(try index.seq(of: digests[7]) == 7)
        // Later saves still work (no merge is tried again).
        index.insert(IdDigest(high: 99, low: 99), seq: 8)
        try index.saveRun(end: 9, anchor: .zero)
        #expect(index.runs.count == 3)
        index.close()
        #expect(throws: LedgerError(.writerStopped, "")) { try index.seq(of: digests[0]) }
    }

    /// A save that fails (here the temporary file's name is taken by a directory) keeps the ids in the table and
    /// is not tried again until the table has grown by another `runSize`.
    @Test func aFailedSaveKeepsTheIdsAndWaitsForMoreBeforeTryingAgain() throws {
        let dir = TemporaryDirectory("id-index-refused")
        defer { dir.remove() }
        let layout = try Self.layout(in: dir)
        var index = IdIndex(layout, runSize: 4)
        var random = SeededRandom(seed: 7)
        let digests = (0..<8).map { _ in IdDigest(high: random.next(), low: random.next()) }
        for (seq, digest) in digests.prefix(4).enumerated() { index.insert(digest, seq: UInt64(seq)) }
        let blocked = layout.indexDirectory + "/" + IdRun.fileName(first: 0, end: 4) + ".tmp"
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
        #expect(index.saveDue)
        #expect(throws: LedgerError.self) { try index.saveRun(end: 4, anchor: .zero) }
        #expect(!index.saveDue, "not again for the next record")
        #expect(index.recentCount == 4 && index.runs.isEmpty)
        for (seq, digest) in digests.suffix(4).enumerated() { index.insert(digest, seq: UInt64(seq + 4)) }
        #expect(index.saveDue)
        try index.saveRun(end: 8, anchor: .zero)
        #expect(index.runs.map(\.end) == [8] && index.recentCount == 0)
        for (seq, digest) in digests.enumerated() { #expect(try index.seq(of: digest) == UInt64(seq)) }
        index.close()
    }

    /// A run of the same history that reaches past the ledger's end (copied from a longer copy of it) is removed
    /// at open; the shorter runs are kept.
    @Test func aRunPastTheLedgersEndIsRemoved() throws {
        var options = LedgerOptions()
        options.idRunSize = 16
        options.idRunAtClose = 1
        let fixture = try LedgerFixture("id-runs-past", batches: (1...20).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let short = try fixture.copy("short")
        let longer = try Ledger.open(at: fixture.root, options: options)
        for n in 21...40 { _ = try longer.append([Events.post(n)]) }
        longer.close()
        let longerRuns = try Self.runFiles(LedgerLayout(root: fixture.root))
        let past = try #require(
            longerRuns.first { IdRun.range(ofFileName: $0)!.first == 0 && IdRun.range(ofFileName: $0)!.end > 21 },
            "the longer copy has a run from 0 past record 21: \(longerRuns)"
        )
        try FileManager.default.copyItem(atPath: fixture.root + "/index/" + past, toPath: short + "/index/" + past)
        let ledger = try Ledger.open(at: short, options: options)
        defer { ledger.close() }
        #expect(ledger.size == 21)
        #expect(ledger.serialized.whileIdle { $0.ids }.runs.map(\.end) == [16, 21])
        #expect(!FileManager.default.fileExists(atPath: short + "/index/" + past))
        #expect(try ledger.append([Events.post(25)]).appended == 1, "an id only the longer copy holds")
        #expect(try ledger.append([Events.post(20)]).duplicates == 1)
    }

    /// A ledger written before runs existed (no run files, many records) gets its runs at the first open, so that
    /// the writer's table stays bounded from then on.
    @Test func aLedgerWithoutRunsGetsThemAtOpen() throws {
        var options = LedgerOptions()
        options.idRunAtClose = .max
        let fixture = try LedgerFixture("id-runs-none", batches: [(1...300).map { Events.post($0) }], options: options)
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        #expect(try Self.runFiles(layout).isEmpty)
        options.idRunSize = 32
        let ledger = try Ledger.open(at: fixture.root, options: options)
        defer { ledger.close() }
        let ids = ledger.serialized.whileIdle { $0.ids }
        #expect(ids.recentCount < 32)
        #expect(ids.recentFirst + UInt64(ids.recentCount) == ledger.size)
        #expect(ledger.size == 301)
        #expect(try Self.runFiles(layout).count == ids.runs.count)
        #expect(
            try ledger.append((290...310).map { Events.post($0) }).counts
                == AppendResult(appended: 10, duplicates: 11, firstSeq: 301, size: 311)
        )
    }

    static func layout(in dir: TemporaryDirectory) throws -> LedgerLayout {
        let layout = LedgerLayout(root: dir.path + "/ledger")
        try FileManager.default.createDirectory(atPath: layout.indexDirectory, withIntermediateDirectories: true)
        return layout
    }

    static func runFiles(_ layout: LedgerLayout) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: layout.indexDirectory)
            .filter { IdRun.range(ofFileName: $0) != nil }.sorted()
    }
}
