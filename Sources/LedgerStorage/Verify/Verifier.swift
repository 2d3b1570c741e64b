import Dispatch
public import LedgerCore
import SystemPackage

/// Re-checks a whole ledger from its files, trusting nothing but the bytes: every record is re-hashed and its
/// stored hash, sequence number and `prev` link checked; segments must follow each other without gap, overlap
/// or foreign header; every content commitment that can be opened is opened; every destroyed content has its
/// `ledger.content_withheld` event; the records must reproduce the size, last hash and Merkle root in the head.
///
/// It stops at the first problem and locates it (file, byte offset, sequence number, expected and found hash
/// prefixes). It takes no lock, and reads each segment and content file through a window of ``windowBytes``, so
/// memory stays flat however large the ledger or one segment grows.
public struct Verifier: Sendable {
    public let layout: LedgerLayout
    /// How much of a segment or content file is read at a time; at least one frame of the largest record.
    var windowBytes = 8 << 20
    /// Whether every record's envelope is also parsed and checked to be a valid event envelope in RFC 8785
    /// canonical form, as the format requires (`verify --envelopes`). Off by default: the record hashes already
    /// prove the bytes unchanged since they were written, and the parse costs about as much again as the hashing.
    public var checksEnvelopes = false

    public init(root: String) { layout = LedgerLayout(root: root) }

    struct Failure: Error { let problem: VerificationReport.Problem }

    /// Runs the verification. `progress` is called with the number of records checked so far, after each segment.
    ///
    /// - Throws: ``LedgerError`` only when the ledger cannot be read at all (not a ledger, I/O error); damage is
    ///   reported in the returned report, not thrown.
    public func run(
        anchors: VerificationAnchors = VerificationAnchors(),
        progress: ((UInt64) -> Void)? = nil
    ) throws(LedgerError) -> VerificationReport {
        let metadata = try LedgerMetadata.read(layout)
        var report = VerificationReport()
        do {
            let anchorCheckpoints = try parseAnchors(anchors, metadata: metadata)
            try check(
                metadata: metadata,
                anchors: anchors,
                anchorCheckpoints: anchorCheckpoints,
                report: &report,
                progress: progress
            )
        } catch let failure as Failure {
            report.problem = failure.problem
        } catch let error as LedgerError {
            if error.code == .corrupt {
                report.problem = .init(
                    kind: .unreadable,
                    file: nil,
                    byteOffset: nil,
                    seq: nil,
                    expected: nil,
                    found: nil,
                    message: error.message
                )
            } else {
                throw error
            }
        } catch {
            throw LedgerError(.io, "\(error)")
        }
        return report
    }

    func fail(
        _ kind: VerificationReport.ProblemKind,
        _ message: String,
        file: String? = nil,
        offset: Int? = nil,
        seq: UInt64? = nil,
        expected: String? = nil,
        found: String? = nil
    ) -> Failure {
        Failure(
            problem: .init(
                kind: kind,
                file: file,
                byteOffset: offset,
                seq: seq,
                expected: expected,
                found: found,
                message: message
            )
        )
    }

    private func check(
        metadata: LedgerMetadata,
        anchors: VerificationAnchors,
        anchorCheckpoints: [AnchorCheckpoint],
        report: inout VerificationReport,
        progress: ((UInt64) -> Void)?
    ) throws {
        let sha = SHA256()
        if let failure = notARegularFile(layout.headPath, name: "head", seq: nil) { throw failure }
        let headFile = try LedgerFile.open(layout.headPath, name: "head", .readOnly)
        let headBytes = try headFile.readAll()
        headFile.close()
        var head: HeadState?
        for slot in 0..<2 {
            let start = slot * HeadFile.slotSize
            guard start < headBytes.count else { continue }
            let bytes = Array(headBytes[start..<min(headBytes.count, start + HeadFile.slotSize)])
            guard bytes.contains(where: { $0 != 0 }) else { continue }
            guard let state = HeadState.decode(bytes, sha: sha) else {
                throw fail(
                    .headDamaged,
                    "head slot \(slot) is damaged (its check line does not match)",
                    file: "head",
                    offset: start
                )
            }
            if head == nil || state.generation > head!.generation { head = state }
        }
        guard let head else { throw fail(.headMissing, "the head file holds no valid slot", file: "head") }
        report.headSize = head.size

        let segmentNames = try Directory.list(layout.segmentsDirectory, name: "segments")
        var firsts: [UInt64] = []
        for name in segmentNames {
            guard let first = LedgerLayout.firstSeq(ofSegmentNamed: name) else {
                throw fail(.foreignFile, "segments/\(name) is not a segment name", file: "segments/\(name)")
            }
            // Before anything is opened: opening a FIFO for reading blocks until a writer comes.
            if let failure = notARegularFile(layout.segmentPath(first), name: "segments/\(name)", seq: nil) {
                throw failure
            }
            firsts.append(first)
        }
        firsts.sort()

        let tree = TreeBuilder(sizes: Set([head.size] + anchorCheckpoints.map(\.checkpoint.size)))
        var logKeyHistory: [String] = []
        var expectedSeq: UInt64 = 0
        // The records the writer keeps when it next opens: those up to the head, then whole append batches that
        // continue the chain, across segments. Records past it (an append batch without its last record, which
        // may span segments) it quarantines: their leaves wait in `carried`, and `tornStart` is where they begin.
        var adoptedEnd: UInt64 = 0
        var carried: [Hash] = []
        var tornStart: (name: String, offset: Int)?
        var tornEnd: (name: String, stop: Int?, fileSize: Int)?
        var tornNoteIndex = 0
        var prev = Hash.zero
        var leafAtHead: Hash?
        var erased: [UInt64: String] = [:]
        var withheldEvents: [UInt64: UInt64] = [:]

        // Two segments at a time, one per core; merged in order so the first problem is the one reported.
        let width = 2
        for windowStart in stride(from: 0, to: firsts.count, by: width) {
            let window = Array(firsts[windowStart..<min(firsts.count, windowStart + width)])
            let verdicts = try checkSegments(window, origin: metadata.origin)
            for (offsetInWindow, verdict) in verdicts.enumerated() {
                let isLast = windowStart + offsetInWindow == firsts.count - 1
                let name = verdict.name
                guard verdict.first == expectedSeq else {
                    let what =
                        verdict.first > expectedSeq
                        ? "records \(expectedSeq)..<\(verdict.first) are missing (a segment was deleted)"
                        : "it overlaps records before it (a segment was duplicated or reordered)"
                    throw fail(
                        .segmentSequence,
                        "\(name) starts at seq \(verdict.first) but seq \(expectedSeq) is next: \(what)",
                        file: name,
                        offset: 0,
                        seq: expectedSeq,
                        expected: "first seq \(expectedSeq)",
                        found: "\(verdict.first)"
                    )
                }
                if let firstPrev = verdict.firstPrev, firstPrev != prev {
                    throw chainFailure(
                        name: name,
                        offset: SegmentFormat.headerSize,
                        seq: expectedSeq,
                        found: firstPrev,
                        expected: prev
                    )
                }
                if let failure = verdict.failure {
                    report.records = expectedSeq + verdict.count
                    // A segment created just before a crash (or by a writer rolling right now) may not have its
                    // header yet; it cannot hold acknowledged records, and the writer quarantines it on open.
                    guard isLast, failure.problem.kind == .segmentHeader, verdict.first >= head.size else {
                        throw failure
                    }
                    report.notes.append(
                        "\(name) has no complete header yet: a segment being created, or left by a crash while it was "
                            + "created; it holds no acknowledged record and the writer quarantines it when it next opens"
                    )
                    report.segments += 1
                    continue
                }
                let end = expectedSeq + verdict.count
                // Records before the head are acknowledged whatever their flags; past it, whole batches only, which
                // may have begun in an earlier segment.
                let batchKept = verdict.batchEnd > 0 ? expectedSeq + verdict.batchEnd : adoptedEnd
                let kept = max(batchKept, min(head.size, end), adoptedEnd)
                let keptHere = Int(kept > expectedSeq ? kept - expectedSeq : 0)
                if kept > adoptedEnd {
                    tree.append(carried + verdict.leaves[..<keptHere])
                    carried.removeAll()
                }
                if keptHere < verdict.leaves.count {
                    if carried.isEmpty {
                        tornStart = (
                            name, tornOffset(verdict, first: expectedSeq, kept: expectedSeq + UInt64(keptHere))
                        )
                    }
                    carried += verdict.leaves[keptHere...]
                }
                if head.size > expectedSeq && head.size <= end {
                    leafAtHead = verdict.leaves[Int(head.size - expectedSeq - 1)]
                }
                expectedSeq = end
                adoptedEnd = max(adoptedEnd, kept)
                report.records = end
                prev = verdict.last ?? prev
                report.contentChecked += verdict.contentChecked
                erased.merge(verdict.erased) { old, _ in old }
                withheldEvents.merge(verdict.withheldEvents) { old, _ in old }
                logKeyHistory.append(contentsOf: verdict.keyHistory.filter { $0.seq < kept }.map(\.vkey))
                if let stop = verdict.stop, !(isLast && expectedSeq >= head.size) {
                    let seq = expectedSeq
                    let (expected, found) = hashes(of: stop)
                    throw fail(
                        .recordDamaged,
                        "\(name) byte \(stop.offset): record \(seq) is damaged: " + Ledger.describe(stop),
                        file: name,
                        offset: stop.offset,
                        seq: seq,
                        expected: expected,
                        found: found
                    )
                }
                if isLast && (!carried.isEmpty || verdict.stop != nil) {
                    if carried.isEmpty {
                        tornStart = (name, tornOffset(verdict, first: expectedSeq, kept: expectedSeq))
                    }
                    tornEnd = (name, verdict.stop?.offset, verdict.fileSize)
                    tornNoteIndex = report.notes.count
                }
                if let orphan = verdict.orphanContent {
                    let contentName = layout.relative(layout.contentPath(verdict.first))
                    guard isLast || !carried.isEmpty, let orphanSeq = orphan.seq, orphanSeq >= expectedSeq else {
                        throw fail(
                            .contentOrphan,
                            "\(contentName) byte \(orphan.offset): an entry "
                                + (orphan.seq.map { "for record \($0), which commits to no content," }
                                    ?? "that is cut short")
                                + " follows the last content of the segment",
                            file: contentName,
                            offset: orphan.offset,
                            seq: orphan.seq
                        )
                    }
                    report.notes.append(
                        "\(contentName): content written for records that were never acknowledged; the writer "
                            + "removes it when it next opens"
                    )
                }
                report.segments += 1
                progress?(expectedSeq)
            }
        }
        report.records = expectedSeq
        if !carried.isEmpty, tornEnd == nil, let lastName = firsts.last.map({ layout.relative(layout.segmentPath($0)) })
        {
            // The last segment has no complete header: the torn append reached a segment it was creating.
            tornEnd = (lastName, nil, 0)
            tornNoteIndex = report.notes.count
        }
        if let tornStart, let tornEnd {
            let records =
                carried.isEmpty
                ? "" : "records \(adoptedEnd)..<\(expectedSeq), an append batch without its last record"
            let frame = tornEnd.stop.map { "a frame cut short or damaged at byte \($0)" } ?? ""
            let place =
                tornStart.name == tornEnd.name
                ? "\(tornStart.name): \(tornEnd.fileSize - tornStart.offset) bytes from byte \(tornStart.offset)"
                : "\(tornStart.name) from byte \(tornStart.offset) through the end of \(tornEnd.name) (an append that "
                    + "spans segments)"
            report.tornRecords = UInt64(carried.count)
            report.notes.insert(
                "\(place) (after record \(adoptedEnd == 0 ? "-" : String(adoptedEnd - 1))) are a torn, "
                    + "unacknowledged write ("
                    + [records, frame].filter { !$0.isEmpty }.joined(separator: ", then ")
                    + "); the writer quarantines them when it next opens, it does not adopt them",
                at: tornNoteIndex
            )
        }
        let (roots, adoptedRoot) = tree.finish()
        guard adoptedEnd >= head.size, let rootAtHead = roots[head.size] else {
            throw fail(
                .truncated,
                "the head records \(head.size) records but the segments hold only \(expectedSeq): "
                    + "records were removed",
                seq: expectedSeq,
                expected: "\(head.size) records",
                found: "\(expectedSeq)"
            )
        }
        if head.size > 0, leafAtHead != head.lastLeaf {
            throw fail(
                .headMismatch,
                "record \(head.size - 1) hashes to \(leafAtHead?.hexPrefix() ?? "-") but the "
                    + "head recorded \(head.lastLeaf.hexPrefix())",
                seq: head.size - 1,
                expected: head.lastLeaf.hexPrefix(),
                found: leafAtHead?.hexPrefix()
            )
        }
        let headRoot = head.frontier.root(using: sha)
        guard rootAtHead == headRoot else {
            throw fail(
                .rootMismatch,
                "the records produce root \(rootAtHead.hexPrefix()) for size \(head.size) but "
                    + "the head recorded \(headRoot.hexPrefix())",
                expected: headRoot.hexPrefix(),
                found: rootAtHead.hexPrefix()
            )
        }
        report.root = rootAtHead
        report.pastHead = adoptedEnd - head.size
        if adoptedEnd > head.size {
            report.adoptedRoot = adoptedRoot
            report.notes.append(
                "\(adoptedEnd - head.size) records past the head (the head was not advanced: a crash, or the head "
                    + "was lowered); the writer adopts them when it next opens: records \(head.size)..<\(adoptedEnd) "
                    + "are whole append batches that continue the chain, root \(adoptedRoot.hexPrefix()) at size "
                    + "\(adoptedEnd), but no checkpoint in the head covers them"
            )
        }
        try checkAnchors(
            anchorCheckpoints,
            anchors: anchors,
            head: head,
            origin: metadata.origin,
            history: logKeyHistory,
            roots: roots,
            records: adoptedEnd,
            torn: expectedSeq - adoptedEnd,
            report: &report
        )
        for (seq, file) in erased.sorted(by: { $0.key < $1.key }) {
            guard withheldEvents[seq] != nil else {
                throw fail(
                    .contentDestroyed,
                    "the content of record \(seq) was destroyed without a "
                        + "ledger.content_withheld event",
                    file: file,
                    seq: seq
                )
            }
        }
        report.withheld = erased.count
        for (target, eventSeq) in withheldEvents.sorted(by: { $0.key < $1.key }) where erased[target] == nil {
            report.notes.append(
                "record \(eventSeq) withholds the content of record \(target), but that content is "
                    + "still stored: run `groupledger withhold --seq \(target)` again to finish"
            )
        }
    }

    /// Checks `firsts` concurrently, one thread each, and returns their verdicts in order.
    private func checkSegments(_ firsts: [UInt64], origin: String) throws(LedgerError) -> [SegmentVerdict] {
        let results = SegmentResults(count: firsts.count)
        DispatchQueue.concurrentPerform(iterations: firsts.count) { index in
            let result: Result<SegmentVerdict, LedgerError>
            do throws(LedgerError) { result = .success(try checkSegment(first: firsts[index], origin: origin)) } catch {
                result = .failure(error)
            }
            results.set(index, result)
        }
        return try results.all()
    }

    /// The byte offset where the records of `verdict` that the writer would not adopt begin: after record
    /// `kept - 1`. `first` is the segment's first seq.
    private func tornOffset(_ verdict: SegmentVerdict, first: UInt64, kept: UInt64) -> Int {
        let batchEnd = first + verdict.batchEnd
        guard kept > batchEnd else { return verdict.batchEndOffset }
        return verdict.tailEnds[Int(kept - batchEnd) - 1]
    }

    private func hashes(of stop: FrameScanner.Stop) -> (String?, String?) {
        if case .hashMismatch(_, let stored, let computed) = stop { return (stored.hexPrefix(), computed.hexPrefix()) }
        return (nil, nil)
    }

    /// Opens the commitment of `record` with the next content entry, or notes it as withheld.
    func checkContent(
        of record: Record.Header,
        in contents: inout ContentCursor,
        file: String,
        sha: SHA256,
        erased: inout [UInt64: String]
    ) throws {
        switch try contents.next(for: record.seq) {
        case .mismatch(let offset, let seq):
            throw fail(
                .contentMissing,
                "\(file) byte \(offset): record \(record.seq) commits to content but the next entry is "
                    + (seq.map { "for record \($0)" } ?? "missing or cut short"),
                file: file,
                offset: offset,
                seq: record.seq
            )
        case .entry(let offset, let saltOffset, let end):
            if contents.isErased(saltOffset: saltOffset, end: end) {
                erased[record.seq] = file
                return
            }
            let commitment = contents.commitment(saltOffset: saltOffset, end: end, sha: sha)
            guard commitment == record.contentCommitment else {
                throw fail(
                    .contentCommitment,
                    "\(file) byte \(offset): the content of record \(record.seq) hashes to \(commitment.hexPrefix()) "
                        + "but the record commits to \(record.contentCommitment.hexPrefix())",
                    file: file,
                    offset: offset,
                    seq: record.seq,
                    expected: record.contentCommitment.hexPrefix(),
                    found: commitment.hexPrefix()
                )
            }
        }
    }
}
