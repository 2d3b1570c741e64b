import Foundation
import LedgerCore
import LedgerStorage
import Testing

#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Random bit flips over a ledger of about 10 MB (plan K1/K2, bar B3): every flip is detected and located to the
/// exact record.
///
/// The exhaustive sweep of a 4-record ledger is `TamperTests`; this one is about scale and placement: five
/// segments (four sealed, one active), records from 200 bytes to 16 KB, content on half of them. The expected
/// location of each flip is computed from the pristine files themselves: the frame (4-byte length, record, 32-byte
/// leaf hash) that contains the flipped byte, and so its seq; for a content file, the entry (length, seq, salt,
/// content) that contains it. `FAULT_FLIPS` sets the number of segment flips (default 10 000; content files get a
/// tenth as many on top); `FAULT_FLIP_SEED` replays a run.
@Suite(.serialized) struct FaultCorruptionSweepTests {
    /// One file of the ledger with the byte ranges that belong to each seq.
    struct Target {
        let relative: String
        let path: String
        let size: Int
        /// (range, seq), sorted; bytes outside every range (a segment header) belong to the segment's first seq.
        let ranges: [(range: Range<Int>, seq: UInt64)]
        let firstSeq: UInt64

        func seq(at offset: Int) -> UInt64? {
            var low = 0
            var high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if ranges[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
            }
            return low < ranges.count && ranges[low].range.contains(offset) ? ranges[low].seq : nil
        }
    }

    static func bigLedger(_ label: String, seed: UInt64) throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory(label)
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        options.segmentRollBytes = 2 << 20
        let ledger = try Ledger.create(at: root, origin: "example.org/flips", options: options)
        var rng = SeededRandom(seed: seed)
        var n = 0
        var batch: [EventEnvelope] = []
        var batchSize = 1
        var written = 0
        while written < 10_300_000 {
            // Log-uniform sizes between 200 B and 16 KB.
            let length = Int(200 * pow(80.0, Double.random(in: 0..<1, using: &rng)))
            let filler = String(repeating: "abcdefghij", count: length / 10)
            n += 1
            batch.append(
                EventEnvelope(
                    id: "flip:\(n)",
                    type: "post.created",
                    time: Timestamp("2026-11-29T10:00:00Z")!,
                    actor: "7301000000000000001",
                    group: "g-\(n % 13)",
                    data: .object(JSONObject(members: [("kind", .string("text")), ("message", .string(filler))])),
                    content: n % 2 == 0
                        ? .object(JSONObject(members: [("text", .string("nội dung \(n) " + filler.prefix(300)))]))
                        : nil
                )
            )
            written += length + 320
            if batch.count >= batchSize {
                _ = try ledger.append(batch)
                batch.removeAll()
                batchSize = Int.random(in: 1...7, using: &rng)
            }
        }
        if !batch.isEmpty { _ = try ledger.append(batch) }
        ledger.close()
        return (dir, root)
    }

    /// The frames of every segment and the entries of every content file, from the bytes themselves.
    static func targets(_ root: String) throws -> (segments: [Target], contents: [Target]) {
        var segments: [Target] = []
        var contents: [Target] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/segments").sorted() {
            let first = LedgerLayout.firstSeq(ofSegmentNamed: name)!
            let path = root + "/segments/" + name
            let bytes = Bytes.read(path)
            var ranges: [(Range<Int>, UInt64)] = []
            var offset = SegmentFormat.headerSize
            var seq = first
            while offset < bytes.count {
                let length = Int(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                let end = offset + 4 + length + Hash.byteCount
                ranges.append((offset..<end, seq))
                offset = end
                seq += 1
            }
            #expect(offset == bytes.count, "\(name) does not end on a frame boundary")
            segments.append(
                Target(relative: "segments/" + name, path: path, size: bytes.count, ranges: ranges, firstSeq: first)
            )
            let stem = String(name.dropLast(4))
            let contentPath = root + "/content/" + stem + ".content"
            let content = Bytes.read(contentPath)
            var entries: [(Range<Int>, UInt64)] = []
            offset = 0
            while offset < content.count {
                let length = Int(content[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                let entrySeq = content[offset + 4..<offset + 12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                entries.append((offset..<offset + 4 + length, entrySeq))
                offset += 4 + length
            }
            if !content.isEmpty {
                contents.append(
                    Target(
                        relative: "content/" + stem + ".content",
                        path: contentPath,
                        size: content.count,
                        ranges: entries,
                        firstSeq: first
                    )
                )
            }
        }
        return (segments, contents)
    }

    /// Flips bit `bit` of the byte at `offset` in place.
    static func flip(_ path: String, _ offset: Int, _ bit: Int) {
        let fd = open(path, O_RDWR)
        precondition(fd >= 0)
        defer { Descriptor.close(fd, name: path) }
        var byte: UInt8 = 0
        precondition(pread(fd, &byte, 1, off_t(offset)) == 1)
        byte ^= UInt8(1 << bit)
        precondition(pwrite(fd, &byte, 1, off_t(offset)) == 1)
    }

    static var flipCount: Int { Int(ProcessInfo.processInfo.environment["FAULT_FLIPS"] ?? "") ?? 10_000 }
    static var seed: UInt64 {
        UInt64(ProcessInfo.processInfo.environment["FAULT_FLIP_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
    }

    struct Tally {
        var detected = 0
        var located = 0
        var failures: [String] = []
    }

    /// Flips `count` random bits of `targets`, one at a time, verifying after each and undoing it.
    static func sweep(root: String, targets: [Target], count: Int, rng: inout SeededRandom) throws -> Tally {
        var tally = Tally()
        let total = targets.reduce(0) { $0 + $1.size }
        for _ in 0..<count {
            var position = Int.random(in: 0..<total, using: &rng)
            var target = targets[0]
            for candidate in targets {
                if position < candidate.size {
                    target = candidate
                    break
                }
                position -= candidate.size
            }
            let bit = Int.random(in: 0..<8, using: &rng)
            let expectedSeq = target.seq(at: position) ?? target.firstSeq
            flip(target.path, position, bit)
            let problem = try Verifier(root: root).run().problem
            flip(target.path, position, bit)
            guard let problem else {
                tally.failures.append("\(target.relative) byte \(position) bit \(bit): not detected")
                continue
            }
            tally.detected += 1
            if problem.file == target.relative && problem.seq == expectedSeq {
                tally.located += 1
            } else {
                tally.failures.append(
                    "\(target.relative) byte \(position) bit \(bit) (record \(expectedSeq)): reported "
                        + "\(problem.file ?? "-") record \(problem.seq.map(String.init) ?? "-"): \(problem.message)"
                )
            }
        }
        return tally
    }

    @Test func randomBitFlipsOverATenMegabyteLedgerAreDetectedAndLocated() throws {
        let seed = Self.seed
        let (dir, root) = try Self.bigLedger("flips", seed: seed)
        defer { dir.remove() }
        #expect(try Verifier(root: root).run().isIntact)
        // Two workers, each on its own copy, so the sweep uses both cores.
        let copy = dir.path + "/copy"
        try FileManager.default.copyItem(atPath: root, toPath: copy)
        let roots = [root, copy]
        let (segments, contents) = try Self.targets(root)
        let segmentTotal = segments.reduce(0) { $0 + $1.size }
        let contentTotal = contents.reduce(0) { $0 + $1.size }
        #expect(segments.count >= 5, "the ledger should span several segments")
        #expect(segmentTotal >= 10_000_000)

        let started = Date()
        let lock = NSLock()
        nonisolated(unsafe) var tallies: [Tally] = []
        nonisolated(unsafe) var errors: [any Error] = []
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let (mySegments, myContents) = try Self.targets(roots[worker])
                var rng = SeededRandom(seed: seed ^ 0x5EED ^ UInt64(worker))
                let share = Self.flipCount / 2 + (worker == 0 ? Self.flipCount % 2 : 0)
                var tally = try Self.sweep(root: roots[worker], targets: mySegments, count: share, rng: &rng)
                let contentTally = try Self.sweep(
                    root: roots[worker],
                    targets: myContents,
                    count: share / 10,
                    rng: &rng
                )
                tally.detected += contentTally.detected
                tally.located += contentTally.located
                tally.failures += contentTally.failures
                lock.lock()
                tallies.append(tally)
                lock.unlock()
            } catch {
                lock.lock()
                errors.append(error)
                lock.unlock()
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let detected = tallies.reduce(0) { $0 + $1.detected }
        let located = tallies.reduce(0) { $0 + $1.located }
        let failures = tallies.flatMap(\.failures)
        let total = Self.flipCount / 2 / 10 + (Self.flipCount / 2 + Self.flipCount % 2) / 10 + Self.flipCount
        print(
            "fault-flips: seed \(seed), \(segments.count) segments \(segmentTotal) bytes, content \(contentTotal) "
                + "bytes; \(total) flips, \(detected) detected, \(located) located to the exact record, in "
                + String(format: "%.1f", Date().timeIntervalSince(started)) + " s"
        )
        #expect(failures.isEmpty, "seed \(seed) (FAULT_FLIP_SEED): \(failures.count) flips: \(failures.prefix(5))")
        #expect(located == total)
        for root in roots {
            #expect(try Verifier(root: root).run().isIntact, "restoring every flip should leave the ledger intact")
        }
    }
}
