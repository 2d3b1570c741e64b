import Foundation
import LedgerCore

/// The writer's state and the code that changes it: the head state, the live segment's files, the id index, the
/// tree files, the signing keys, and whether the writer stopped.
///
/// Never shared: ``SerializedWriter`` holds the only reference and lets one thread at a time use it, so nothing
/// here locks. Its extensions (staging, segments) live beside it and are the only other code that touches its
/// state.
final class LedgerWriter {
    let layout: LedgerLayout
    let metadata: LedgerMetadata
    let options: LedgerOptions
    let sha = SHA256()

    /// What the head records: every acknowledged record, where the live segment ends, the latest checkpoint.
    var state: HeadState
    /// The live segment's files.
    var active: SegmentFiles
    /// The ids of every record, for idempotent appends.
    var ids: IdIndex
    /// Why the writer stopped for good (a failed flush, a close); every later append fails with it.
    var stopped: LedgerError?
    var checkpointSigner: CheckpointSigner
    /// What `open` repaired.
    var recovery = RecoveryReport()
    /// Told how long each commit's `fdatasync` calls took.
    var syncObserver: (@Sendable (Duration) -> Void)?
    private var closed = false
    private let head: HeadFile
    /// The tree's level files: written after each append's sync, and by a large staged append as it goes (see
    /// ``writeTreeAhead(_:)``).
    let tree: TreeStore
    private let lock: WriterLock

    init(
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        options: LedgerOptions,
        state: HeadState,
        active: SegmentFiles,
        ids: IdIndex,
        head: HeadFile,
        tree: TreeStore,
        checkpointSigner: CheckpointSigner,
        lock: WriterLock
    ) {
        self.layout = layout
        self.metadata = metadata
        self.options = options
        self.state = state
        self.active = active
        self.ids = ids
        self.head = head
        self.tree = tree
        self.checkpointSigner = checkpointSigner
        self.lock = lock
    }

    /// Stops the writer for good when `error` is a failed flush — a failed `fdatasync` is never retried, since the
    /// kernel may have dropped the dirty pages it could not write — and returns `error`.
    func noting(_ error: LedgerError) -> LedgerError {
        if error.code == .syncFailed, stopped == nil { stopped = error }
        return error
    }

    /// Throws why the writer stopped, if it did.
    func checkRunning() throws(LedgerError) {
        if let stopped { throw stopped }
    }

    /// Releases the files and the lock; appending afterwards fails.
    func close() {
        guard !closed else { return }
        closed = true
        if stopped == nil, ids.recentCount >= options.idRunAtClose { saveIdRun() }
        ids.close()
        active.close()
        head.close()
        tree.close()
        if stopped == nil { TreeStore.recordCheck(layout, size: state.size) }
        lock.release()
        if stopped == nil { stopped = LedgerError(.writerStopped, "this writer was closed") }
    }

    /// Saves the ids of the records since the last run as a run (see ``IdIndex``), so that memory stays flat and
    /// the next open reads them from one file. Derived data: a failure leaves the ids in memory, except a failed
    /// sync, which stops the writer as every failed sync does.
    private func saveIdRun() {
        do {
            try ids.saveRun(end: state.size, anchor: state.lastLeaf)
        } catch {
            _ = noting(error)
        }
    }

    /// The record that holds the event id `id`, if any.
    func seq(ofId id: String) throws(LedgerError) -> UInt64? {
        try ids.seq(of: IdDigest(id: id, sha: sha))
    }

    /// A signed checkpoint of the ledger at an earlier `size` (see ``CheckpointSigner/sign(earlier:latest:tree:sha:)``).
    func signedCheckpoint(size: UInt64) throws(LedgerError) -> [UInt8] {
        try checkpointSigner.sign(earlier: size, latest: state, tree: tree, sha: sha)
    }

    // MARK: Group commits

    /// Writes the batches of one group commit and syncs once; each batch gets its own result.
    func commit(_ batches: [[PreparedEvent]]) -> [Result<AppendResult, LedgerError>] {
        if let stopped { return batches.map { _ in .failure(stopped) } }
        do {
            return try writeGroup(batches).map { .success($0) }
        } catch {
            // One batch too large for an append: the others of its group are written on their own.
            if error.code == .refused, batches.count > 1 { return batches.flatMap { commit([$0]) } }
            return batches.map { _ in .failure(noting(error)) }
        }
    }

    private func writeGroup(_ batches: [[PreparedEvent]]) throws(LedgerError) -> [AppendResult] {
        var pending = PendingAppend(after: state)
        if batches.contains(where: { !$0.isEmpty }) { try startSegmentIfDue(for: &pending) }
        let contents = batches.reduce(0) { total, batch in total + batch.count { $0.contentBytes != nil } }
        pending.salts = SecureRandom.bytes(contents * ContentFormat.saltSize)
        let now = options.clock()
        var results: [AppendResult] = []
        for batch in batches {
            var fresh: [(PreparedEvent, IdDigest)] = []
            do {
                for event in batch {
                    let digest = IdDigest(event, sha: sha)
                    if try isRecorded(digest) || pending.newIds.seq(of: digest) != nil { continue }
                    pending.newIds.insert(digest, seq: pending.seq + UInt64(fresh.count))
                    fresh.append((event, digest))
                }
                try checkRoom(
                    for: fresh.lazy.map { event, _ in (event.chainBytes.count, event.contentBytes?.count) },
                    segmentEnd: pending.segmentEnd,
                    contentEnd: pending.contentEnd,
                    batchSize: fresh.count
                )
            } catch {
                // An earlier batch of the group may have filled and sealed segments already: remove its bytes, so
                // that nothing of the group stays and `active` is the segment `state` describes again.
                if pending.hasWritten { try undoPartialWrite(&pending) }
                throw error
            }
            let first = fresh.isEmpty ? nil : pending.seq
            for (position, (event, digest)) in fresh.enumerated() {
                try stage(event, digest: digest, endsBatch: position == fresh.count - 1, now: now, into: &pending)
            }
            results.append(
                AppendResult(
                    appended: fresh.count,
                    duplicates: batch.count - fresh.count,
                    firstSeq: first,
                    size: pending.seq
                )
            )
        }
        if pending.seq > state.size { try persist(&pending) }
        let checkpoint = stopped == nil ? state.checkpoint : nil
        return results.map { result in
            var result = result
            result.checkpoint = checkpoint
            return result
        }
    }

    /// Writes what is left, syncs content and segment, then updates the index, the tree and the head.
    func persist(_ pending: inout PendingAppend) throws(LedgerError) {
        defer { for filled in pending.filled { filled.files.close() } }
        try write(&pending)
        let syncing = ContinuousClock.now
        do {
            if pending.writtenContent > 0 { try active.content.syncData() }
            try active.segment.syncData()
        } catch {
            throw noting(error)
        }
        syncObserver?(ContinuousClock.now - syncing)
        // Acknowledged from here on: the rest is derived data and may lag after a crash.
        state.generation += 1
        state.size = pending.seq
        state.lastLeaf = pending.prev
        state.frontier = pending.frontier
        state.activeSegment = active.firstSeq
        state.segmentLength = pending.segmentBase + pending.writtenSegment
        state.contentLength = pending.contentBase + pending.writtenContent
        ids.absorb(&pending.newIds)
        do {
            for filled in pending.filled {
                try filled.files.index.write(filled.index, at: filled.files.indexLength)
            }
            try active.index.write(pending.index, at: active.indexLength)
            active.indexLength += UInt64(pending.index.count)
            try tree.write(pending.treeNodes)
            state.checkpoint = try checkpointSigner.sign(size: state.size, root: state.frontier.root(using: sha))
            try head.write(state, sha: sha)
        } catch {
            // The batch is durable and stays acknowledged; the derived files are now behind it. Stop here, with
            // the head not advanced, so that the next open adopts the batch and rebuilds what is missing.
            stopped = LedgerError(
                .writerStopped,
                "the last batch is durable, but the index, tree or head could not be written after it; reopen the "
                    + "ledger to rebuild them",
                cause: error
            )
            return
        }
        if ids.saveDue { saveIdRun() }
        startNextSegmentIfFull()
    }

    /// Starts the next segment right after the batch that filled the active one, rather than at the next append, so
    /// that the next open scans only the new, empty segment. The batch is durable either way. A failed sync stops
    /// the writer, as every failed sync does; another failure leaves the new segment to the next append.
    private func startNextSegmentIfFull() {
        guard isLiveSegmentFull else { return }
        do {
            try rollSegment()
            state.generation += 1
            try head.write(state, sha: sha)
        } catch {
            _ = noting(error)
        }
    }
}
