import Foundation
public import LedgerCore

extension Ledger {
    /// Starts one all-or-nothing append that is fed in pieces, for batches too large to hold in memory (a whole
    /// import): see ``StagedAppend``. Other appends wait until it is committed or abandoned.
    ///
    /// A staged append belongs to the thread that began it until its commit or abandonment, so it cannot be begun
    /// in async code, whose tasks move between threads at each `await`.
    ///
    /// - Throws: ``LedgerError`` `.writerStopped` after an earlier failure.
    @available(*, noasync, message: "a staged append belongs to one thread; begin it in synchronous code")
    public func beginStagedAppend() throws(LedgerError) -> StagedAppend {
        let writer = serialized.acquire(for: .stagedAppend)
        do {
            try writer.checkRunning()
        } catch {
            serialized.release()
            throw error
        }
        return StagedAppend(ledger: self, writer: writer)
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
/// abandon it before closing the ledger: until then that thread must not call the ledger's other methods (they
/// would wait for this append to end), and the process stops with a message if it does.
public final class StagedAppend {
    /// Staged bytes are written once this many wait in memory (the records and content of about 2,500 events). With
    /// 4 MiB the kernel's time for a million events was often several times as long (BENCHMARKS.md, "Staged
    /// writes of 1 MiB").
    static let writeThreshold = 1 << 20
    /// How many events ahead the id lookups' table slots are prefetched: enough to cover a memory access.
    static let lookAhead = 8

    /// Kept alive while this append holds its writer: a ledger released meanwhile would wait in its `deinit` for
    /// the writer to be free, forever on this thread.
    private let ledger: Ledger
    /// The writer, held alone from the start of this append to its commit or abandonment.
    private let writer: LedgerWriter
    /// What is staged. Only ever passed `inout` or read a field at a time: passing it by value would copy it (a
    /// retain and release of every buffer it holds) at each call.
    private var pending: PendingAppend
    /// The newest event, staged when the next one arrives or at the commit, whichever knows if it ends the batch:
    /// its entry, in the batch being added or, between two calls, in `lastBatch`.
    private var last: (entry: PreparedBatch.Entry, digest: IdDigest)?
    private var lastBatch = PreparedBatch()
    private var appended = 0
    private var duplicates = 0
    private let firstSeq: UInt64
    private let now: Int64
    private var finished = false

    init(ledger: Ledger, writer: LedgerWriter) {
        self.ledger = ledger
        self.writer = writer
        pending = PendingAppend(after: writer.state)
        firstSeq = pending.seq
        now = writer.options.clock()
    }

    deinit { if !finished { abandon() } }

    /// Stages `events` after the ones added before (see ``add(_:)-(PreparedBatch)``).
    public func add(_ events: [PreparedEvent]) throws(LedgerError) {
        try add(PreparedBatch(events, sha: writer.sha))
    }

    /// Stages the events of `batch` after the ones added before.
    ///
    /// - Throws: ``LedgerError`` `.badInput` for an event that poses as one of the ledger's own (a `ledger.` type
    ///   or a `ledger:` id), `.refused` when the batch would pass ``LedgerOptions/maxFileOffset``, `.io` if a
    ///   write failed or a new segment could not be started; either way the whole staged append is abandoned,
    ///   and nothing of it stays (a segment it started stays, empty). It cannot be used after that.
    public func add(_ batch: PreparedBatch) throws(LedgerError) {
        precondition(!finished, "add after the staged append was committed or abandoned")
        do throws(LedgerError) {
            var lastIsInBatch = false
            for entry in batch.entries.prefix(StagedAppend.lookAhead) { prefetchLookups(of: entry) }
            for (position, entry) in batch.entries.enumerated() {
                if position + StagedAppend.lookAhead < batch.entries.count {
                    prefetchLookups(of: batch.entries[position + StagedAppend.lookAhead])
                }
                if entry.isFlagged, let event = batch.flagged[position] {
                    try Ledger.checkInput(event, position: appended + duplicates)
                }
                let digest = IdDigest(hash: entry.idHash)
                if try writer.isRecorded(digest) || pending.newIds.seq(of: digest) != nil {
                    duplicates += 1
                    continue
                }
                if let last, lastIsInBatch {
                    try withRawBytes(batch.bytes) { bytes throws(LedgerError) in
                        try stage(last.entry, in: bytes, digest: last.digest, endsBatch: false)
                    }
                } else if let last {
                    try withRawBytes(lastBatch.bytes) { bytes throws(LedgerError) in
                        try stage(last.entry, in: bytes, digest: last.digest, endsBatch: false)
                    }
                } else {
                    try writer.startSegmentIfDue(for: &pending)
                }
                let chain = entry.chainEnd - entry.chainStart
                let content = entry.hasContent ? entry.contentEnd - entry.chainEnd - PreparedBatch.saltSize : nil
                try writer.checkRoom(
                    for: CollectionOfOne((chain, content)),
                    segmentEnd: pending.segmentEnd,
                    contentEnd: pending.contentEnd,
                    batchSize: appended + 1
                )
                pending.newIds.insert(digest, seq: pending.seq)
                last = (entry, digest)
                lastIsInBatch = true
                appended += 1
                if pending.segment.count + pending.content.count >= StagedAppend.writeThreshold {
                    try writer.write(&pending)
                    writer.writeTreeAhead(&pending)
                }
            }
            // The newest event waits for the next call or the commit: keep the bytes it is in.
            if lastIsInBatch { lastBatch = batch }
        } catch {
            abandon()
            throw error
        }
    }

    /// Starts loading the id-table slots where `entry`'s duplicate check will look.
    private func prefetchLookups(of entry: PreparedBatch.Entry) {
        let digest = IdDigest(hash: entry.idHash)
        writer.prefetchRecorded(digest)
        pending.newIds.prefetch(digest)
    }

    /// Stages `entry`, whose batch's bytes are `bytes`: an event outside the `ledger.` namespace, since
    /// ``add(_:)-(PreparedBatch)`` refuses the others. (It takes the bytes, not the batch: a batch chosen by a
    /// condition would be copied, a retain and release of each of its buffers for every event.)
    private func stage(
        _ entry: PreparedBatch.Entry,
        in bytes: UnsafeRawBufferPointer,
        digest: IdDigest,
        endsBatch: Bool
    ) throws(LedgerError) {
        try writer.stage(
            chain: UnsafeRawBufferPointer(rebasing: bytes[entry.chainStart..<entry.chainEnd]),
            content: entry.hasContent
                ? .salted(
                    UnsafeRawBufferPointer(rebasing: bytes[entry.chainEnd..<entry.contentEnd]),
                    commitment: entry.contentCommitment
                ) : nil,
            isLedgerEvent: false,
            digest: digest,
            endsBatch: endsBatch,
            now: now,
            into: &pending
        )
    }

    /// Makes every staged event durable and visible, with one sync and one signed checkpoint.
    ///
    /// - Returns: what was appended; `firstSeq` is `nil` when every event was a duplicate.
    /// - Throws: ``LedgerError`` as ``Ledger/append(_:)`` does; nothing of the append is then acknowledged.
    public func commit() throws(LedgerError) -> AppendResult {
        precondition(!finished, "commit after the staged append was committed or abandoned")
        finished = true
        defer { ledger.serialized.release() }
        guard appended > 0 else {
            return AppendResult(appended: 0, duplicates: duplicates, firstSeq: nil, size: pending.seq)
        }
        if let last {
            try withRawBytes(lastBatch.bytes) { bytes throws(LedgerError) in
                try stage(last.entry, in: bytes, digest: last.digest, endsBatch: true)
            }
        }
        try writer.persist(&pending)
        return AppendResult(
            appended: appended,
            duplicates: duplicates,
            firstSeq: firstSeq,
            size: pending.seq,
            checkpoint: writer.stopped == nil ? writer.state.checkpoint : nil
        )
    }

    /// Drops everything staged: the live segment and content file are cut back to where they were. After a failed
    /// flush (the writer has stopped) the files are left alone, as after every failed `fdatasync`: the next open
    /// quarantines the unfinished append.
    public func abandon() {
        guard !finished else { return }
        finished = true
        defer { ledger.serialized.release() }
        if pending.hasWritten, writer.stopped == nil { try? writer.undoPartialWrite(&pending) }
    }
}
