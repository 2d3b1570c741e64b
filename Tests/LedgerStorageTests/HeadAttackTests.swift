import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

/// Security issue #11, D2: attacks on the head by someone who holds the files but not the signing key. `verify`
/// must tie the head's checkpoint to the head, and check records past the head and outside checkpoints against
/// the records the writer keeps; readers must not hide records that the writer adopts.
@Suite struct HeadAttackTests {
    /// Six records in three batches: genesis; records 1, 2 (size 3); records 3, 4, 5 (size 6). Returns the fixture,
    /// the head and signed checkpoint at size 3, the checkpoint at size 6, and the log's verifier key.
    private func sixRecords(
        _ label: String
    ) throws -> (fixture: LedgerFixture, head3: HeadState, cp3: [UInt8], cp6: [UInt8], vkey: String) {
        let fixture = try LedgerFixture(label, batches: [[Events.post(1), Events.post(2)]])
        let head3 = try LedgerReader(root: fixture.root).head()
        #expect(head3.size == 3)
        let ledger = try Ledger.open(at: fixture.root)
        let cp3 = ledger.checkpoint
        _ = try ledger.append([Events.post(3), Events.post(4), Events.post(5)])
        #expect(ledger.size == 6)
        let cp6 = ledger.checkpoint
        let vkey = ledger.verifierKeys[0]
        ledger.close()
        return (fixture, head3, cp3, cp6, vkey)
    }

    /// Writes `state` as the newest head, as anyone who can write the file can: the check line needs no key.
    private func writeHead(_ state: HeadState, root: String) throws {
        var state = state
        let layout = LedgerLayout(root: root)
        state.generation = try LedgerReader(root: root).head().generation + 1
        let file = try HeadFile.open(layout)
        defer { file.close() }
        try file.write(state, sha: SHA256(), durably: true)
    }

    private func anchors(_ checkpoints: [(String, [UInt8])], vkey: String) -> VerificationAnchors {
        var anchors = VerificationAnchors()
        anchors.checkpoints = checkpoints.map { (name: $0.0, note: $0.1) }
        anchors.logKeys = [vkey]
        return anchors
    }

    /// Attack 1a: the head is lowered to 3 of 6 records (its frontier is computable from the public records) and
    /// its checkpoint emptied. Before the fix, `verify --checkpoint cp6 --vkey V` said INTACT, anchored up to 6.
    @Test func loweredHeadWithoutItsCheckpointIsDamaged() throws {
        let (fixture, head3, _, cp6, vkey) = try sixRecords("lowered-emptied")
        defer { fixture.remove() }
        var lowered = head3
        lowered.checkpoint = []
        try writeHead(lowered, root: fixture.root)
        for given in [anchors([("cp6", cp6)], vkey: vkey), VerificationAnchors()] {
            let report = try Verifier(root: fixture.root).run(anchors: given)
            let problem = try #require(report.problem)
            #expect(problem.kind == .headCheckpointMissing)
            #expect(problem.file == "head")
            #expect(problem.seq == 2)
            #expect(problem.message.contains("the head records 3 records but carries no signed checkpoint"))
            #expect(report.anchoredSize == nil)
        }
        // The writer refused such a head already.
        #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root).close() }
    }

    /// Attack 1b: the head is lowered to 3 of 6 records with the genuinely signed old checkpoint of size 3. The head
    /// is then self-consistent; verify must say plainly that 3 records lie past it (which the writer adopts), prove
    /// the outside checkpoint of size 6 against them, and readers must show all 6.
    @Test func loweredHeadWithItsOldCheckpointShowsTheRecordsPastIt() throws {
        let (fixture, head3, cp3, cp6, vkey) = try sixRecords("lowered-old-cp")
        defer { fixture.remove() }
        #expect(head3.checkpoint == cp3)
        try writeHead(head3, root: fixture.root)

        let report = try Verifier(root: fixture.root).run(anchors: anchors([("cp6", cp6)], vkey: vkey))
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.headSize == 3)
        #expect(report.pastHead == 3)
        #expect(report.adoptedSize == 6)
        #expect(report.tornRecords == 0)
        #expect(report.anchoredSize == 6)
        let note = try #require(report.notes.first { $0.contains("past the head") })
        #expect(
            note.hasPrefix(
                "3 records past the head (the head was not advanced: a crash, or the head was lowered); the writer "
                    + "adopts them when it next opens: records 3..<6"
            )
        )

        let reader = try LedgerReader(root: fixture.root)
        let extent = try reader.extent()
        #expect(extent.head.size == 3)
        #expect(extent.size == 6)
        #expect(extent.warnings.count == 1)
        #expect(extent.warnings.first?.contains("3 records past the head (records 3..<6) are included") == true)
        #expect(try reader.entry(5).envelope.id == "test:post:5")
        #expect(try reader.seq(ofId: "test:post:4") == 4)

        // What the readers show is what the writer adopts.
        let ledger = try Ledger.open(at: fixture.root)
        #expect(ledger.size == 6)
        #expect(ledger.recovery.recoveredRecords == 3)
        ledger.close()
        #expect(try LedgerReader(root: fixture.root).extent().warnings.isEmpty)
    }

    /// Attack 2: a record is rewritten without the key, its stored hash and the head recomputed, and the head's
    /// checkpoint emptied (or the genuinely signed one kept). Before the fix, both passed `verify --vkey V`.
    @Test(arguments: ["emptied", "kept"])
    func recordRewrittenAndHeadRecomputedIsDamaged(_ checkpoint: String) throws {
        let fixture = try LedgerFixture("rewrite-\(checkpoint)", batches: [[Events.post(1)], [Events.post(2)]])
        defer { fixture.remove() }
        let writer = try Ledger.open(at: fixture.root)
        let vkey = writer.verifierKeys[0]
        writer.close()
        let frames = try fixture.frames()
        var segment = Bytes.read(fixture.firstSegment)
        let last = try #require(frames.last)
        let recordRange = (last.range.lowerBound + 4)..<(last.range.upperBound - Hash.byteCount)
        // The message "600100002" becomes "600100009": same length, another event.
        let needle = Array("600100002".utf8)
        let at = try #require(
            segment[recordRange].indices.first {
                Array(segment[$0..<min($0 + needle.count, recordRange.upperBound)]) == needle
            }
        )
        segment[at + needle.count - 1] = UInt8(ascii: "9")
        let sha = SHA256()
        let leaf = sha.leafHash(Array(segment[recordRange]))
        segment.replaceSubrange(recordRange.upperBound..<last.range.upperBound, with: leaf.bytes)
        Bytes.write(segment, fixture.firstSegment)
        var head = try LedgerReader(root: fixture.root).head()
        var frontier = MerkleFrontier()
        for frame in frames.dropLast() {
            _ = frontier.append(
                Hash(bytes: segment[(frame.range.upperBound - Hash.byteCount)..<frame.range.upperBound])!,
                using: sha
            )
        }
        _ = frontier.append(leaf, using: sha)
        head.frontier = frontier
        head.lastLeaf = leaf
        if checkpoint == "emptied" { head.checkpoint = [] }
        try writeHead(head, root: fixture.root)

        let report = try Verifier(root: fixture.root).run(anchors: anchors([], vkey: vkey))
        let problem = try #require(report.problem)
        #expect(problem.file == "head")
        if checkpoint == "emptied" {
            #expect(problem.kind == .headCheckpointMissing)
        } else {
            #expect(problem.kind == .headCheckpointMismatch)
            #expect(problem.message.contains("does not describe the head"))
            #expect(problem.found?.hasPrefix("size 3 root ") == true)
        }
        #expect(report.records == 3, "every record was checked before the head's checkpoint")
        let warnings = try LedgerReader(root: fixture.root).extent().warnings
        #expect(warnings.count == 1)
        #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root).close() }
    }

    /// An outside checkpoint larger than the head is proved against the records the writer keeps, not against
    /// every intact frame: records of an append batch whose last record was torn off are quarantined on the next
    /// open, so a checkpoint that needs them is not proved. Before the fix, verify said ANCHORED up to 4.
    @Test func anchorInATornBatchPastTheHeadIsNotProved() throws {
        let (fixture, head3, _, _, vkey) = try sixRecords("anchor-torn")
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        let cp4 = try ledger.signedCheckpoint(size: 4)
        ledger.close()
        let frames = try fixture.frames()
        try writeHead(head3, root: fixture.root)
        let last = try #require(frames.last)
        #expect(last.seq == 5)
        let segment = Bytes.read(fixture.firstSegment)
        Bytes.write(Array(segment[..<(last.range.lowerBound + 20)]), fixture.firstSegment)

        let plain = try Verifier(root: fixture.root).run()
        #expect(plain.isIntact, "\(plain.problem?.message ?? "")")
        #expect(plain.pastHead == 0)
        #expect(plain.tornRecords == 2)
        #expect(plain.records == 5)
        let note = try #require(plain.notes.first)
        #expect(note.contains("records 3..<5, an append batch without its last record"))
        #expect(note.contains("the writer quarantines them when it next opens, it does not adopt them"))
        #expect(!plain.notes.contains { $0.contains("adopts them") })

        let anchored = try Verifier(root: fixture.root).run(anchors: anchors([("cp4", cp4)], vkey: vkey))
        #expect(anchored.problem?.kind == .rolledBack)
        #expect(
            anchored.problem?.message.contains("holds only 3 records (and 2 records of a torn append batch") == true
        )

        #expect(try LedgerReader(root: fixture.root).extent().size == 3)
        let reopened = try Ledger.open(at: fixture.root)
        #expect(reopened.size == 3)
        reopened.close()
    }

    /// A batch past the head that lacks its last record, followed by a segment that continues its chain, is what a
    /// crash leaves of an append that spans segments (issue 13): `verify` calls it a torn write, and the writer
    /// removes it whole (the records past the head and the segment) rather than refusing to open.
    @Test func partialBatchFollowedByASegmentIsATornSpanningAppend() throws {
        let (fixture, head3, _, _, _) = try sixRecords("partial-batch")
        defer { fixture.remove() }
        let frames = try fixture.frames()
        try writeHead(head3, root: fixture.root)
        let last = try #require(frames.last)
        let segment = Bytes.read(fixture.firstSegment)
        Bytes.write(Array(segment[..<last.range.lowerBound]), fixture.firstSegment)
        // A next segment starting at seq 5, holding only its header.
        let layout = LedgerLayout(root: fixture.root)
        Bytes.write(SegmentFormat.header(firstSeq: 5, origin: "example.org/test", sha: SHA256()), layout.segmentPath(5))
        let report = try Verifier(root: fixture.root).run()
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.adoptedSize == 3)
        #expect(report.tornRecords == 2)
        let stem5 = LedgerLayout.stem(5)
        let tornAt = try #require(frames.first { $0.seq == 2 }?.range.upperBound)
        #expect(
            report.notes.contains {
                $0.hasPrefix(
                    "segments/\(LedgerLayout.stem(0)).seg from byte \(tornAt) through the end of segments/\(stem5).seg"
                )
            },
            "\(report.notes)"
        )
        #expect(try LedgerReader(root: fixture.root).extent().size == 3)
        let reopened = try Ledger.open(at: fixture.root)
        #expect(reopened.size == 3)
        #expect(reopened.recovery.removedSegments == ["segments/\(stem5).seg"])
        reopened.close()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/segments") == [
                "\(LedgerLayout.stem(0)).seg"
            ]
        )
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }

    /// D9: a FIFO named like a segment made `verify` block forever in open(2); it is refused with its path.
    @Test func fifoInSegmentsIsRefusedWithoutBlocking() throws {
        let fixture = try LedgerFixture("fifo", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let name = "segments/\(LedgerLayout.stem(2)).seg"
        #expect(mkfifo(fixture.root + "/" + name, 0o644) == 0)
        let report = try Verifier(root: fixture.root).run()
        let problem = try #require(report.problem)
        #expect(problem.kind == .notARegularFile)
        #expect(problem.file == name)
        #expect(problem.message.hasPrefix("\(name) is a FIFO (named pipe), not a regular file"))
    }

    /// D9: the count of records checked before a problem is the records before it, not 0.
    @Test func recordsCheckedBeforeAProblemAreCounted() throws {
        let fixture = try LedgerFixture("count", batches: [[Events.post(1), Events.post(2)], [Events.post(3)]])
        defer { fixture.remove() }
        let frame = try #require(try fixture.frames().first { $0.seq == 2 })
        var segment = Bytes.read(fixture.firstSegment)
        segment[frame.range.lowerBound + 20] ^= 1
        Bytes.write(segment, fixture.firstSegment)
        let report = try Verifier(root: fixture.root).run()
        #expect(report.problem?.seq == 2)
        #expect(report.records == 2)
    }

    /// A copy for an inspector made from a ledger whose head was lowered carries the records past the head too,
    /// and says so: a lowered head hides nothing from an inspection copy either.
    @Test func anInspectionCopyOfALoweredHeadCarriesTheRecordsPastIt() throws {
        let (fixture, head3, _, cp6, vkey) = try sixRecords("lowered-copy")
        defer { fixture.remove() }
        try writeHead(head3, root: fixture.root)
        let copy = fixture.dir.path + "/copy"
        let outcome = try InspectionCopy(from: fixture.root, to: copy).make()
        #expect(outcome.size == 6)
        #expect(!outcome.warnings.isEmpty)
        let report = try Verifier(root: copy).run(anchors: anchors([("cp6", cp6)], vkey: vkey))
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.anchoredSize == 6)
        #expect(try LedgerReader(root: copy).extent().size == 6)
    }
}
