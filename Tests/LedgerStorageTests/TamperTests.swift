import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct TamperTests {
    /// Every bit of every frame of a small ledger, flipped in turn, is found and pinned to its record.
    @Test func everyBitFlipInEveryRecordIsLocatedToThatRecord() throws {
        let fixture = try LedgerFixture("bitflip", batches: [[Events.post(1), Events.joined(2)], [Events.post(3)]])
        defer { fixture.remove() }
        let original = Bytes.read(fixture.firstSegment)
        let frames = try fixture.frames()
        #expect(frames.count == 4)
        var checked = 0
        for frame in frames {
            for byte in frame.range {
                for bit in 0..<8 {
                    var damaged = original
                    damaged[byte] ^= UInt8(1 << bit)
                    Bytes.write(damaged, fixture.firstSegment)
                    let report = try Verifier(root: fixture.root).run()
                    #expect(
                        report.problem?.seq == frame.seq,
                        "byte \(byte) bit \(bit): \(report.problem?.message ?? "intact")"
                    )
                    #expect(report.problem?.file == "segments/\(LedgerLayout.stem(0)).seg")
                    checked += 1
                }
            }
        }
        Bytes.write(original, fixture.firstSegment)
        #expect(try Verifier(root: fixture.root).run().isIntact)
        #expect(checked == frames.reduce(0) { $0 + $1.range.count * 8 })
    }

    @Test func everyBitFlipInTheHeaderContentAndHeadIsDetected() throws {
        let fixture = try LedgerFixture("bitflip-other", batches: [[Events.post(1), Events.joined(2)]])
        defer { fixture.remove() }
        let files = ["segments/\(LedgerLayout.stem(0)).seg", "content/\(LedgerLayout.stem(0)).content", "head"]
        for file in files {
            let path = fixture.root + "/" + file
            let original = Bytes.read(path)
            let range =
                file.hasPrefix("segments")
                ? 0..<SegmentFormat.headerSize
                : file == "head" ? 0..<(original.firstIndex(of: 0) ?? original.count) : 0..<original.count
            for byte in range {
                for bit in 0..<8 {
                    var damaged = original
                    damaged[byte] ^= UInt8(1 << bit)
                    Bytes.write(damaged, path)
                    let report = try Verifier(root: fixture.root).run()
                    #expect(!report.isIntact, "\(file) byte \(byte) bit \(bit) went unnoticed")
                }
            }
            Bytes.write(original, path)
        }
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }

    private func segmentedFixture(_ label: String) throws -> (LedgerFixture, [String], LedgerOptions) {
        var options = LedgerOptions()
        options.segmentRollBytes = 700
        let fixture = try LedgerFixture(label, batches: (1...12).map { [Events.post($0)] }, options: options)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/segments").sorted()
        return (fixture, names, options)
    }

    /// Damage to sealed segments is detected by `verify` and makes the writer refuse to open; nothing is repaired.
    @Test(arguments: ["delete", "reorder", "duplicate", "truncate", "extend", "foreign"])
    func sealedSegmentDamageIsDetectedNeverRepaired(_ attack: String) throws {
        let (fixture, names, options) = try segmentedFixture("sealed-\(attack)")
        defer { fixture.remove() }
        #expect(names.count >= 4)
        let segments = fixture.root + "/segments/"
        let fm = FileManager.default
        switch attack {
        case "delete":
            try fm.removeItem(atPath: segments + names[1])
        case "reorder":
            try fm.moveItem(atPath: segments + names[1], toPath: segments + "swap")
            try fm.moveItem(atPath: segments + names[2], toPath: segments + names[1])
            try fm.moveItem(atPath: segments + "swap", toPath: segments + names[2])
        case "duplicate":
            let first = LedgerLayout.firstSeq(ofSegmentNamed: names[1])!
            try fm.copyItem(atPath: segments + names[1], toPath: segments + LedgerLayout.stem(first + 1) + ".seg")
        case "truncate":
            let bytes = Bytes.read(segments + names[1])
            Bytes.write(Array(bytes.dropLast(20)), segments + names[1])
        case "extend":
            Bytes.write(Bytes.read(segments + names[1]) + [0, 0, 0, 0], segments + names[1])
        default:
            Bytes.write(Bytes.read(segments + names[1]), segments + "notes.txt")
        }
        let before = TemporaryDirectory.snapshot(fixture.root)
        let report = try Verifier(root: fixture.root).run()
        #expect(!report.isIntact, "\(attack) went unnoticed")
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root, options: options) }
        #expect(error?.code == .corrupt)
        var after = TemporaryDirectory.snapshot(fixture.root)
        after["lock"] = before["lock"]
        #expect(after == before, "\(attack): the writer changed files while refusing to open")
    }

    @Test func truncatingTheTailOfTheActiveSegmentAtARecordBoundaryIsCaughtByTheHead() throws {
        let fixture = try LedgerFixture(
            "truncate-tail",
            batches: [[Events.post(1)], [Events.post(2)], [Events.post(3)]]
        )
        defer { fixture.remove() }
        let frames = try fixture.frames()
        let bytes = Bytes.read(fixture.firstSegment)
        Bytes.write(Array(bytes[..<frames.last!.range.lowerBound]), fixture.firstSegment)
        let report = try Verifier(root: fixture.root).run()
        #expect(report.problem?.kind == .truncated)
        #expect(report.problem?.seq == 3)
    }
}
