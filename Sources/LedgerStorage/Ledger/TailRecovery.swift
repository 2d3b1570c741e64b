import LedgerCore
import SystemPackage

/// How `open` recovers the records past the head: it accepts whole batches that continue the chain, across
/// segments, and quarantines the torn append after the last of them.
enum TailRecovery {
    /// Where the scan of the segments from the head's on stands: the next seq and the leaf of the last intact
    /// record (whole batches or not), the leaves after the last whole batch, and the segment position and byte
    /// where the last whole batch, or the head's committed part, ends.
    struct Cursor {
        var seq: UInt64
        var leaf: Hash
        var tentative: [Hash] = []
        var wholeEnd: (position: Int, offset: Int)
    }

    /// Scans one segment from its start, checks the committed part against the head, and accepts whole batches
    /// past it into `state`, carrying an unfinished batch on to the next segment in `cursor`. Returns the index
    /// entries of every intact record (the caller keeps those of the accepted ones).
    ///
    /// A damaged frame followed by another segment is damage, not a torn write: the writer syncs a segment before
    /// it creates the next one, so every segment but the last is whole on disk after a crash.
    static func scan(
        _ layout: LedgerLayout,
        first: UInt64,
        segmentPosition: Int,
        isLast: Bool,
        committed: HeadState?,
        state: inout HeadState,
        cursor: inout Cursor,
        origin: String,
        sha: SHA256
    ) throws(LedgerError) -> [RecordIndex.Entry] {
        let path = layout.segmentPath(first)
        let name = layout.relative(path)
        let file = try LedgerFile.open(path, name: name, .readOnly)
        defer { file.close() }
        let bytes = try file.readAll()
        if let problem = SegmentFormat.headerProblem(bytes, expectedFirstSeq: first, origin: origin, sha: sha) {
            // A segment created just before a crash may have a torn header; it cannot hold acknowledged records,
            // and it is part of the torn append that `cutTornAppend` removes.
            guard isLast, committed == nil, first == cursor.seq else {
                throw LedgerError(.corrupt, "\(name): \(problem)", at: .init(file: name))
            }
            return []
        }
        if committed == nil, first != cursor.seq {
            throw LedgerError(
                .corrupt,
                "\(name) starts at seq \(first) but the records before it end at seq \(cursor.seq)",
                at: .init(file: name, seq: first)
            )
        }
        let existingIndex = (try? RecordIndex.read(layout, first: first)) ?? []
        let committedEnd = committed.map { Int($0.segmentLength) } ?? SegmentFormat.headerSize
        var entries: [RecordIndex.Entry] = []
        var expectedSeq = first
        var previousLeaf: Hash? = committed == nil ? cursor.leaf : nil
        var lastCommittedLeaf: Hash?
        let decoder = EnvelopeDecoder()
        let stop: FrameScanner.Stop? = try withRawBytes(bytes) { buffer throws(LedgerError) in
            try FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) {
                frame,
                record throws(LedgerError) in
                let (seq, prev) = Record.peekSeqAndPrev(record)
                guard seq == expectedSeq else {
                    throw LedgerError(
                        .corrupt,
                        "\(name): the record at byte \(frame.offset) has seq \(seq) where "
                            + "\(expectedSeq) was expected",
                        at: .init(file: name, offset: frame.offset, seq: seq)
                    )
                }
                if let previousLeaf, prev != previousLeaf {
                    throw LedgerError(
                        .corrupt,
                        "\(name): record \(seq) at byte \(frame.offset) links to "
                            + "\(prev.hexPrefix()) but record \(seq - 1) hashes to \(previousLeaf.hexPrefix())",
                        at: .init(file: name, offset: frame.offset, seq: seq)
                    )
                }
                expectedSeq += 1
                previousLeaf = frame.leafHash
                let position = Int(seq - first)
                var entry: RecordIndex.Entry
                if position < existingIndex.count, existingIndex[position].frameOffset == UInt32(frame.offset) {
                    entry = existingIndex[position]
                } else {
                    let envelope = try decoder.decodeStored(Array(record[Record.headerSize...]), seq: seq)
                    entry = RecordIndex.Entry(
                        id: IdDigest(id: envelope.id, sha: sha),
                        frameOffset: UInt32(frame.offset),
                        contentOffset: RecordIndex.noContent
                    )
                }
                entries.append(entry)
                if frame.end <= committedEnd {
                    lastCommittedLeaf = frame.leafHash
                    return
                }
                // Past the head: keep whole batches only, which may have begun in an earlier segment.
                cursor.tentative.append(frame.leafHash)
                if record[1] & Record.Flags.endsBatch.rawValue != 0 {
                    for leaf in cursor.tentative { _ = state.frontier.append(leaf, using: sha) }
                    state.size = seq + 1
                    state.lastLeaf = frame.leafHash
                    cursor.wholeEnd = (segmentPosition, frame.end)
                    cursor.tentative.removeAll()
                }
            }
        }
        if let committed, committed.size > first {
            guard committedEnd <= bytes.count, lastCommittedLeaf == committed.lastLeaf else {
                throw LedgerError(
                    .corrupt,
                    "\(name): the head records \(committed.size) records ending at byte "
                        + "\(committedEnd) with leaf \(committed.lastLeaf.hexPrefix()), but the segment "
                        + (committedEnd > bytes.count ? "is only \(bytes.count) bytes long" : "disagrees")
                        + "; acknowledged records were altered or removed",
                    at: .init(file: name, offset: UInt64(committedEnd))
                )
            }
        }
        if let stop, stop.offset < committedEnd {
            throw LedgerError(
                .corrupt,
                "\(name): damaged frame at byte \(stop.offset) inside acknowledged records "
                    + "(\(stop.description))",
                at: .init(file: name, offset: stop.offset, seq: expectedSeq)
            )
        }
        if let stop, !isLast {
            throw LedgerError(
                .corrupt,
                "\(name): damaged frame at byte \(stop.offset) (\(stop.description)), and later segments exist: a "
                    + "segment is synced before the next one is started, so this is damage, not a torn write",
                at: .init(file: name, offset: stop.offset, seq: expectedSeq)
            )
        }
        cursor.seq = expectedSeq
        if let previousLeaf { cursor.leaf = previousLeaf }
        return entries
    }

    /// Removes the torn append after the last whole batch, which ends at byte `wholeEnd.offset` of segment
    /// `segments[wholeEnd.position]`: the segments after that one, newest first (each copied whole to
    /// `quarantine/`, then its index, content and segment files removed), then the tail of that segment (copied,
    /// cut, synced). In this order a crash during recovery leaves a torn append that the next open removes.
    static func cutTornAppend(
        _ layout: LedgerLayout,
        segments: inout [UInt64],
        after wholeEnd: (position: Int, offset: Int),
        report: inout RecoveryReport
    ) throws(LedgerError) {
        while segments.count > wholeEnd.position + 1 {
            let first = segments.removeLast()
            let path = layout.segmentPath(first)
            let name = layout.relative(path)
            let file = try LedgerFile.open(path, name: name, .readOnly)
            let bytes = try file.readAll()
            file.close()
            try quarantine(layout, bytes: bytes[...], from: name, offset: 0, report: &report)
            SegmentFiles.remove(layout, firstSeq: first)
            for directory in [layout.indexDirectory, layout.contentDirectory, layout.segmentsDirectory] {
                try Directory.sync(directory, name: layout.relative(directory))
            }
            report.removedSegments.insert(name, at: 0)
        }
        let path = layout.segmentPath(segments[wholeEnd.position])
        let name = layout.relative(path)
        let file = try LedgerFile.open(path, name: name, .readWrite)
        defer { file.close() }
        let size = Int(try file.size())
        guard size > wholeEnd.offset else { return }
        let tail = try file.read(upTo: size - wholeEnd.offset, at: UInt64(wholeEnd.offset))
        try quarantine(layout, bytes: tail[...], from: name, offset: wholeEnd.offset, report: &report)
        try file.truncate(to: UInt64(wholeEnd.offset))
        try file.syncData()
    }

    private static func quarantine(
        _ layout: LedgerLayout,
        bytes: ArraySlice<UInt8>,
        from name: String,
        offset: Int,
        report: inout RecoveryReport
    ) throws(LedgerError) {
        let stem = name.split(separator: "/").last.map(String.init) ?? name
        let fileName = "\(stem).\(offset).\(SystemClock.unixMillis()).torn"
        let path = layout.quarantineDirectory + "/" + fileName
        let file = try LedgerFile.open(
            path,
            name: "quarantine/" + fileName,
            .writeOnly,
            options: [.create, .exclusiveCreate],
            permissions: FilePermissions(rawValue: 0o600)
        )
        defer { file.close() }
        try file.write(Array(bytes), at: 0)
        try file.syncData()
        try Directory.sync(layout.quarantineDirectory, name: "quarantine")
        report.quarantinedBytes += bytes.count
        report.quarantineFile = "quarantine/" + fileName
    }

    /// Cuts content entries of the active segment that belong to records that were never acknowledged.
    static func truncateOrphanContent(
        _ layout: LedgerLayout,
        state: inout HeadState,
        report: inout RecoveryReport
    ) throws(LedgerError) {
        let path = layout.contentPath(state.activeSegment)
        let file = try LedgerFile.open(path, name: layout.relative(path), .readWrite)
        defer { file.close() }
        let bytes = try file.readAll()
        var keep = 0
        _ = ContentFormat.scan(bytes) { entry in
            if entry.seq < state.size && entry.offset == keep { keep = entry.end }
        }
        if keep < bytes.count {
            try file.truncate(to: UInt64(keep))
            try file.syncData()
            report.truncatedContentBytes = bytes.count - keep
        }
        state.contentLength = UInt64(keep)
    }
}
