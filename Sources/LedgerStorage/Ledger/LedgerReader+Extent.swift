public import LedgerCore
import SystemPackage

extension LedgerReader {
    /// The records a reader shows: those up to the head, then the records past the head that the writer adopts
    /// when it next opens, with warnings for people.
    ///
    /// Past the head, the writer keeps whole append batches (up to a record flagged `endsBatch`) that continue
    /// the chain. Such records are there after a crash that lost the head write, while an append is in progress,
    /// or when someone lowered the head to hide them: a reader that stopped at the head would hide from an
    /// inspection records that the next writer makes part of the ledger. So readers read them too, and say so.
    public struct Extent: Sendable {
        /// The head the writer last recorded.
        public let head: HeadState
        /// Readers show records `0..<size`: the head's, plus ``pastHead``.
        public let size: UInt64
        /// Records past the head, in whole append batches that continue the chain.
        public var pastHead: UInt64 { size - head.size }
        /// What a reader found that people must be told (records past the head, a head whose checkpoint is
        /// missing or names another size or root), one sentence each.
        public let warnings: [String]
    }

    /// Reads the head and scans past it for the whole append batches that the writer adopts when it next opens.
    ///
    /// Cheap when the head is current: only the bytes after the head's committed length are read. The scan checks
    /// each frame's hash, the sequence numbers and the `prev` chain from the head's last leaf; it stops at the
    /// first record that does not continue it, and keeps only whole batches. The head's checkpoint is compared with
    /// the head (origin, size, root), not its signature: that is `groupledger verify`'s job.
    ///
    /// - Throws: `.corrupt` when the head is unreadable, `.io`.
    public func extent() throws(LedgerError) -> Extent {
        let sha = SHA256()
        let head = try head()
        var warnings: [String] = []
        if let problem = checkpointProblem(head, sha: sha) { warnings.append(problem) }
        let size = try adoptedSize(after: head, sha: sha)
        if size > head.size {
            warnings.append(
                "\(size - head.size) records past the head (records \(head.size)..<\(size)) are included: the head "
                    + "was not advanced after them (an append in progress, a crash, or the head was lowered); they "
                    + "continue the chain in whole append batches, so the writer adopts them when it next opens, but "
                    + "the head's signed checkpoint covers only records 0..<\(head.size); run `groupledger verify`"
            )
        }
        return Extent(head: head, size: size, warnings: warnings)
    }

    /// Why the head's checkpoint does not describe the head, or `nil` when it does.
    private func checkpointProblem(_ head: HeadState, sha: SHA256) -> String? {
        if head.checkpoint.isEmpty {
            guard head.size > 0 else { return nil }
            return "the head records \(head.size) records but carries no signed checkpoint: it was not written by "
                + "the writer; run `groupledger verify`"
        }
        guard let note = try? Note.parse(head.checkpoint), let checkpoint = try? Checkpoint(note: note) else {
            return "the head's checkpoint is not a signed checkpoint note; run `groupledger verify`"
        }
        let root = head.frontier.root(using: sha)
        guard checkpoint.origin == metadata.origin, checkpoint.size == head.size, checkpoint.rootHash == root else {
            return "the head's signed checkpoint (size \(checkpoint.size), root \(checkpoint.rootHash.hexPrefix())) "
                + "does not describe the head (size \(head.size), root \(root.hexPrefix())); run `groupledger verify`"
        }
        return nil
    }

    /// The size the writer would have after adopting the whole batches past `head` that continue the chain.
    private func adoptedSize(after head: HeadState, sha: SHA256) throws(LedgerError) -> UInt64 {
        let segments = try SegmentList.read(layout)
        guard let start = segments.firstIndex(of: head.activeSegment) else { return head.size }
        var size = head.size
        // The chain as read so far, whole batches or not: an append may span segments.
        var chainSeq = head.size
        var chainLeaf = head.lastLeaf
        for first in segments[start...] {
            let isHeads = first == head.activeSegment
            guard isHeads || first == chainSeq else { break }
            let path = layout.segmentPath(first)
            let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
            defer { file.close() }
            let fileSize = try file.size()
            if !isHeads {
                let header = try file.read(upTo: SegmentFormat.headerSize, at: 0)
                guard
                    SegmentFormat.headerProblem(header, expectedFirstSeq: first, origin: metadata.origin, sha: sha)
                        == nil
                else { break }
            }
            let from = isHeads ? head.segmentLength : UInt64(SegmentFormat.headerSize)
            guard fileSize > from else { continue }
            let bytes = try file.read(upTo: Int(fileSize - from), at: from)
            var broken = false
            let stop = try withRawBytes(bytes) { buffer in
                FrameScanner(sha: sha).scan(buffer, from: 0, base: Int(from)) { frame, record in
                    guard !broken else { return }
                    let (seq, prev) = Record.peekSeqAndPrev(record)
                    guard seq == chainSeq, prev == chainLeaf else {
                        broken = true
                        return
                    }
                    chainSeq += 1
                    chainLeaf = frame.leafHash
                    if record[1] & Record.Flags.endsBatch.rawValue != 0 { size = chainSeq }
                }
            }
            // A damaged or cut frame ends what the writer adopts: it quarantines the torn append (or, followed by
            // more segments, refuses to open). An unfinished batch may go on in the next segment.
            if broken || stop != nil { break }
        }
        return size
    }
}
