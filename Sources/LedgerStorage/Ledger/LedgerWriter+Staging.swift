import LedgerCore

extension LedgerWriter {
    /// Whether the event of `digest` is in the ledger already (an append in progress checks its own ids too).
    func isRecorded(_ digest: IdDigest) throws(LedgerError) -> Bool {
        try ids.seq(of: digest) != nil
    }

    /// Starts loading where ``isRecorded(_:)`` will look for `digest`, a few events before it does.
    func prefetchRecorded(_ digest: IdDigest) {
        ids.prefetch(digest)
    }

    /// Refuses a batch that would write past ``LedgerOptions/maxFileOffset`` in a segment or content file once
    /// events of these sizes (their record bytes, and their content bytes if any) are staged after an append whose
    /// live segment and content file end at `segmentEnd` and `contentEnd`, segments sealed as the append goes
    /// (`batchSize`, for the message: how many events the batch has). Only a target segment size near that limit
    /// leaves a batch too large.
    func checkRoom(
        for sizes: some Sequence<(chain: Int, content: Int?)>,
        segmentEnd: UInt64,
        contentEnd: UInt64,
        batchSize: Int
    ) throws(LedgerError) {
        var segmentEnd = segmentEnd
        var contentEnd = contentEnd
        for size in sizes {
            if options.seals(segmentEnd: segmentEnd, contentEnd: contentEnd) {
                segmentEnd = UInt64(SegmentFormat.headerSize)
                contentEnd = 0
            }
            // A frame is its length (4 bytes), the record and the leaf hash.
            segmentEnd += UInt64(4 + Record.headerSize + size.chain + Hash.byteCount)
            if let content = size.content { contentEnd += UInt64(ContentFormat.prefixSize + content) }
        }
        guard segmentEnd <= options.maxFileOffset, contentEnd <= options.maxFileOffset else {
            throw LedgerError(
                .refused,
                "a batch of \(batchSize) events is too large for one append: it would take the live segment to "
                    + "\(segmentEnd) bytes and the content file to \(contentEnd), past the \(options.maxFileOffset) "
                    + "one append can reach; nothing was appended: append it in smaller batches (--batch N)"
            )
        }
    }

    /// Stages `event` (see ``stage(chain:content:isLedgerEvent:digest:endsBatch:now:into:)``).
    func stage(
        _ event: PreparedEvent,
        digest: IdDigest,
        endsBatch: Bool,
        now: Int64,
        into pending: inout PendingAppend
    ) throws(LedgerError) {
        try withRawBytes(event.chainBytes) { chain throws(LedgerError) in
            guard let content = event.contentBytes else {
                return try stage(
                    chain: chain,
                    content: nil,
                    isLedgerEvent: event.isLedgerEvent,
                    digest: digest,
                    endsBatch: endsBatch,
                    now: now,
                    into: &pending
                )
            }
            try withRawBytes(content) { content throws(LedgerError) in
                try stage(
                    chain: chain,
                    content: .unsalted(content),
                    isLedgerEvent: event.isLedgerEvent,
                    digest: digest,
                    endsBatch: endsBatch,
                    now: now,
                    into: &pending
                )
            }
        }
    }

    /// An event's content as it is staged.
    enum StagedContent {
        /// The content's bytes: the salt is drawn, and the commitment computed, as it is staged.
        case unsalted(UnsafeRawBufferPointer)
        /// Salt and content, and their commitment, prepared beforehand (``PreparedBatch``).
        case salted(UnsafeRawBufferPointer, commitment: Hash)
    }

    /// Stages one event, given by its record (`chain`) and content bytes, after `pending` — its content entry, its
    /// frame, its index entry and its tree nodes — first sealing the live segment if it is full (see
    /// ``sealIfFull(during:)``). `endsBatch` marks the last event of an all-or-nothing batch.
    func stage(
        chain: UnsafeRawBufferPointer,
        content: StagedContent?,
        isLedgerEvent: Bool,
        digest: IdDigest,
        endsBatch: Bool,
        now: Int64,
        into pending: inout PendingAppend
    ) throws(LedgerError) {
        try sealIfFull(during: &pending)
        var flags: Record.Flags = endsBatch ? [.endsBatch] : []
        if isLedgerEvent { flags.insert(.ledgerEvent) }
        var commitment = Hash.zero
        var contentOffset = RecordIndex.noContent
        if let content {
            flags.insert(.hasContent)
            contentOffset = UInt32(pending.contentEnd)
            switch content {
            case .unsalted(let content):
                commitment = ContentFormat.appendEntry(
                    seq: pending.seq,
                    salt: pending.nextSalt(),
                    content: content,
                    to: &pending.content,
                    sha: sha
                )
            case .salted(let saltedContent, let prepared):
                ContentFormat.appendEntry(seq: pending.seq, saltedContent: saltedContent, to: &pending.content)
                commitment = prepared
            }
        }
        let frameOffset = UInt32(pending.segmentEnd)
        let leaf = SegmentFormat.appendFrame(
            seq: pending.seq,
            flags: flags,
            appendedAtMillis: now,
            prev: pending.prev,
            contentCommitment: commitment,
            envelope: chain,
            to: &pending.segment,
            sha: sha
        )
        RecordIndex.append(
            RecordIndex.Entry(id: digest, frameOffset: frameOffset, contentOffset: contentOffset),
            to: &pending.index
        )
        pending.frontier.append(leaf, using: sha) { pending.treeNodes.add($0, $1) }
        pending.prev = leaf
        pending.seq += 1
    }

    /// Writes the staged content, then records, without a sync; on failure cuts the files back to where this append
    /// started (nothing of it stays).
    func write(_ pending: inout PendingAppend) throws(LedgerError) {
        let contentOffset = pending.contentBase + pending.writtenContent
        let segmentOffset = pending.segmentBase + pending.writtenSegment
        do {
            if !pending.content.isEmpty { try active.content.write(pending.content, at: contentOffset) }
            if !pending.segment.isEmpty { try active.segment.write(pending.segment, at: segmentOffset) }
        } catch {
            try undoPartialWrite(&pending)
            throw error
        }
        // The sync that makes these bytes durable comes later (at the commit, or when the segment is sealed): let
        // the disk start on them now, while the next ones are staged.
        if !pending.content.isEmpty { active.content.startWriteBack(at: contentOffset, count: pending.content.count) }
        if !pending.segment.isEmpty { active.segment.startWriteBack(at: segmentOffset, count: pending.segment.count) }
        pending.writtenContent += UInt64(pending.content.count)
        pending.writtenSegment += UInt64(pending.segment.count)
        pending.content.removeAll(keepingCapacity: true)
        pending.segment.removeAll(keepingCapacity: true)
    }

    /// Writes the tree nodes a large staged append has completed so far, ahead of its commit, so that they do not
    /// wait in memory (64 MB per 1,000,000 events). Derived data, and not acknowledged: a failed write leaves the
    /// nodes in memory for the commit to write after its sync, as every append's nodes are; nodes past the
    /// acknowledged tree are cut when the append is abandoned, and by the next open after a crash.
    func writeTreeAhead(_ pending: inout PendingAppend) {
        guard (try? tree.write(pending.treeNodes)) != nil else { return }
        pending.treeNodes.removeWritten()
    }

    /// Seals the live segment in the middle of an append once it (or its content file) has reached
    /// ``LedgerOptions/segmentRollBytes`` and holds a record, so that no segment grows past that target by more
    /// than one frame however large the append: what is staged for it is written and synced, then the next
    /// segment is created (header synced, directories synced) and the append goes on there. The sync comes first so
    /// that a segment followed by another is whole on disk after any crash: recovery can then tell a torn append
    /// that spans segments (quarantined) from damage (refused). Nothing is acknowledged until the append's end.
    private func sealIfFull(during pending: inout PendingAppend) throws(LedgerError) {
        guard options.seals(segmentEnd: pending.segmentEnd, contentEnd: pending.contentEnd) else { return }
        try write(&pending)
        let next: SegmentFiles
        do {
            if pending.writtenContent > 0 { try active.content.syncData() }
            try active.segment.syncData()
            next = try SegmentFiles.create(layout, firstSeq: pending.seq, origin: metadata.origin, sha: sha)
        } catch {
            if error.code != .syncFailed { try undoPartialWrite(&pending) }
            throw noting(error)
        }
        pending.filled.append(FilledSegment(files: active, index: pending.index))
        active = next
        pending.moveToNewSegment()
    }

    /// Whether the acknowledged records fill the live segment (or its content file), so that the next record
    /// starts a new one.
    var isLiveSegmentFull: Bool { options.seals(segmentEnd: state.segmentLength, contentEnd: state.contentLength) }

    /// Starts a new segment for an append that has staged nothing yet, `pending`, if the live one is full; called
    /// only once the append has an event, so that one that adds nothing leaves the files alone.
    func startSegmentIfDue(for pending: inout PendingAppend) throws(LedgerError) {
        guard isLiveSegmentFull else { return }
        try rollSegment()
        pending.segmentBase = state.segmentLength
        pending.contentBase = state.contentLength
    }

    /// Seals the active segment and starts a new one whose first record is the next sequence number.
    func rollSegment() throws(LedgerError) {
        let files: SegmentFiles
        do {
            files = try SegmentFiles.create(layout, firstSeq: state.size, origin: metadata.origin, sha: sha)
        } catch {
            throw noting(error)
        }
        active.close()
        active = files
        state.activeSegment = state.size
        state.segmentLength = UInt64(SegmentFormat.headerSize)
        state.contentLength = 0
    }

    /// After a failed write (disk full, file too large), or when a staged append is abandoned, removes the
    /// segments the append started (newest first, each segment file after its index and content, so that a crash
    /// midway leaves a torn append that recovery quarantines) and cuts the segment it began in back, so no bytes of
    /// the append stay behind; then the tree files back to the acknowledged tree.
    func undoPartialWrite(_ pending: inout PendingAppend) throws(LedgerError) {
        do {
            if let original = pending.filled.first {
                let started = pending.filled.dropFirst().map(\.files) + [active]
                for files in started.reversed() {
                    files.close()
                    SegmentFiles.remove(layout, firstSeq: files.firstSeq)
                }
                // Before anything can throw: the closed files must not stay reachable (as `active`, or in
                // `pending.filled`), or closing the writer, or the commit, would close them a second time.
                active = original.files
                pending.filled.removeAll()
                for directory in [layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory] {
                    try Directory.sync(directory, name: layout.relative(directory))
                }
            }
            try active.segment.truncate(to: state.segmentLength)
            try active.content.truncate(to: state.contentLength)
            // Durably: unsynced, the cut bytes could come back after a power loss under a later batch.
            try active.segment.syncData()
            try active.content.syncData()
            // Derived, so last and best effort: nodes left past the acknowledged tree are overwritten by the next
            // append's and cut by the next open.
            try? tree.truncate(toTreeSize: state.size)
        } catch {
            let stop = LedgerError(
                .writerStopped,
                "a write failed or a staged append was abandoned, and its bytes could not be removed durably; "
                    + "reopen the ledger to recover",
                cause: error
            )
            if stopped == nil { stopped = stop }
            throw stop
        }
    }
}
