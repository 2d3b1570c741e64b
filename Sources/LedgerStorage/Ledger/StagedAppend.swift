import Foundation
public import LedgerCore

extension Ledger {
    /// Starts one all-or-nothing append that is fed in pieces, for batches too large to hold in memory (a whole
    /// import): see ``StagedAppend``. Other appends wait until it is committed or abandoned.
    ///
    /// - Throws: ``LedgerError`` `.writerStopped` after an earlier failure.
    public func beginStagedAppend() throws(LedgerError) -> StagedAppend {
        condition.lock()
        while writing { condition.wait() }
        writing = true
        condition.unlock()
        if let stopped {
            endStagedAppend()
            throw stopped
        }
        return StagedAppend(
            ledger: self,
            pending: startPending()
        )
    }

    /// Lets the next append in.
    func endStagedAppend() {
        condition.lock()
        writing = false
        condition.broadcast()
        condition.unlock()
    }
}

/// One append fed in pieces: ``add(_:)`` writes the records of each piece to the live segment (and their content
/// to the content file) as it goes, without a sync and without publishing them; ``commit()`` syncs once and
/// publishes them all, or ``abandon()`` cuts the files back. Memory stays small whatever the size of the batch:
/// only the index entries and tree nodes wait for the commit.
///
/// It is all or nothing like ``Ledger/append(_:)``, crashes included: only the last record carries the
/// `endsBatch` flag (it is encoded once the next event or the commit arrives), and recovery keeps whole batches
/// only, so a crash before the commit's sync leaves nothing of it. Readers see none of it before the commit.
/// Events already in the ledger, or added twice, are skipped and counted. Use it from one thread, and commit or
/// abandon it before closing the ledger.
public final class StagedAppend {
    /// Staged bytes are written once this many wait in memory.
    static let writeThreshold = 4 << 20

    private let ledger: Ledger
    private var pending: Ledger.Pending
    /// The newest event, staged when the next one arrives or at the commit, whichever knows if it ends the batch.
    private var last: (event: PreparedEvent, digest: IdDigest)?
    private var appended = 0
    private var duplicates = 0
    private let firstSeq: UInt64
    private let now: Int64
    private var finished = false

    init(ledger: Ledger, pending: Ledger.Pending) {
        self.ledger = ledger
        self.pending = pending
        firstSeq = pending.seq
        now = ledger.options.clock()
    }

    deinit { if !finished { abandon() } }

    /// Stages `events` after the ones added before.
    ///
    /// - Throws: ``LedgerError`` `.badInput` for an event that poses as one of the ledger's own (a `ledger.` type
    ///   or a `ledger:` id), `.refused` when the batch would pass ``LedgerOptions/maxFileOffset``, `.io` if a
    ///   write failed or a new segment could not be started; either way the whole staged append is abandoned,
    ///   and nothing of it stays (a segment it started stays, empty). It cannot be used after that.
    public func add(_ events: [PreparedEvent]) throws(LedgerError) {
        precondition(!finished, "add after the staged append was committed or abandoned")
        do throws(LedgerError) {
            for event in events {
                try Ledger.checkInput(event, position: appended + duplicates)
                let digest = IdDigest(event, sha: ledger.sha)
                if try ledger.ids.seq(of: digest) != nil || pending.newIds.seq(of: digest) != nil {
                    duplicates += 1
                    continue
                }
                if let last {
                    try stage(last, endsBatch: false)
                } else if ledger.options.seals(
                    segmentEnd: ledger.state.segmentLength,
                    contentEnd: ledger.state.contentLength
                ) {
                    // The first new event: start a new segment if one is due, and not before (a staged append
                    // that adds nothing leaves the files alone).
                    try ledger.rollSegment()
                    pending.segmentBase = ledger.state.segmentLength
                    pending.contentBase = ledger.state.contentLength
                }
                try ledger.checkRoom(for: CollectionOfOne(event), after: pending, batchSize: appended + 1)
                pending.newIds.insert(digest, seq: pending.seq)
                last = (event, digest)
                appended += 1
                if pending.segment.count + pending.content.count >= StagedAppend.writeThreshold {
                    try ledger.write(&pending)
                }
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Makes every staged event durable and visible, with one sync and one signed checkpoint.
    ///
    /// - Returns: what was appended; `firstSeq` is `nil` when every event was a duplicate.
    /// - Throws: ``LedgerError`` as ``Ledger/append(_:)`` does; nothing of the append is then acknowledged.
    public func commit() throws(LedgerError) -> AppendResult {
        precondition(!finished, "commit after the staged append was committed or abandoned")
        finished = true
        defer { ledger.endStagedAppend() }
        guard appended > 0 else {
            return AppendResult(appended: 0, duplicates: duplicates, firstSeq: nil, size: pending.seq)
        }
        do {
            if let last { try stage(last, endsBatch: true) }
            try ledger.persist(pending)
        } catch {
            if error.code == .syncFailed { ledger.stopped = error }
            throw error
        }
        return AppendResult(
            appended: appended,
            duplicates: duplicates,
            firstSeq: firstSeq,
            size: pending.seq,
            checkpoint: ledger.stopped == nil ? ledger.state.checkpoint : nil
        )
    }

    /// Drops everything staged: the live segment and content file are cut back to where they were.
    public func abandon() {
        guard !finished else { return }
        finished = true
        defer { ledger.endStagedAppend() }
        if pending.writtenSegment > 0 || pending.writtenContent > 0 || !pending.filled.isEmpty {
            try? ledger.undoPartialWrite(&pending)
        }
    }

    /// Stages one event, first sealing the live segment if it is full (see ``Ledger/sealIfFull(during:)``).
    private func stage(_ staged: (event: PreparedEvent, digest: IdDigest), endsBatch: Bool) throws(LedgerError) {
        var flags: Record.Flags = endsBatch ? [.endsBatch] : []
        if staged.event.isLedgerEvent { flags.insert(.ledgerEvent) }
        try ledger.sealIfFull(during: &pending)
        ledger.stage(staged.event, digest: staged.digest, flags: flags, now: now, into: &pending)
    }
}
