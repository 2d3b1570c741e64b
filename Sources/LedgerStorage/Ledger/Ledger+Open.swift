public import LedgerCore
import SystemPackage

extension Ledger {
    /// Opens an existing ledger for writing, recovering from a crash if there was one.
    ///
    /// Recovery keeps every acknowledged record. Past the head (the last state the writer recorded), it accepts
    /// whole append batches whose frames hash correctly and continue the chain, across segments; what follows
    /// the last whole batch is a torn append: copied to `quarantine/`, cut off and synced, and the segments it
    /// had started removed (see ``RecoveryReport``). Anything else that is wrong — damage before the head, a bad
    /// or missing sealed segment, a damaged frame followed by another segment — is never repaired: `open` throws
    /// `.corrupt` and `groupledger verify` explains.
    ///
    /// - Throws: `.locked` when another process writes, `.corrupt`, `.notALedger`, `.missingInput`, `.io`.
    public static func open(at root: String, options: LedgerOptions = LedgerOptions()) throws(LedgerError) -> Ledger {
        let layout = LedgerLayout(root: root, keysDirectory: options.keyDirectory)
        let metadata = try LedgerMetadata.read(layout)
        try checkDirectories(layout)
        let lock = try WriterLock.acquire(layout, holder: options.lockHolder)
        let ledger: Ledger
        do {
            try removeSpools(layout)
            ledger = try recover(layout: layout, metadata: metadata, options: options, lock: lock)
        } catch {
            lock.release()
            throw error
        }
        do {
            ledger.recovery.finishedKeyChanges = try ledger.completeKeyChanges()
        } catch {
            ledger.close()
            throw error
        }
        return ledger
    }

    private static func recover(
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        options: LedgerOptions,
        lock: WriterLock
    ) throws(LedgerError) -> Ledger {
        let sha = SHA256()
        let head = try HeadFile.open(layout)
        guard let saved = try head.read(sha: sha) else {
            head.close()
            throw LedgerError(
                .corrupt,
                "head: neither slot holds a valid head; the ledger cannot be opened for "
                    + "writing (run `groupledger verify` to check the records)"
            )
        }
        var segments = try SegmentList.read(layout)
        do { try narrowModes(layout, segments: segments) } catch {
            head.close()
            throw error
        }
        guard let startIndex = segments.firstIndex(of: saved.activeSegment) else {
            head.close()
            throw LedgerError(
                .corrupt,
                "head names segment \(layout.segmentName(saved.activeSegment)), which is missing"
            )
        }
        let signers: [Ed25519NoteSigner]
        do {
            signers = try LogKeys.load(layout)
            try checkCheckpoint(saved, origin: metadata.origin, signers: signers, sha: sha)
        } catch {
            head.close()
            throw error
        }
        var report = RecoveryReport()
        var state = saved
        var index = [UInt64: [RecordIndex.Entry]]()
        // Closed if a later step fails; on success the writer owns them.
        var openedTree: TreeStore?
        var openedIds: IdIndex?
        do {
            try checkSealed(
                layout,
                segments: Array(segments[..<startIndex]),
                next: saved.activeSegment,
                origin: metadata.origin,
                sha: sha
            )
            var cursor = TailCursor(
                seq: saved.activeSegment,
                leaf: saved.lastLeaf,
                wholeEnd: (startIndex, Int(saved.segmentLength))
            )
            for position in startIndex..<segments.count {
                let first = segments[position]
                index[first] = try scanTail(
                    layout,
                    first: first,
                    segmentPosition: position,
                    isLast: position == segments.count - 1,
                    committed: first == saved.activeSegment ? saved : nil,
                    state: &state,
                    cursor: &cursor,
                    origin: metadata.origin,
                    sha: sha
                )
            }
            try cutTornAppend(layout, segments: &segments, after: cursor.wholeEnd, report: &report)
            for first in index.keys where !segments.contains(first) { index[first] = nil }
            state.activeSegment = segments.last!
            state.segmentLength = UInt64(cursor.wholeEnd.offset)
            index[state.activeSegment] = index[state.activeSegment].map {
                Array($0.prefix(Int(state.size - state.activeSegment)))
            }
            report.lastGoodSeq = state.size == 0 ? 0 : state.size - 1
            report.recoveredRecords = state.size - saved.size
            try truncateOrphanContent(layout, state: &state, report: &report)
            for (first, entries) in index {
                try writeIndex(layout, first: first, entries: entries)
            }
            let tree = try TreeStore(layout, writable: true)
            openedTree = tree
            // Every node is rehashed unless the last writer's close vouched for the files as they are (D7: a hash
            // changed mid-level passes the cheap check); from now on this writer changes them, so the note goes.
            let vouched = TreeStore.checkIsCurrent(layout, size: state.size)
            TreeStore.distrust(layout)
            var damaged = try !tree.matches(state.frontier)
            if !damaged && !vouched { damaged = try tree.firstInconsistency(state.frontier, sha: sha) != nil }
            if damaged {
                try rebuildTree(tree, layout: layout, segments: segments, size: state.size, sha: sha)
                report.rebuiltTree = true
            }
            let ids = try IdIndex.load(
                layout,
                segments: segments,
                size: state.size,
                runSize: options.idRunSize,
                tree: tree
            )
            openedIds = ids
            if state.size != saved.size {
                state.checkpoint = try signCheckpoint(
                    origin: metadata.origin,
                    size: state.size,
                    root: state.frontier.root(using: sha),
                    signers: signers
                )
            }
            // Recovery changed what the head says: record it. Otherwise the head on disk is already right, and an
            // open that appends nothing (a refused import) leaves it byte for byte as it was.
            if state != saved {
                state.generation += 1
                try head.write(state, sha: sha, durably: true)
            }
            let first = state.activeSegment
            let active = ActiveFiles(
                firstSeq: first,
                segment: try LedgerFile.open(
                    layout.segmentPath(first),
                    name: layout.relative(layout.segmentPath(first)),
                    .readWrite
                ),
                content: try LedgerFile.open(
                    layout.contentPath(first),
                    name: layout.relative(layout.contentPath(first)),
                    .readWrite
                ),
                index: try LedgerFile.open(
                    layout.indexPath(first),
                    name: layout.relative(layout.indexPath(first)),
                    .readWrite
                ),
                indexLength: UInt64((index[first]?.count ?? 0) * RecordIndex.entrySize)
            )
            return Ledger(
                layout: layout,
                metadata: metadata,
                options: options,
                recovery: report,
                state: state,
                active: active,
                ids: ids,
                head: head,
                tree: tree,
                signers: signers,
                lock: lock
            )
        } catch {
            head.close()
            openedTree?.close()
            openedIds?.close()
            throw error
        }
    }

    /// The ledger never signs a checkpoint inconsistent with one it signed before: the head's checkpoint must
    /// carry a valid signature of one of the keys and describe exactly the head's size and root, or the writer
    /// refuses to open.
    private static func checkCheckpoint(
        _ head: HeadState,
        origin: String,
        signers: [Ed25519NoteSigner],
        sha: SHA256
    ) throws(LedgerError) {
        if head.checkpoint.isEmpty && head.size == 0 { return }
        let checkpoint: Checkpoint
        do {
            let note = try Note.open(head.checkpoint, using: signers.map(\.verifier))
            checkpoint = try Checkpoint(note: note.note)
        } catch {
            throw LedgerError(
                .corrupt,
                "head: the last signed checkpoint does not verify with keys/ (\(error)); "
                    + "the keys or the head were replaced"
            )
        }
        let root = head.frontier.root(using: sha)
        guard checkpoint.origin == origin, checkpoint.size == head.size, checkpoint.rootHash == root else {
            throw LedgerError(
                .corrupt,
                "head: the last signed checkpoint (size \(checkpoint.size), root "
                    + "\(checkpoint.rootHash.hexPrefix())) disagrees with the head (size \(head.size), root "
                    + "\(root.hexPrefix())); the ledger will not sign anything inconsistent with it"
            )
        }
    }

    /// Rewrites the tree files from the leaf hashes stored in the segments' frames (checked while reading).
    private static func rebuildTree(
        _ tree: TreeStore,
        layout: LedgerLayout,
        segments: [UInt64],
        size: UInt64,
        sha: SHA256
    ) throws(LedgerError) {
        try tree.truncate(toTreeSize: 0)
        var frontier = MerkleFrontier()
        for first in segments {
            let path = layout.segmentPath(first)
            let name = layout.relative(path)
            let file = try LedgerFile.open(path, name: name, .readOnly)
            let bytes = try file.readAll()
            file.close()
            var nodes = TreeRuns()
            let stop = try withRawBytes(bytes) { buffer throws(LedgerError) in
                FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) { frame, _ in
                    if frontier.size < size { frontier.append(frame.leafHash, using: sha) { nodes.add($0, $1) } }
                }
            }
            if let stop, frontier.size < size {
                throw LedgerError(
                    .corrupt,
                    "\(name): damaged frame at byte \(stop.offset) (\(stop.description))",
                    at: .init(file: name, offset: stop.offset)
                )
            }
            try tree.write(nodes)
        }
    }

    /// Checks the sealed segments before the head's cheaply: headers, record counts from the index, and that each
    /// ends where its index says. Full re-hashing is `verify`'s job.
    private static func checkSealed(
        _ layout: LedgerLayout,
        segments: [UInt64],
        next: UInt64,
        origin: String,
        sha: SHA256
    ) throws(LedgerError) {
        for (position, first) in segments.enumerated() {
            let following = position + 1 < segments.count ? segments[position + 1] : next
            let name = layout.relative(layout.segmentPath(first))
            let file = try LedgerFile.open(layout.segmentPath(first), name: name, .readOnly)
            defer { file.close() }
            let header = try file.read(at: 0, count: min(SegmentFormat.headerSize, Int(try file.size())))
            if let problem = SegmentFormat.headerProblem(header, expectedFirstSeq: first, origin: origin, sha: sha) {
                throw LedgerError(.corrupt, "\(name): \(problem)", at: .init(file: name))
            }
            let expectedCount = Int(following - first)
            // The index is derived and unsynced: if it does not lead to the end of the segment (after a power cut
            // it can have the right size and zeroed entries), rebuild it from the segment before judging.
            if let indexed = try lastFrameOffset(layout, first: first, expectedCount: expectedCount),
                try sealedSegment(file, endsAfterFrameAt: indexed)
            {
                continue
            }
            let entries = try rebuildIndex(layout, first: first, sha: sha)
            guard entries.count == expectedCount else {
                throw LedgerError(
                    .corrupt,
                    "\(name) holds \(entries.count) records but the next segment starts at "
                        + "seq \(following): records \(first + UInt64(entries.count))..<\(following) are missing"
                )
            }
            guard try sealedSegment(file, endsAfterFrameAt: UInt64(entries.last!.frameOffset)) else {
                throw LedgerError(
                    .corrupt,
                    "\(name) is \(try file.size()) bytes but its last record ends earlier: a sealed segment was "
                        + "extended"
                )
            }
            try writeIndex(layout, first: first, entries: entries)
        }
    }

    /// Whether the frame at `offset` is the last thing in `file`.
    private static func sealedSegment(_ file: LedgerFile, endsAfterFrameAt offset: UInt64) throws(LedgerError) -> Bool {
        let size = try file.size()
        guard offset + 4 <= size else { return false }
        let length = UInt64(BigEndian.read(UInt32.self, from: try file.read(at: offset, count: 4), at: 0))
        return offset + 4 + length + UInt64(Hash.byteCount) == size
    }

    /// The frame offset of a sealed segment's last record, read from its index file, or `nil` when the index does
    /// not hold exactly `expectedCount` entries (then it is rebuilt from the segment).
    private static func lastFrameOffset(
        _ layout: LedgerLayout,
        first: UInt64,
        expectedCount: Int
    ) throws(LedgerError) -> UInt64? {
        let path = layout.indexPath(first)
        guard expectedCount > 0, Directory.exists(path) else { return nil }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        guard try file.size() == UInt64(expectedCount * RecordIndex.entrySize) else { return nil }
        let bytes = try file.read(at: UInt64((expectedCount - 1) * RecordIndex.entrySize + 16), count: 4)
        return UInt64(BigEndian.read(UInt32.self, from: bytes, at: 0))
    }

    /// Where the scan of the segments from the head's on stands: the next seq and the leaf of the last intact
    /// record (whole batches or not), the leaves after the last whole batch, and the segment position and byte
    /// where the last whole batch, or the head's committed part, ends.
    private struct TailCursor {
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
    private static func scanTail(
        _ layout: LedgerLayout,
        first: UInt64,
        segmentPosition: Int,
        isLast: Bool,
        committed: HeadState?,
        state: inout HeadState,
        cursor: inout TailCursor,
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
    private static func cutTornAppend(
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
            for companion in [layout.indexPath(first), layout.contentPath(first), path] {
                Directory.removeFile(companion)
            }
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
    private static func truncateOrphanContent(
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

    /// Writes a segment's index file in full (it is derived data, so no sync).
    static func writeIndex(_ layout: LedgerLayout, first: UInt64, entries: [RecordIndex.Entry]) throws(LedgerError) {
        let contentOffsets = try contentOffsets(layout, first: first)
        var bytes = [UInt8]()
        bytes.reserveCapacity(entries.count * RecordIndex.entrySize)
        for (position, var entry) in entries.enumerated() {
            entry.contentOffset = contentOffsets[first + UInt64(position)] ?? RecordIndex.noContent
            RecordIndex.append(entry, to: &bytes)
        }
        let path = layout.indexPath(first)
        let file = try LedgerFile.open(
            path,
            name: layout.relative(path),
            .writeOnly,
            options: [.create],
            permissions: LedgerLayout.segmentMode
        )
        defer { file.close() }
        try file.write(bytes, at: 0)
        try file.truncate(to: UInt64(bytes.count))
    }

    static func contentOffsets(_ layout: LedgerLayout, first: UInt64) throws(LedgerError) -> [UInt64: UInt32] {
        let path = layout.contentPath(first)
        guard Directory.exists(path) else { return [:] }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        var offsets: [UInt64: UInt32] = [:]
        _ = ContentFormat.scan(try file.readAll()) { offsets[$0.seq] = UInt32($0.offset) }
        return offsets
    }

    /// Rebuilds a sealed segment's index from its records.
    static func rebuildIndex(
        _ layout: LedgerLayout,
        first: UInt64,
        sha: SHA256
    ) throws(LedgerError)
        -> [RecordIndex.Entry]
    {
        let path = layout.segmentPath(first)
        let name = layout.relative(path)
        let file = try LedgerFile.open(path, name: name, .readOnly)
        defer { file.close() }
        let bytes = try file.readAll()
        let decoder = EnvelopeDecoder()
        var entries: [RecordIndex.Entry] = []
        let stop = try withRawBytes(bytes) { buffer throws(LedgerError) in
            try FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) {
                frame,
                record throws(LedgerError) in
                let (seq, _) = Record.peekSeqAndPrev(record)
                let envelope = try decoder.decodeStored(Array(record[Record.headerSize...]), seq: seq)
                entries.append(
                    RecordIndex.Entry(
                        id: IdDigest(id: envelope.id, sha: sha),
                        frameOffset: UInt32(frame.offset),
                        contentOffset: RecordIndex.noContent
                    )
                )
            }
        }
        if let stop {
            throw LedgerError(
                .corrupt,
                "\(name): damaged frame at byte \(stop.offset) (\(stop.description))",
                at: .init(file: name, offset: stop.offset)
            )
        }
        return entries
    }
}
