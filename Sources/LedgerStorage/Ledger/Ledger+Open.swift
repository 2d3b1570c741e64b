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
            let finished = try ledger.completeKeyChanges()
            ledger.serialized.whileIdle { $0.recovery.finishedKeyChanges = finished }
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
        var segments: [UInt64]
        do {
            segments = try SegmentList.read(layout)
            try narrowModes(layout, segments: segments)
        } catch {
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
        let signer: CheckpointSigner
        do {
            signer = CheckpointSigner(origin: metadata.origin, signers: try LogKeys.load(layout))
            try signer.checkLatest(saved, sha: sha)
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
            try SealedSegmentCheck.check(
                layout,
                segments: Array(segments[..<startIndex]),
                next: saved.activeSegment,
                origin: metadata.origin,
                sha: sha
            )
            var cursor = TailRecovery.Cursor(
                seq: saved.activeSegment,
                leaf: saved.lastLeaf,
                wholeEnd: (startIndex, Int(saved.segmentLength))
            )
            for position in startIndex..<segments.count {
                let first = segments[position]
                index[first] = try TailRecovery.scan(
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
            try TailRecovery.cutTornAppend(layout, segments: &segments, after: cursor.wholeEnd, report: &report)
            for first in index.keys where !segments.contains(first) { index[first] = nil }
            state.activeSegment = segments.last!
            state.segmentLength = UInt64(cursor.wholeEnd.offset)
            index[state.activeSegment] = index[state.activeSegment].map {
                Array($0.prefix(Int(state.size - state.activeSegment)))
            }
            report.lastGoodSeq = state.size == 0 ? 0 : state.size - 1
            report.recoveredRecords = state.size - saved.size
            try TailRecovery.truncateOrphanContent(layout, state: &state, report: &report)
            for (first, entries) in index {
                try DerivedFiles.writeIndex(layout, first: first, entries: entries)
            }
            let tree = try TreeStore(layout, writable: true)
            openedTree = tree
            // Every node is rehashed unless the last writer's close vouched for the files as they are (D7: a hash
            // changed mid-level passes the cheap check); from now on this writer changes them, so the note goes.
            let vouched = TreeStore.checkIsCurrent(layout, size: state.size)
            TreeStore.distrust(layout)
            // A large append writes its tree nodes as it goes: one that never became durable left nodes past the
            // acknowledged tree, which are not part of it.
            try tree.truncate(toTreeSize: state.size)
            var damaged = try !tree.matches(state.frontier)
            if !damaged && !vouched { damaged = try tree.firstInconsistency(state.frontier, sha: sha) != nil }
            if damaged {
                try DerivedFiles.rebuildTree(tree, layout: layout, segments: segments, size: state.size, sha: sha)
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
                state.checkpoint = try signer.sign(size: state.size, root: state.frontier.root(using: sha))
            }
            // Recovery changed what the head says: record it. Otherwise the head on disk is already right, and an
            // open that appends nothing (a refused import) leaves it byte for byte as it was.
            if state != saved {
                state.generation += 1
                try head.write(state, sha: sha, durably: true)
            }
            let active = try SegmentFiles.open(
                layout,
                firstSeq: state.activeSegment,
                indexEntries: index[state.activeSegment]?.count ?? 0
            )
            let writer = LedgerWriter(
                layout: layout,
                metadata: metadata,
                options: options,
                state: state,
                active: active,
                ids: ids,
                head: head,
                tree: tree,
                checkpointSigner: signer,
                lock: lock
            )
            writer.recovery = report
            return Ledger(writer)
        } catch {
            head.close()
            openedTree?.close()
            openedIds?.close()
            throw error
        }
    }
}
