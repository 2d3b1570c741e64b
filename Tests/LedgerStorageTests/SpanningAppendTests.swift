import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

/// Issue #13: one append fills as many segments as it needs, each sealed at a bounded size, and stays all or nothing
/// across them, crashes included.
@Suite struct SpanningAppendTests {
    /// The target segment size of these tests: small, so that a few dozen records span several segments.
    private static let target: UInt64 = 2_048
    /// The most a segment or content file may exceed the target by: one frame, one content entry.
    private static let maxFrame: UInt64 = 4 + 65_535 + 32
    private static let maxContentEntry: UInt64 = 4 + 8 + 32 + 524_288

    private static var options: LedgerOptions {
        var options = LedgerOptions()
        options.segmentRollBytes = target
        return options
    }

    private static func stems(_ root: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/segments").sorted()
            .map { String($0.dropLast(".seg".count)) }
    }

    private static func fileSize(_ path: String) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func oneLargeAppendFillsSeveralSegmentsEachWithinTheBound() throws {
        let fixture = try LedgerFixture("span-bound", batches: [], options: Self.options)
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root, options: Self.options)
        let result = try ledger.append((1...200).map { Events.post($0) })
        #expect(result.appended == 200)
        #expect(ledger.size == 201)
        ledger.close()

        let stems = try Self.stems(fixture.root)
        #expect(stems.count > 10)
        for (position, stem) in stems.enumerated() {
            let segment = try Self.fileSize(fixture.root + "/segments/\(stem).seg")
            let content = try Self.fileSize(fixture.root + "/content/\(stem).content")
            #expect(segment < Self.target + Self.maxFrame, "segments/\(stem).seg is \(segment) bytes")
            #expect(content < Self.target + Self.maxContentEntry, "content/\(stem).content is \(content) bytes")
            // Sealed only once it reached the target (the last one is the fresh, empty active segment).
            if position < stems.count - 1 {
                #expect(segment >= Self.target || content >= Self.target, "segments/\(stem).seg sealed early")
            }
        }
        // Only the append's last record ends a batch: every segment but the last ends in the middle of it.
        var ends: [UInt64] = []
        try LedgerReader(root: fixture.root).forEach(from: 1, through: 200) { entry in
            if entry.record.flags.contains(.endsBatch) { ends.append(entry.record.seq) }
        }
        #expect(ends == [200])

        let report = try Verifier(root: fixture.root).run()
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.records == 201)
        #expect(report.segments == stems.count)
        #expect(report.notes.isEmpty)

        // Opened again, the writer checks the sealed segments and appends after them.
        let reopened = try Ledger.open(at: fixture.root, options: Self.options)
        var clean = RecoveryReport()
        clean.lastGoodSeq = 200
        #expect(reopened.recovery == clean)
        #expect(
            try reopened.append([Events.post(1), Events.post(201)]).counts
                == AppendResult(appended: 1, duplicates: 1, firstSeq: 201, size: 202)
        )
        reopened.close()
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }

    /// The files a crash leaves at each point of an append that spans segments, rebuilt from the ledger before the
    /// append and the files the complete append wrote: the segments the append filled are whole (each was synced
    /// before the next was created), the one it was writing when it died is cut anywhere, and the head, index and
    /// tree files are those of before (they are written after the acknowledgement).
    private struct SpanningCrash {
        let fixture: LedgerFixture
        let before: String
        let sizeBefore: UInt64
        /// The segments the append wrote to, the first being the one live when it began.
        let stems: [String]

        init(_ label: String) throws {
            fixture = try LedgerFixture(
                label,
                batches: [[Events.post(1), Events.joined(2)]],
                options: SpanningAppendTests.options
            )
            before = try fixture.copy("before")
            sizeBefore = try LedgerReader(root: before).head().size
            let ledger = try Ledger.open(at: fixture.root, options: SpanningAppendTests.options)
            _ = try ledger.append((3...40).map { Events.post($0) })
            ledger.close()
            // A complete append that filled its last segment also started the next, empty one: not part of it.
            let root = fixture.root
            stems = try SpanningAppendTests.stems(root).filter {
                try SpanningAppendTests.fileSize("\(root)/segments/\($0).seg") > UInt64(SegmentFormat.headerSize)
            }
        }

        func path(_ root: String, _ directory: String, _ stem: String, _ ext: String) -> String {
            "\(root)/\(directory)/\(stem).\(ext)"
        }

        /// A copy of the ledger as the crash left it: segments `stems[..<whole]` as the append left them, then,
        /// if `partial` is given, `stems[whole]` with those bytes (and the append's content for it).
        func state(_ name: String, whole: Int, partial: [UInt8]?) throws -> String {
            let root = fixture.dir.path + "/" + name
            try FileManager.default.copyItem(atPath: before, toPath: root)
            for (position, stem) in stems.enumerated() {
                guard position < whole || (position == whole && partial != nil) else { break }
                let segment =
                    position < whole
                    ? Bytes.read(path(fixture.root, "segments", stem, "seg")) : partial!
                Bytes.write(segment, path(root, "segments", stem, "seg"))
                Bytes.write(
                    Bytes.read(path(fixture.root, "content", stem, "content")),
                    path(root, "content", stem, "content")
                )
                // The index entries of the append are written after its acknowledgement: new segments' are empty.
                if position > 0 { Bytes.write([], path(root, "index", stem, "idx")) }
            }
            return root
        }

        /// Checks that the crash state `root` holds none of the append: `verify` calls it a torn write, readers
        /// and the writer show the records of before, the writer removes every segment the append started, and
        /// the ledger takes the next append.
        func expectNothingOfTheAppend(_ root: String, _ label: String) throws {
            let report = try Verifier(root: root).run()
            #expect(report.isIntact, "\(label): \(report.problem?.message ?? "")")
            #expect(report.adoptedSize == sizeBefore, "\(label)")
            #expect(try LedgerReader(root: root).extent().size == sizeBefore, "\(label)")
            let reopened = try Ledger.open(at: root, options: SpanningAppendTests.options)
            #expect(reopened.size == sizeBefore, "\(label)")
            #expect(reopened.recovery.lastGoodSeq == sizeBefore - 1, "\(label)")
            #expect(try SpanningAppendTests.stems(root) == [stems[0]], "\(label)")
            #expect(
                Bytes.read(path(root, "segments", stems[0], "seg"))
                    == Bytes.read(path(before, "segments", stems[0], "seg")),
                "\(label)"
            )
            #expect(try reopened.append([Events.post(3)]).firstSeq == sizeBefore, "\(label)")
            reopened.close()
            let after = try Verifier(root: root).run()
            #expect(after.isIntact, "\(label): \(after.problem?.message ?? "")")
            #expect(after.records == sizeBefore + 1, "\(label)")
            #expect(after.notes.isEmpty, "\(label): \(after.notes)")
        }
    }

    /// A crash at every segment boundary of an append that spans segments — before the next segment exists, with
    /// its header torn, with its header alone, with its first frame cut, with its pages lost to zeros — leaves
    /// nothing of the append after the next open, and the ledger works on.
    @Test func aCrashAtEverySegmentBoundaryOfASpanningAppendLeavesNothingOfIt() throws {
        let crash = try SpanningCrash("span-crash")
        defer { crash.fixture.remove() }
        #expect(crash.stems.count >= 4)
        for boundary in 1..<crash.stems.count {
            let next = Bytes.read(crash.path(crash.fixture.root, "segments", crash.stems[boundary], "seg"))
            let header = SegmentFormat.headerSize
            let firstFrameLength = Int(next[header..<header + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let variants: [(String, [UInt8]?)] = [
                ("not-created", nil),
                ("empty", []),
                ("torn-header", Array(next[..<(header / 2)])),
                ("header-only", Array(next[..<header])),
                ("first-frame-cut", Array(next[..<(header + 4 + firstFrameLength / 2)])),
                ("pages-zeroed", Array(next[..<header]) + [UInt8](repeating: 0, count: next.count - header)),
            ]
            for (variant, partial) in variants {
                let label = "boundary \(boundary) \(variant)"
                let root = try crash.state("b\(boundary)-\(variant)", whole: boundary, partial: partial)
                try crash.expectNothingOfTheAppend(root, label)
                try? FileManager.default.removeItem(atPath: root)
            }
        }
    }

    /// The last segment written but for the end of its last frame (the one flagged `endsBatch`): still nothing.
    /// Written completely, with the head write lost: the whole append is adopted.
    @Test func aSpanningAppendIsAdoptedOnlyWithItsLastRecord() throws {
        let crash = try SpanningCrash("span-last")
        defer { crash.fixture.remove() }
        let lastPosition = crash.stems.count - 1
        let last = Bytes.read(crash.path(crash.fixture.root, "segments", crash.stems[lastPosition], "seg"))
        for cut in [1, 20, 33] {
            let root = try crash.state("cut-\(cut)", whole: lastPosition, partial: Array(last.dropLast(cut)))
            try crash.expectNothingOfTheAppend(root, "last frame cut by \(cut) bytes")
        }

        let root = try crash.state("complete", whole: lastPosition + 1, partial: nil)
        let report = try Verifier(root: root).run()
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.adoptedSize == crash.sizeBefore + 38)
        let reopened = try Ledger.open(at: root, options: Self.options)
        #expect(reopened.size == crash.sizeBefore + 38)
        #expect(reopened.recovery.recoveredRecords == 38)
        #expect(reopened.recovery.quarantinedBytes == 0)
        #expect(try reopened.append([Events.post(40)]).duplicates == 1)
        reopened.close()
        let after = try Verifier(root: root).run()
        #expect(after.isIntact && after.records == crash.sizeBefore + 38, "\(after.problem?.message ?? "")")
    }

    /// A segment followed by another is whole on disk after any crash (it was synced before the next was
    /// created), so a damaged frame in it is damage, never a torn write: the writer refuses to open and `verify`
    /// names the frame, rather than removing the records after it.
    @Test func aDamagedFrameInASegmentFollowedByAnotherIsRefused() throws {
        let crash = try SpanningCrash("span-damage")
        defer { crash.fixture.remove() }
        var filled = Bytes.read(crash.path(crash.fixture.root, "segments", crash.stems[1], "seg"))
        filled[SegmentFormat.headerSize + 40] ^= 0x01
        let root = try crash.state("damaged", whole: 3, partial: nil)
        Bytes.write(filled, crash.path(root, "segments", crash.stems[1], "seg"))
        let snapshot = TemporaryDirectory.snapshot(root)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: root, options: Self.options) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("later segments exist") == true)
        #expect(error?.location.file == "segments/\(crash.stems[1]).seg")
        #expect(error?.location.offset == UInt64(SegmentFormat.headerSize), "the first frame holds the flipped byte")
        #expect(error?.location.seq != nil)
        var unchanged = TemporaryDirectory.snapshot(root)
        unchanged["lock"] = snapshot["lock"]
        #expect(unchanged == snapshot)
        let report = try Verifier(root: root).run()
        #expect(report.problem?.kind == .recordDamaged)
        #expect(report.problem?.file == "segments/\(crash.stems[1]).seg")
    }

    /// A staged append that fills several segments and is abandoned leaves the ledger as it was: the segments it
    /// started are removed, the one it began in is cut back. Committed, it spans them like a single append.
    @Test func anAbandonedStagedAppendRemovesTheSegmentsItStarted() throws {
        let fixture = try LedgerFixture("span-staged", batches: [[Events.post(1)]], options: Self.options)
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root, options: Self.options)
        defer { ledger.close() }
        let stemsBefore = try Self.stems(fixture.root)
        let segmentBefore = Bytes.read(fixture.firstSegment)
        let staged = try ledger.beginStagedAppend()
        for start in stride(from: 2, to: 60, by: 10) {
            try staged.add((start..<start + 10).map { PreparedEvent(Events.post($0)) })
        }
        #expect(try Self.stems(fixture.root).count > stemsBefore.count + 2)
        staged.abandon()
        #expect(try Self.stems(fixture.root) == stemsBefore)
        #expect(Bytes.read(fixture.firstSegment) == segmentBefore)
        #expect(ledger.size == 2)

        let again = try ledger.beginStagedAppend()
        try again.add((2..<60).map { PreparedEvent(Events.post($0)) })
        #expect(try again.commit().counts == AppendResult(appended: 58, duplicates: 0, firstSeq: 2, size: 60))
        #expect(try Self.stems(fixture.root).count > stemsBefore.count + 2)
        let report = try Verifier(root: fixture.root).run()
        #expect(report.isIntact && report.records == 60, "\(report.problem?.message ?? "")")
    }
}
