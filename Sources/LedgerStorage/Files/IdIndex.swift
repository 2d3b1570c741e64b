import LedgerCore

/// The event ids of the ledger's records, for duplicate checks, in memory that does not grow with the ledger: the
/// ids of the newest records in an ``IdTable``, all older ones in sorted runs on disk (``IdRun``), of which only
/// a filter and a fence stay in memory (about 1.4 bytes per id).
///
/// Once the table holds `runSize` ids the writer saves them as a run; a run is merged with the one before it
/// while that one is less than twice its size, so a ledger of n records has about log₂(n / runSize) runs and an
/// id is rewritten about as many times in its life. The runs are derived data: whatever is missing, damaged or
/// of another history is rebuilt from the index files at open.
struct IdIndex {
    let layout: LedgerLayout
    /// How many recent ids the table holds before they are saved as a run.
    let runSize: Int
    /// The saved runs, oldest first, covering records `0..<recentFirst` without a gap.
    var runs: [IdRun] = []
    private var recent = IdTable()
    /// The table size at which the next save is tried: `runSize`, or `runSize` more after a save failed, so that
    /// a disk that refuses runs is not asked again (and the table not sorted again) for every record.
    private var nextSave: Int
    /// Set when a merge found a run's entries out of order (damage the open does not check): merges stop for
    /// this writer, and the two runs' files are removed so that the next open rebuilds their ids.
    private var mergesStopped = false
    private var closed = false

    init(_ layout: LedgerLayout, runSize: Int) {
        self.layout = layout
        self.runSize = max(1, runSize)
        nextSave = self.runSize
    }

    /// The first record whose id is in the table rather than in a run.
    var recentFirst: UInt64 { runs.last?.end ?? 0 }
    /// How many ids the table holds.
    var recentCount: Int { recent.count }
    /// Whether the table has grown enough to be saved as a run.
    var saveDue: Bool { recent.count >= nextSave }

    /// The seq of the first record with this id digest, if any.
    ///
    /// `mutating` only for the writer, which keeps the index in a class property: a non-mutating call there copied
    /// the whole index (a retain and release of each of its buffers) for every lookup, an inout access borrows it.
    ///
    /// - Throws: ``LedgerError`` `.io` when a run cannot be read, `.writerStopped` after ``close()``.
    mutating func seq(of digest: IdDigest) throws(LedgerError) -> UInt64? {
        guard !closed else { throw LedgerError(.writerStopped, "this writer was closed") }
        for run in runs {
            if let seq = try run.seq(of: digest) { return seq }
        }
        return recent.seq(of: digest)
    }

    /// Starts loading where ``seq(of:)`` will look for `digest` in the newest ids (see ``IdTable/prefetch(_:)``);
    /// `mutating` for the reason ``seq(of:)`` is.
    mutating func prefetch(_ digest: IdDigest) { recent.prefetch(digest) }

    /// Records `digest` at `seq`, the record after the ones recorded before; an id already present keeps its first
    /// seq.
    mutating func insert(_ digest: IdDigest, seq: UInt64) {
        recent.insert(digest, seq: seq)
    }

    /// Records the ids of an append that just became durable (`table`, whose records follow the ones recorded
    /// before): the larger of the two tables takes in the smaller, so that the ids of a large append are not
    /// inserted a second time into a table growing for them. `table` is left empty.
    mutating func absorb(_ table: inout IdTable) {
        if table.count > recent.count { swap(&recent, &table) }
        table.forEach { recent.insert($0, seq: $1) }
        table = IdTable()
    }

    /// Saves the table's ids, which are those of records `recentFirst..<end`, as a run, then merges runs of
    /// similar size. `anchor` is the leaf hash of record `end - 1`. On failure the ids stay in the table (and the
    /// next save waits for `runSize` more), and a failed merge leaves the runs it would have replaced.
    mutating func saveRun(end: UInt64, anchor: Hash) throws(LedgerError) {
        guard recent.count > 0 else { return }
        do {
            runs.append(try writeTable(end: end, anchor: anchor))
        } catch {
            nextSave = recent.count + runSize
            throw error
        }
        recent = IdTable()
        nextSave = runSize
        while !mergesStopped, runs.count >= 2, runs[runs.count - 2].count < 2 * runs[runs.count - 1].count {
            let older = runs[runs.count - 2]
            let newer = runs[runs.count - 1]
            let merged: IdRun
            do {
                merged = try merge(older, newer)
            } catch {
                if error.code == .corrupt {
                    mergesStopped = true
                    for run in [older, newer] { Directory.removeFile(run.path) }
                }
                throw error
            }
            for run in [older, newer] {
                run.close()
                Directory.removeFile(run.path)
            }
            runs.removeLast(2)
            runs.append(merged)
        }
    }

    /// Closes the runs' files; lookups fail afterwards.
    mutating func close() {
        for run in runs { run.close() }
        runs = []
        recent = IdTable()
        closed = true
    }

    /// The table as a run of records `recentFirst..<end`.
    private func writeTable(end: UInt64, anchor: Hash) throws(LedgerError) -> IdRun {
        let entries = recent.sortedByDigest()
        var writer = try IdRunWriter(layout, first: recentFirst, end: end, expected: entries.count)
        do {
            for entry in entries { try writer.append(entry.digest, seq: entry.seq) }
        } catch {
            writer.abandon()
            throw error
        }
        return try writer.finish(anchor: anchor)
    }

    /// One run holding the ids of two adjacent runs, written by streaming both in digest order.
    ///
    /// - Throws: ``LedgerError`` `.corrupt` when a run's entries are out of order (damaged), `.io` otherwise.
    private func merge(_ older: IdRun, _ newer: IdRun) throws(LedgerError) -> IdRun {
        var writer = try IdRunWriter(layout, first: older.first, end: newer.end, expected: older.count + newer.count)
        do {
            var olderIds = RunCursor(older)
            var newerIds = RunCursor(newer)
            merging: while true {
                switch (try olderIds.peek(), try newerIds.peek()) {
                case (nil, nil):
                    break merging
                case let (old?, new?) where !IdRun.orders(new.digest, before: old.digest):
                    try writer.append(old.digest, seq: old.seq)
                    olderIds.advance()
                case let (_, new?):
                    try writer.append(new.digest, seq: new.seq)
                    newerIds.advance()
                case let (old?, nil):
                    try writer.append(old.digest, seq: old.seq)
                    olderIds.advance()
                }
            }
        } catch {
            writer.abandon()
            throw error
        }
        // Outside the `do`: `finish` cleans up after itself, and its file must not be closed twice.
        return try writer.finish(anchor: newer.anchor)
    }

    /// A run's entries read a chunk at a time.
    private struct RunCursor {
        let run: IdRun
        private var chunk: [(digest: IdDigest, seq: UInt64)] = []
        private var position = 0
        private var nextEntry = 0

        init(_ run: IdRun) { self.run = run }

        mutating func peek() throws(LedgerError) -> (digest: IdDigest, seq: UInt64)? {
            if position == chunk.count {
                let bytes = try run.entryBytes(from: nextEntry, limit: 16_384)
                guard !bytes.isEmpty else { return nil }
                chunk = bytes.withUnsafeBytes { raw in
                    stride(from: 0, to: raw.count, by: IdRun.entrySize).map { offset in
                        (
                            IdRun.digest(in: raw, at: offset),
                            BigEndian.read(UInt64.self, from: raw, at: offset + 16)
                        )
                    }
                }
                nextEntry += chunk.count
                position = 0
            }
            return chunk[position]
        }

        mutating func advance() { position += 1 }
    }
}
