import Foundation
import LedgerCore

extension Verifier {
    /// Checks the segments on one thread per core, each thread taking the next segment as soon as it is done, and
    /// merges their verdicts in order, so that the first problem is the one reported. `onSegment` is called with the
    /// records checked after each segment merged.
    func checkSegments(
        _ firsts: [UInt64],
        origin: String,
        progress: inout VerificationProgress,
        onSegment: ((UInt64) -> Void)?
    ) throws {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let queue = SegmentQueue(count: firsts.count, threads: threads) { [self] index, buffers in
            Result { () throws(LedgerError) in
                try checkSegment(first: firsts[index], origin: origin, buffers: buffers)
            }
        }
        defer { queue.finish() }
        for index in firsts.indices {
            let verdict = try queue.next()
            let isLast = index == firsts.count - 1
            try continueChain(verdict, progress: progress)
            if let failure = verdict.failure {
                try acceptHeaderless(verdict, failure: failure, isLast: isLast, progress: &progress)
                continue
            }
            adopt(verdict, progress: &progress)
            try checkStop(verdict, isLast: isLast, progress: &progress)
            try checkOrphanContent(verdict, isLast: isLast, progress: &progress)
            progress.report.segments += 1
            onSegment?(progress.nextSeq)
        }
        progress.report.records = progress.nextSeq
    }

    /// Checks that the segment of `verdict` starts where the one before ended: at the next seq, and with the last
    /// leaf before it as its first record's `prev`.
    private func continueChain(_ verdict: SegmentVerdict, progress: VerificationProgress) throws {
        let expectedSeq = progress.nextSeq
        guard verdict.first == expectedSeq else {
            let what =
                verdict.first > expectedSeq
                ? "records \(expectedSeq)..<\(verdict.first) are missing (a segment was deleted)"
                : "it overlaps records before it (a segment was duplicated or reordered)"
            throw fail(
                .segmentSequence,
                "\(verdict.name) starts at seq \(verdict.first) but seq \(expectedSeq) is next: \(what)",
                file: verdict.name,
                offset: 0,
                seq: expectedSeq,
                expected: "first seq \(expectedSeq)",
                found: "\(verdict.first)"
            )
        }
        if let firstPrev = verdict.firstPrev, firstPrev != progress.prev {
            throw chainFailure(
                name: verdict.name,
                offset: SegmentFormat.headerSize,
                seq: expectedSeq,
                found: firstPrev,
                expected: progress.prev
            )
        }
    }

    /// Throws `failure`, found inside the segment of `verdict`, unless the segment is the last and has no complete
    /// header yet past the head: one created just before a crash (or by a writer rolling right now), which cannot
    /// hold acknowledged records and which the writer quarantines on open. That is noted instead.
    private func acceptHeaderless(
        _ verdict: SegmentVerdict,
        failure: Failure,
        isLast: Bool,
        progress: inout VerificationProgress
    ) throws {
        progress.report.records = progress.nextSeq + verdict.count
        guard isLast, failure.problem.kind == .segmentHeader, verdict.first >= progress.head.size else {
            throw failure
        }
        progress.report.notes.append(
            "\(verdict.name) has no complete header yet: a segment being created, or left by a crash while it was "
                + "created; it holds no acknowledged record and the writer quarantines it when it next opens"
        )
        progress.report.segments += 1
    }

    /// Takes the records of `verdict` into the chain: those the writer keeps into the tree, the others (a torn
    /// write) into `carried`; and what the later steps need (the leaf at the head, keys, withholdings).
    private func adopt(_ verdict: SegmentVerdict, progress: inout VerificationProgress) {
        let start = progress.nextSeq
        let end = start + verdict.count
        let adoptedEnd = progress.adoptedEnd
        let headSize = progress.head.size
        // Records before the head are acknowledged whatever their flags; past it, whole batches only, which may
        // have begun in an earlier segment.
        let batchKept = verdict.batchEnd > 0 ? start + verdict.batchEnd : adoptedEnd
        let kept = max(batchKept, min(headSize, end), adoptedEnd)
        let keptHere = Int(kept > start ? kept - start : 0)
        if kept > adoptedEnd {
            progress.tree.append(progress.carried + verdict.leaves[..<keptHere])
            progress.carried.removeAll()
        }
        if keptHere < verdict.leaves.count {
            if progress.carried.isEmpty {
                progress.tornStart = (
                    verdict.name, tornOffset(verdict, first: start, kept: start + UInt64(keptHere))
                )
            }
            progress.carried += verdict.leaves[keptHere...]
        }
        if headSize > start && headSize <= end {
            progress.leafAtHead = verdict.leaves[Int(headSize - start - 1)]
        }
        progress.nextSeq = end
        progress.adoptedEnd = max(adoptedEnd, kept)
        progress.report.records = end
        progress.prev = verdict.last ?? progress.prev
        progress.report.contentChecked += verdict.contentChecked
        progress.erased.merge(verdict.erased) { old, _ in old }
        progress.withheldEvents.merge(verdict.withheldEvents) { old, _ in old }
        progress.logKeyHistory.append(contentsOf: verdict.keyHistory.filter { $0.seq < kept }.map(\.vkey))
    }

    /// Judges where the frames of `verdict` stopped being whole and correct: damage, unless it is the tail of the
    /// last segment past the head, which is a torn write; marks where a torn write in the last segment ends.
    private func checkStop(_ verdict: SegmentVerdict, isLast: Bool, progress: inout VerificationProgress) throws {
        let seq = progress.nextSeq
        if let stop = verdict.stop, !(isLast && seq >= progress.head.size) {
            let (expected, found) = hashes(of: stop)
            throw fail(
                .recordDamaged,
                "\(verdict.name) byte \(stop.offset): record \(seq) is damaged: " + stop.description,
                file: verdict.name,
                offset: stop.offset,
                seq: seq,
                expected: expected,
                found: found
            )
        }
        if isLast && (!progress.carried.isEmpty || verdict.stop != nil) {
            if progress.carried.isEmpty {
                progress.tornStart = (verdict.name, tornOffset(verdict, first: seq, kept: seq))
            }
            progress.tornEnd = (verdict.name, verdict.stop?.offset, verdict.fileSize)
            progress.tornNoteIndex = progress.report.notes.count
        }
    }

    /// Judges a content entry left after the last record of the segment of `verdict`: content of a torn write
    /// (noted) in the last segment or before one, damage anywhere else.
    private func checkOrphanContent(
        _ verdict: SegmentVerdict,
        isLast: Bool,
        progress: inout VerificationProgress
    ) throws {
        guard let orphan = verdict.orphanContent else { return }
        let contentName = layout.relative(layout.contentPath(verdict.first))
        guard isLast || !progress.carried.isEmpty, let orphanSeq = orphan.seq, orphanSeq >= progress.nextSeq else {
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
        progress.report.notes.append(
            "\(contentName): content written for records that were never acknowledged; the writer "
                + "removes it when it next opens"
        )
    }

    /// Notes the torn write past the records the writer keeps, if there is one.
    func noteTornWrite(lastSegment: UInt64?, progress: inout VerificationProgress) {
        if !progress.carried.isEmpty, progress.tornEnd == nil,
            let lastName = lastSegment.map({ layout.relative(layout.segmentPath($0)) })
        {
            // The last segment has no complete header: the torn append reached a segment it was creating.
            progress.tornEnd = (lastName, nil, 0)
            progress.tornNoteIndex = progress.report.notes.count
        }
        guard let tornStart = progress.tornStart, let tornEnd = progress.tornEnd else { return }
        let adoptedEnd = progress.adoptedEnd
        let records =
            progress.carried.isEmpty
            ? "" : "records \(adoptedEnd)..<\(progress.nextSeq), an append batch without its last record"
        let frame = tornEnd.stop.map { "a frame cut short or damaged at byte \($0)" } ?? ""
        let place =
            tornStart.name == tornEnd.name
            ? "\(tornStart.name): \(tornEnd.fileSize - tornStart.offset) bytes from byte \(tornStart.offset)"
            : "\(tornStart.name) from byte \(tornStart.offset) through the end of \(tornEnd.name) (an append that "
                + "spans segments)"
        progress.report.tornRecords = UInt64(progress.carried.count)
        progress.report.notes.insert(
            "\(place) (after record \(adoptedEnd == 0 ? "-" : String(adoptedEnd - 1))) are a torn, "
                + "unacknowledged write ("
                + [records, frame].filter { !$0.isEmpty }.joined(separator: ", then ")
                + "); the writer quarantines them when it next opens, it does not adopt them",
            at: progress.tornNoteIndex
        )
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
}
