import Foundation
import LedgerCore
import SystemPackage

/// What checking one segment on its own found: everything the verifier needs to continue the chain across
/// segments, and the first problem inside the segment, if any. Segments are checked in parallel and their verdicts
/// merged in order, so the problem reported is still the first one in the ledger.
struct SegmentVerdict {
    let first: UInt64
    let name: String
    /// Records that passed every check, in order.
    var count: UInt64 = 0
    /// The `prev` of the segment's first record: it must be the last leaf of the segment before.
    var firstPrev: Hash?
    var leaves: [Hash] = []
    var contentChecked = 0
    var erased: [UInt64: String] = [:]
    var withheldEvents: [UInt64: UInt64] = [:]
    /// The verifier keys announced by `ledger.initialized` and `ledger.key_rotated` events, with their seqs.
    var keyHistory: [(seq: UInt64, vkey: String)] = []
    /// How many records, from the segment's first, end with a record flagged `endsBatch` (whole append batches).
    var batchEnd: UInt64 = 0
    /// The byte offset where the frame of the last `endsBatch` record ends (the header's end if there is none).
    var batchEndOffset = SegmentFormat.headerSize
    /// The byte offsets where the frames of the records after the last `endsBatch` record end, in order.
    var tailEnds: [Int] = []
    /// Where frames stopped being whole and correct, and the file size.
    var stop: FrameScanner.Stop?
    var fileSize = 0
    /// A content entry left after the segment's last record: its offset and seq (nil if cut short).
    var orphanContent: (offset: Int, seq: UInt64?)?
    /// The first problem inside the segment (record format, sequence, chain inside it, content).
    var failure: Verifier.Failure?

    var last: Hash? { leaves.last }
}

extension Verifier {
    /// Checks one segment without looking at the others: its header, every frame's hash, record format, sequence
    /// numbers from `first`, the `prev` chain inside it, and its content commitments. Runs on any thread, reading
    /// into that thread's `buffers`.
    func checkSegment(first: UInt64, origin: String, buffers: SegmentBuffers) throws(LedgerError) -> SegmentVerdict {
        let sha = SHA256()
        let path = layout.segmentPath(first)
        let name = layout.relative(path)
        var verdict = SegmentVerdict(first: first, name: name)
        if let failure = notARegularFile(path, name: name, seq: first) {
            verdict.failure = failure
            return verdict
        }
        let file = try LedgerFile.open(path, name: name, .readOnly)
        defer { file.close() }
        var fileSize = Int(try file.size())
        let header = try file.read(upTo: SegmentFormat.headerSize, at: 0)
        verdict.fileSize = fileSize
        if let problem = SegmentFormat.headerProblem(header, expectedFirstSeq: first, origin: origin, sha: sha) {
            verdict.failure = fail(.segmentHeader, "\(name): \(problem)", file: name, offset: 0, seq: first)
            return verdict
        }
        let contentPath = layout.contentPath(first)
        let contentName = layout.relative(contentPath)
        let hasContentFile = Directory.exists(contentPath)
        if hasContentFile, let failure = notARegularFile(contentPath, name: contentName, seq: nil) {
            verdict.failure = failure
            return verdict
        }
        let contentFile = hasContentFile ? try LedgerFile.open(contentPath, name: contentName, .readOnly) : nil
        defer { contentFile?.close() }
        var contents = try ContentCursor(file: contentFile, windowBytes: windowBytes, buffer: buffers.content)
        let decoder = EnvelopeDecoder()
        var prev: Hash?
        // The frames, a window at a time: a frame cut by the end of a window is read again at the start of the next.
        var windowStart = SegmentFormat.headerSize
        do {
            while windowStart < fileSize, verdict.stop == nil {
                let wanted = min(windowBytes, fileSize - windowStart)
                let window = try buffers.frames.read(file, upTo: wanted, at: UInt64(windowStart))
                if window.count < wanted {
                    // The file shrank while it was read (a writer cut a staged append back): judge what is there.
                    fileSize = windowStart + window.count
                    verdict.fileSize = fileSize
                }
                let stop = try FrameScanner(sha: sha).scan(window, from: 0, base: windowStart) {
                    (frame, recordBytes) throws(any Error) in
                    let seq = first + verdict.count
                    let record: Record.Header
                    do { record = try Record.header(of: recordBytes) } catch {
                        throw fail(
                            .recordFormat,
                            "\(name) byte \(frame.offset): record \(seq): \(error)",
                            file: name,
                            offset: frame.offset,
                            seq: seq
                        )
                    }
                    guard record.seq == seq else {
                        throw fail(
                            .sequence,
                            "\(name) byte \(frame.offset): the record says seq \(record.seq) where \(seq) was expected",
                            file: name,
                            offset: frame.offset,
                            seq: seq,
                            expected: "\(seq)",
                            found: "\(record.seq)"
                        )
                    }
                    if let prev, record.prev != prev {
                        throw chainFailure(
                            name: name,
                            offset: frame.offset,
                            seq: seq,
                            found: record.prev,
                            expected: prev
                        )
                    }
                    if prev == nil { verdict.firstPrev = record.prev }
                    if record.flags.contains(.hasContent) {
                        try checkContent(
                            of: record,
                            in: &contents,
                            file: contentName,
                            sha: sha,
                            erased: &verdict.erased
                        )
                        if verdict.erased[seq] == nil { verdict.contentChecked += 1 }
                    }
                    if checksEnvelopes,
                        let failure = envelopeProblem(
                            recordBytes[Record.headerSize...],
                            seq: seq,
                            file: name,
                            offset: frame.offset,
                            decoder: decoder
                        )
                    {
                        throw failure
                    }
                    if record.flags.contains(.ledgerEvent) {
                        let envelope = try decoder.decodeStored(Array(recordBytes[Record.headerSize...]), seq: seq)
                        if envelope.type == EventType.ledgerInitialized.rawValue
                            || envelope.type == EventType.ledgerKeyRotated.rawValue,
                            let vkey = envelope.data?["vkey"]?.stringValue
                        {
                            verdict.keyHistory.append((seq, vkey))
                        }
                        if envelope.type == EventType.ledgerContentWithheld.rawValue,
                            let target = envelope.data?["seq"]?.numberValue,
                            let targetSeq = UInt64(target.text)
                        {
                            verdict.withheldEvents[targetSeq] = seq
                        }
                    }
                    verdict.leaves.append(frame.leafHash)
                    prev = frame.leafHash
                    verdict.count += 1
                    if record.flags.contains(.endsBatch) {
                        verdict.batchEnd = verdict.count
                        verdict.batchEndOffset = frame.end
                        verdict.tailEnds.removeAll()
                    } else {
                        verdict.tailEnds.append(frame.end)
                    }
                }
                guard let stop else {
                    windowStart += window.count
                    continue
                }
                if case .truncated = stop, windowStart + window.count < fileSize {
                    windowStart = stop.offset
                } else {
                    verdict.stop = stop
                }
            }
        } catch let failure as Failure {
            verdict.failure = failure
            return verdict
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.io, "\(name): \(error)")
        }
        if !contents.atEnd { verdict.orphanContent = (contents.offset, try contents.peek()?.seq) }
        return verdict
    }

    func chainFailure(name: String, offset: Int, seq: UInt64, found: Hash, expected: Hash) -> Failure {
        fail(
            .chainLink,
            "\(name) byte \(offset): record \(seq) links to \(found.hexPrefix()) but the record before it hashes to "
                + "\(expected.hexPrefix())",
            file: name,
            offset: offset,
            seq: seq,
            expected: expected.hexPrefix(),
            found: found.hexPrefix()
        )
    }
}
