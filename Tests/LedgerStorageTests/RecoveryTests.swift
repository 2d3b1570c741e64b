import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct RecoveryTests {
    /// A crash mid-write leaves the last batch torn and the head pointing before it: every cut inside the last
    /// record is recovered, the records before it are kept, and the cut bytes land in quarantine.
    @Test func tornTailAtEveryByteOffsetIsRecovered() throws {
        let fixture = try LedgerFixture("torn", batches: [[Events.post(1), Events.joined(2), Events.post(3)]])
        defer { fixture.remove() }
        let headBefore = Bytes.read(fixture.root + "/head")
        let rootBefore = try LedgerReader(root: fixture.root).head().frontier
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.append([Events.post(4)])
        ledger.close()
        let last = try fixture.frames().last!
        #expect(last.seq == 4)
        let segment = Bytes.read(fixture.firstSegment)
        #expect(last.range.upperBound == segment.count)

        for variant in ["cut", "zeros"] {
            // Every cut offset; for zero-filled tails every third one, which covers each field of the frame.
            for cut in stride(from: last.range.lowerBound + 1, to: last.range.upperBound, by: variant == "cut" ? 1 : 3)
            {
                let copy = try fixture.copy("\(variant)-\(cut)")
                defer { try? FileManager.default.removeItem(atPath: copy) }
                // The head write of the last batch was lost, as after a power cut.
                Bytes.write(headBefore, copy + "/head")
                let segmentPath = copy + "/segments/" + LedgerLayout.stem(0) + ".seg"
                let damaged =
                    variant == "cut"
                    ? Array(segment[..<cut])
                    : Array(segment[..<cut]) + [UInt8](repeating: 0, count: segment.count - cut)
                Bytes.write(damaged, segmentPath)

                let reopened = try Ledger.open(at: copy)
                #expect(reopened.size == 4, "cut at \(cut)")
                #expect(reopened.recovery.lastGoodSeq == 3)
                #expect(reopened.recovery.quarantinedBytes == damaged.count - last.range.lowerBound)
                let quarantined = Bytes.read(copy + "/" + reopened.recovery.quarantineFile!)
                #expect(quarantined == Array(damaged[last.range.lowerBound...]))
                #expect(Bytes.read(segmentPath) == Array(segment[..<last.range.lowerBound]))
                // The orphan content of the torn record is gone too, and appending works again.
                #expect(reopened.recovery.truncatedContentBytes > 0)
                _ = try reopened.append([Events.post(5)])
                reopened.close()
                let report = try Verifier(root: copy).run()
                #expect(report.isIntact, "cut at \(cut): \(report.problem?.message ?? "")")
                #expect(report.records == 5)
            }
        }
        #expect(rootBefore.size == 4)
    }

    /// A record the head says was acknowledged is never cut away: cutting it is damage, not a torn write.
    @Test func cuttingAnAcknowledgedRecordIsRefused() throws {
        let fixture = try LedgerFixture("acked-cut", batches: [[Events.post(1)], [Events.post(2)]])
        defer { fixture.remove() }
        let last = try fixture.frames().last!
        let segment = Bytes.read(fixture.firstSegment)
        Bytes.write(Array(segment[..<(last.range.lowerBound + 10)]), fixture.firstSegment)
        let before = TemporaryDirectory.snapshot(fixture.root)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .corrupt)
        var after = TemporaryDirectory.snapshot(fixture.root)
        after["lock"] = before["lock"]
        #expect(after == before)
        let report = try Verifier(root: fixture.root).run()
        #expect(report.problem?.seq == 2)
    }

    /// A crash right after a new segment was created can leave its header torn; it held nothing acknowledged.
    @Test func tornHeaderOfANewSegmentIsQuarantined() throws {
        var options = LedgerOptions()
        options.segmentRollBytes = 1024
        let fixture = try LedgerFixture("torn-header", batches: (1...8).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let segments = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/segments").sorted()
        let size = try LedgerReader(root: fixture.root).head().size
        let newStem = LedgerLayout.stem(size)
        for name in ["segments/\(newStem).seg", "content/\(newStem).content", "index/\(newStem).idx"] {
            _ = FileManager.default.createFile(atPath: fixture.root + "/" + name, contents: Data([0x47, 0x4c, 0x53]))
        }
        let reopened = try Ledger.open(at: fixture.root, options: options)
        #expect(reopened.size == size)
        #expect(reopened.recovery.quarantinedBytes == 3)
        reopened.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/segments").sorted() == segments)
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }

    /// Records that reached the disk but whose head write was lost are adopted, whole batches only.
    @Test func acknowledgedRecordsPastAStaleHeadAreKept() throws {
        let fixture = try LedgerFixture("stale-head", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let headBefore = Bytes.read(fixture.root + "/head")
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.append([Events.post(2), Events.post(3)])
        _ = try ledger.append([Events.post(4)])
        ledger.close()
        Bytes.write(headBefore, fixture.root + "/head")
        let reopened = try Ledger.open(at: fixture.root)
        #expect(reopened.size == 5)
        #expect(reopened.recovery.recoveredRecords == 3)
        #expect(reopened.recovery.quarantinedBytes == 0)
        #expect(try reopened.append([Events.post(4)]).duplicates == 1)
        reopened.close()
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }
}
