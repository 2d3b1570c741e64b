import Foundation
public import LedgerCore
import SystemPackage

/// The writer of a ledger directory: durable, all-or-nothing appends with group commit, crash recovery on open,
/// and withholding of content.
///
/// One process at a time holds a ledger for writing (``WriterLock``). Within the process, `append` may be called
/// from many threads: calls that arrive while a sync is in flight are committed together with one `fdatasync`.
///
/// An append is acknowledged when `append` returns: its records and content were written and flushed with
/// `fdatasync`, and any file created for them was made durable with an `fsync` of its directory. A failed sync
/// stops the writer for good (``LedgerError/Code/syncFailed``); reopen the ledger to recover.
public final class Ledger: @unchecked Sendable {
    public let layout: LedgerLayout
    public let metadata: LedgerMetadata
    public let options: LedgerOptions
    /// What `open` repaired.
    public internal(set) var recovery: RecoveryReport

    // Everything below is touched only by the thread that holds `writing` (see `exclusively`, and
    // `StagedAppend`, which holds it from its start to its commit).
    var state: HeadState
    private var active: ActiveFiles
    var ids: IdIndex
    var stopped: LedgerError?
    private var closed = false
    private let head: HeadFile
    private let tree: TreeStore
    var signers: [Ed25519NoteSigner]
    private let lock: WriterLock
    let sha = SHA256()

    let condition = NSCondition()
    var writing = false
    private var queue: [Ticket] = []
    /// Told how long each commit's `fdatasync` calls took; see ``observeSyncs(_:)``.
    private var syncObserver: (@Sendable (Duration) -> Void)?

    /// Batches waiting for a group commit, as one caller handed them in, and their results once it is done.
    private final class Ticket {
        let batches: [[PreparedEvent]]
        var results: [Result<AppendResult, LedgerError>]?
        init(_ batches: [[PreparedEvent]]) { self.batches = batches }
    }

    struct ActiveFiles {
        var firstSeq: UInt64
        var segment: LedgerFile
        var content: LedgerFile
        var index: LedgerFile
        var indexLength: UInt64

        func close() {
            segment.close()
            content.close()
            index.close()
        }
    }

    init(
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        options: LedgerOptions,
        recovery: RecoveryReport,
        state: HeadState,
        active: ActiveFiles,
        ids: IdIndex,
        head: HeadFile,
        tree: TreeStore,
        signers: [Ed25519NoteSigner],
        lock: WriterLock
    ) {
        self.layout = layout
        self.metadata = metadata
        self.options = options
        self.recovery = recovery
        self.state = state
        self.active = active
        self.ids = ids
        self.head = head
        self.tree = tree
        self.signers = signers
        self.lock = lock
    }

    deinit { close() }

    /// The number of records.
    public var size: UInt64 { whileIdle { state.size } }

    /// The RFC 6962 root of the whole ledger.
    public var rootHash: Hash { whileIdle { state.frontier.root(using: sha) } }

    /// Releases the files and the lock. Appending afterwards fails.
    public func close() {
        whileIdle {
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
    }

    /// Saves the ids of the records since the last run as a run (see ``IdIndex``), so that memory stays flat and
    /// the next open reads them from one file. Derived data: a failure leaves the ids in memory, except a failed
    /// sync, which stops the writer as every failed sync does.
    private func saveIdRun() {
        do {
            try ids.saveRun(end: state.size, anchor: state.lastLeaf)
        } catch {
            if error.code == .syncFailed { stopped = error }
        }
    }

    // MARK: Appending

    /// Appends `events` as one all-or-nothing batch. Events whose `id` is already in the ledger, or repeated within
    /// the batch, are skipped and counted.
    ///
    /// - Returns: what was appended, once it is durable.
    /// - Throws: ``LedgerError`` `.io` if a write failed (nothing of the batch is kept; the writer stays usable),
    ///   `.syncFailed` if a flush failed (the writer stops), `.writerStopped` after an earlier failure.
    public func append(_ events: [EventEnvelope]) throws(LedgerError) -> AppendResult {
        try append(prepared: events.map(PreparedEvent.init))
    }

    /// Appends events already reduced to their canonical bytes, as one all-or-nothing batch; see ``append(_:)``.
    ///
    /// - Throws: ``LedgerError`` `.badInput`, and nothing is appended, when an event has a type of the `ledger.`
    ///   namespace or an id starting with `ledger:`: those belong to the events the ledger writes itself.
    public func append(prepared events: [PreparedEvent]) throws(LedgerError) -> AppendResult {
        try Ledger.checkInput(events)
        return try enqueue([events])[0].get()
    }

    /// Appends several batches in one group commit — one `fdatasync` for all of them — each all or nothing on its
    /// own, and returns each batch's result in order, once durable. A batch refused (an event posing as the
    /// ledger's own, a batch too large) does not stop the others; an I/O or flush failure fails them all.
    ///
    /// This is how a service that gathers its callers' batches itself commits them together; callers on threads
    /// of their own can instead call ``append(prepared:)`` at once and share commits the same way.
    public func append(batches: [[PreparedEvent]]) -> [Result<AppendResult, LedgerError>] {
        var results = [Result<AppendResult, LedgerError>?](repeating: nil, count: batches.count)
        var accepted: [[PreparedEvent]] = []
        var positions: [Int] = []
        for (index, events) in batches.enumerated() {
            do throws(LedgerError) {
                try Ledger.checkInput(events)
                accepted.append(events)
                positions.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        if !accepted.isEmpty {
            for (index, result) in zip(positions, enqueue(accepted)) { results[index] = result }
        }
        return results.map { $0! }
    }

    /// Refuses a batch with an event that would pose as one of the ledger's own.
    static func checkInput(_ events: [PreparedEvent]) throws(LedgerError) {
        for (position, event) in events.enumerated() { try checkInput(event, position: position) }
    }

    /// Refuses an input event that would pose as one of the ledger's own (see ``OwnEvent``).
    static func checkInput(_ event: PreparedEvent, position: Int) throws(LedgerError) {
        if event.isLedgerEvent {
            throw LedgerError(
                .badInput,
                "event \(position + 1) of the batch (id \"\(event.id)\"): its type is in the \"ledger.\" namespace, "
                    + "which is reserved for events the ledger writes itself; nothing was appended"
            )
        }
        if let problem = EnvelopeRules.reservedIdProblem(event.id) {
            throw LedgerError(
                .badInput,
                "event \(position + 1) of the batch: its id \"\(event.id)\" \(problem); nothing was appended"
            )
        }
    }

    /// Appends events the ledger writes itself (`ledger.*` types under `ledger:` ids).
    func appendOwn(_ events: [EventEnvelope]) throws(LedgerError) -> AppendResult {
        try enqueue([events.map(PreparedEvent.init)])[0].get()
    }

    /// Queues batches for the next group commit and waits for their results: the first caller to find the writer
    /// idle commits every batch queued by then, its own among them, while the others wait.
    private func enqueue(_ batches: [[PreparedEvent]]) -> [Result<AppendResult, LedgerError>] {
        let ticket = Ticket(batches)
        condition.lock()
        queue.append(ticket)
        while ticket.results == nil {
            if writing {
                condition.wait()
                continue
            }
            writing = true
            let group = queue
            queue.removeAll()
            condition.unlock()
            var results = commit(group.flatMap(\.batches))[...]
            condition.lock()
            for waiting in group {
                waiting.results = Array(results.prefix(waiting.batches.count))
                results = results.dropFirst(waiting.batches.count)
            }
            writing = false
            condition.broadcast()
        }
        condition.unlock()
        return ticket.results!
    }

    /// Runs `body` while no append is in flight.
    private func exclusively<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        condition.lock()
        while writing { condition.wait() }
        writing = true
        condition.unlock()
        defer {
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// Runs `body`, which cannot fail, while no append is in flight and none can start.
    func whileIdle<T>(_ body: () -> T) -> T {
        condition.lock()
        while writing { condition.wait() }
        defer { condition.unlock() }
        return body()
    }

    /// Writes the batches of one group commit and syncs once.
    private func commit(_ batches: [[PreparedEvent]]) -> [Result<AppendResult, LedgerError>] {
        if let stopped { return batches.map { _ in .failure(stopped) } }
        do {
            return try writeGroup(batches).map { .success($0) }
        } catch {
            // One batch too large for an append: the others of its group are written on their own.
            if error.code == .refused, batches.count > 1 { return batches.flatMap { commit([$0]) } }
            if error.code == .syncFailed { stopped = error }
            return batches.map { _ in .failure(error) }
        }
    }

    /// What an append has staged and not yet published: record and content bytes not yet written (after
    /// `written…` bytes that were), and the derived data written once the batch is durable.
    struct Pending {
        var segment: [UInt8] = []
        var content: [UInt8] = []
        /// Where this append's bytes begin in the live segment and content file: their committed lengths in
        /// `state`, or the empty files' lengths once the append has moved on to a segment of its own.
        var segmentBase: UInt64
        var contentBase: UInt64
        /// Bytes of this append already written to the live segment and content file, after the bases (a staged
        /// append writes as it goes, and an append seals every segment it fills).
        var writtenSegment: UInt64 = 0
        var writtenContent: UInt64 = 0
        /// The live segment's index entries of this append, written once it is durable.
        var index: [UInt8] = []
        /// The segments this append filled and sealed before reaching its end, in order: written and synced,
        /// their index entries waiting for the acknowledgement. The first is the segment live when it began.
        var filled: [FilledSegment] = []
        var newIds = IdTable()
        var frontier: MerkleFrontier
        var treeNodes = TreeRuns()
        var seq: UInt64
        var prev: Hash
        /// Fresh random bytes for the content salts, drawn many salts at a time.
        var salts: [UInt8] = []
        var saltsUsed = 0

        /// Where the live segment and content file end once everything staged is written.
        var segmentEnd: UInt64 { segmentBase + writtenSegment + UInt64(segment.count) }
        var contentEnd: UInt64 { contentBase + writtenContent + UInt64(content.count) }

        mutating func nextSalt() -> ArraySlice<UInt8> {
            if saltsUsed == salts.count {
                salts = SecureRandom.bytes(256 * ContentFormat.saltSize)
                saltsUsed = 0
            }
            defer { saltsUsed += ContentFormat.saltSize }
            return salts[saltsUsed..<saltsUsed + ContentFormat.saltSize]
        }
    }

    /// A segment that an append filled and sealed before its end (see ``Pending/filled``).
    struct FilledSegment {
        var files: ActiveFiles
        var index: [UInt8]
    }

    /// An empty append that starts after the acknowledged records.
    func startPending() -> Pending {
        Pending(
            segmentBase: state.segmentLength,
            contentBase: state.contentLength,
            frontier: state.frontier,
            seq: state.size,
            prev: state.lastLeaf
        )
    }

    private func writeGroup(_ batches: [[PreparedEvent]]) throws(LedgerError) -> [AppendResult] {
        if options.seals(segmentEnd: state.segmentLength, contentEnd: state.contentLength),
            batches.contains(where: { !$0.isEmpty })
        {
            try rollSegment()
        }
        var pending = startPending()
        let contents = batches.reduce(0) { total, batch in total + batch.count { $0.contentBytes != nil } }
        pending.salts = SecureRandom.bytes(contents * ContentFormat.saltSize)
        let now = options.clock()
        var results: [AppendResult] = []
        for batch in batches {
            var fresh: [(PreparedEvent, IdDigest)] = []
            do {
                for event in batch {
                    let digest = IdDigest(event, sha: sha)
                    if try ids.seq(of: digest) != nil || pending.newIds.seq(of: digest) != nil { continue }
                    pending.newIds.insert(digest, seq: pending.seq + UInt64(fresh.count))
                    fresh.append((event, digest))
                }
                try checkRoom(for: fresh.lazy.map(\.0), after: pending, batchSize: fresh.count)
            } catch {
                // An earlier batch of the group may have filled and sealed segments already: remove its bytes, so
                // that nothing of the group stays and `active` is the segment `state` describes again.
                if !pending.filled.isEmpty || pending.writtenSegment > 0 || pending.writtenContent > 0 {
                    try undoPartialWrite(&pending)
                }
                throw error
            }
            let first = fresh.isEmpty ? nil : pending.seq
            for (position, (event, digest)) in fresh.enumerated() {
                var flags: Record.Flags = position == fresh.count - 1 ? [.endsBatch] : []
                if event.isLedgerEvent { flags.insert(.ledgerEvent) }
                try sealIfFull(during: &pending)
                stage(event, digest: digest, flags: flags, now: now, into: &pending)
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
        if pending.seq > state.size { try persist(pending) }
        let checkpoint = stopped == nil ? state.checkpoint : nil
        return results.map { result in
            var result = result
            result.checkpoint = checkpoint
            return result
        }
    }

    /// Refuses a batch that would write past ``LedgerOptions/maxFileOffset`` in a segment or content file once
    /// `events` are staged after `pending`, segments sealed as the append goes (`batchSize`, for the message: how
    /// many events the batch has). Only a target segment size near that limit leaves a batch too large.
    func checkRoom(
        for events: some Sequence<PreparedEvent>,
        after pending: Pending,
        batchSize: Int
    ) throws(LedgerError) {
        var segmentEnd = pending.segmentEnd
        var contentEnd = pending.contentEnd
        for event in events {
            if options.seals(segmentEnd: segmentEnd, contentEnd: contentEnd) {
                segmentEnd = UInt64(SegmentFormat.headerSize)
                contentEnd = 0
            }
            // A frame is its length (4 bytes), the record and the leaf hash.
            segmentEnd += UInt64(4 + Record.headerSize + event.chainBytes.count + Hash.byteCount)
            if let content = event.contentBytes { contentEnd += UInt64(ContentFormat.prefixSize + content.count) }
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

    func stage(
        _ event: PreparedEvent,
        digest: IdDigest,
        flags: Record.Flags,
        now: Int64,
        into pending: inout Pending
    ) {
        var flags = flags
        var commitment = Hash.zero
        var contentOffset = RecordIndex.noContent
        if let content = event.contentBytes {
            flags.insert(.hasContent)
            contentOffset = UInt32(pending.contentEnd)
            let salt = pending.nextSalt()
            commitment = ContentFormat.appendEntry(
                seq: pending.seq,
                salt: salt,
                content: content,
                to: &pending.content,
                sha: sha
            )
        }
        let frameOffset = UInt32(pending.segmentEnd)
        let leaf = SegmentFormat.appendFrame(
            Record(
                seq: pending.seq,
                flags: flags,
                appendedAtMillis: now,
                prev: pending.prev,
                contentCommitment: commitment,
                envelope: event.chainBytes
            ),
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

    /// Writes the staged content, then records, without a sync; on failure cuts the files back to where this
    /// append started (nothing of it stays).
    func write(_ pending: inout Pending) throws(LedgerError) {
        do {
            if !pending.content.isEmpty {
                try active.content.write(pending.content, at: pending.contentBase + pending.writtenContent)
            }
            if !pending.segment.isEmpty {
                try active.segment.write(pending.segment, at: pending.segmentBase + pending.writtenSegment)
            }
        } catch {
            try undoPartialWrite(&pending)
            throw error
        }
        pending.writtenContent += UInt64(pending.content.count)
        pending.writtenSegment += UInt64(pending.segment.count)
        pending.content.removeAll(keepingCapacity: true)
        pending.segment.removeAll(keepingCapacity: true)
    }

    /// Calls `observer` after every commit with the time its `fdatasync` calls took (content and segment), for a
    /// service's metrics. It runs on the committing thread, inside the commit: it must return at once.
    public func observeSyncs(_ observer: @escaping @Sendable (Duration) -> Void) {
        whileIdle { syncObserver = observer }
    }

    /// Seals the live segment in the middle of an append once it (or its content file) has reached
    /// ``LedgerOptions/segmentRollBytes`` and holds a record, so that no segment grows past that target by more
    /// than one frame however large the append: what is staged for it is written and synced, then the next
    /// segment is created (header synced, directories synced) and the append goes on there. The sync comes first so
    /// that a segment followed by another is whole on disk after any crash: recovery can then tell a torn append
    /// that spans segments (quarantined) from damage (refused). Nothing is acknowledged until the append's end.
    func sealIfFull(during pending: inout Pending) throws(LedgerError) {
        guard options.seals(segmentEnd: pending.segmentEnd, contentEnd: pending.contentEnd) else { return }
        try write(&pending)
        let next: ActiveFiles
        do {
            if pending.writtenContent > 0 { try active.content.syncData() }
            try active.segment.syncData()
            next = try Ledger.createSegmentFiles(layout, firstSeq: pending.seq, origin: metadata.origin, sha: sha)
        } catch {
            if error.code == .syncFailed {
                stopped = error
            } else {
                try undoPartialWrite(&pending)
            }
            throw error
        }
        pending.filled.append(FilledSegment(files: active, index: pending.index))
        active = next
        pending.index.removeAll()
        pending.segmentBase = UInt64(SegmentFormat.headerSize)
        pending.contentBase = 0
        pending.writtenSegment = 0
        pending.writtenContent = 0
    }

    /// Writes what is left, syncs content and segment, then updates the index and the head.
    func persist(_ pending: Pending) throws(LedgerError) {
        var pending = pending
        defer { for filled in pending.filled { filled.files.close() } }
        try write(&pending)
        let syncing = ContinuousClock.now
        if pending.writtenContent > 0 { try active.content.syncData() }
        try active.segment.syncData()
        syncObserver?(ContinuousClock.now - syncing)
        // Acknowledged from here on: the rest is derived data and may lag after a crash.
        state.generation += 1
        state.size = pending.seq
        state.lastLeaf = pending.prev
        state.frontier = pending.frontier
        state.activeSegment = active.firstSeq
        state.segmentLength = pending.segmentBase + pending.writtenSegment
        state.contentLength = pending.contentBase + pending.writtenContent
        pending.newIds.forEach { ids.insert($0, seq: $1) }
        do {
            for filled in pending.filled {
                try filled.files.index.write(filled.index, at: filled.files.indexLength)
            }
            try active.index.write(pending.index, at: active.indexLength)
            active.indexLength += UInt64(pending.index.count)
            try tree.write(pending.treeNodes)
            state.checkpoint = try Ledger.signCheckpoint(
                origin: metadata.origin,
                size: state.size,
                root: state.frontier.root(using: sha),
                signers: signers
            )
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
    /// that the next open scans only the new, empty segment: after a large import the full one can be gigabytes.
    /// The batch is durable either way. A failed sync stops the writer, as every failed sync does; another failure
    /// leaves the new segment to the next append.
    private func startNextSegmentIfFull() {
        guard options.seals(segmentEnd: state.segmentLength, contentEnd: state.contentLength) else { return }
        do {
            try rollSegment()
            state.generation += 1
            try head.write(state, sha: sha)
        } catch {
            if error.code == .syncFailed { stopped = error }
        }
    }

    /// After a failed write (disk full, file too large), or when a staged append is abandoned, removes the
    /// segments the append started (newest first, each segment file after its index and content, so that a crash
    /// midway leaves a torn append that recovery quarantines) and cuts the segment it began in back, so no bytes
    /// of the append stay behind.
    func undoPartialWrite(_ pending: inout Pending) throws(LedgerError) {
        do {
            if let original = pending.filled.first {
                let started = pending.filled.dropFirst().map(\.files) + [active]
                for files in started.reversed() {
                    files.close()
                    for path in [
                        layout.indexPath(files.firstSeq), layout.contentPath(files.firstSeq),
                        layout.segmentPath(files.firstSeq),
                    ] {
                        Directory.removeFile(path)
                    }
                }
                for directory in [layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory] {
                    try Directory.sync(directory, name: layout.relative(directory))
                }
                active = original.files
                pending.filled.removeAll()
            }
            try active.segment.truncate(to: state.segmentLength)
            try active.content.truncate(to: state.contentLength)
            // Durably: unsynced, the cut bytes could come back after a power loss under a later batch.
            try active.segment.syncData()
            try active.content.syncData()
        } catch {
            let stop = LedgerError(
                .writerStopped,
                "a write failed or a staged append was abandoned, and its bytes could not be removed durably; "
                    + "reopen the ledger to recover",
                cause: error
            )
            stopped = stop
            throw stop
        }
    }

    /// Seals the active segment and starts a new one whose first record is the next sequence number.
    func rollSegment() throws(LedgerError) {
        let files = try Ledger.createSegmentFiles(layout, firstSeq: state.size, origin: metadata.origin, sha: sha)
        active.close()
        active = files
        state.activeSegment = state.size
        state.segmentLength = UInt64(SegmentFormat.headerSize)
        state.contentLength = 0
    }

    /// Creates a segment (with its header, synced), its content and index files, and syncs their directories.
    static func createSegmentFiles(
        _ layout: LedgerLayout,
        firstSeq: UInt64,
        origin: String,
        sha: SHA256
    ) throws(LedgerError) -> ActiveFiles {
        func create(_ path: String, _ permissions: FilePermissions) throws(LedgerError) -> LedgerFile {
            try LedgerFile.open(
                path,
                name: layout.relative(path),
                .readWrite,
                options: [.create, .exclusiveCreate],
                permissions: permissions
            )
        }
        let paths = [layout.segmentPath(firstSeq), layout.contentPath(firstSeq), layout.indexPath(firstSeq)]
        let modes = [LedgerLayout.segmentMode, LedgerLayout.contentMode, LedgerLayout.segmentMode]
        var created: [LedgerFile] = []
        do {
            for (path, mode) in zip(paths, modes) { created.append(try create(path, mode)) }
            try created[0].write(SegmentFormat.header(firstSeq: firstSeq, origin: origin, sha: sha), at: 0)
            try created[0].syncData()
            try created[1].syncData()
            for directory in [layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory] {
                try Directory.sync(directory, name: layout.relative(directory))
            }
        } catch {
            // Remove what was created (it holds no record), so that the next attempt can create it again; after a
            // failed sync, touch nothing more: the writer stops, and the next open quarantines a torn segment.
            for file in created { file.close() }
            if error.code != .syncFailed {
                for path in paths.prefix(created.count) { Directory.removeFile(path) }
            }
            throw error
        }
        return ActiveFiles(
            firstSeq: firstSeq,
            segment: created[0],
            content: created[1],
            index: created[2],
            indexLength: 0
        )
    }

    /// The writer's clock as an event time, for the events the ledger writes itself.
    func now() -> Timestamp { Timestamp(Timestamp.format(unixMillis: options.clock()))! }

    // MARK: Checkpoints

    /// The latest signed checkpoint (C2SP tlog-checkpoint in a signed note), covering every acknowledged record.
    public var checkpoint: [UInt8] { whileIdle { state.checkpoint } }

    /// The verifier keys of the keys that sign new checkpoints.
    public var verifierKeys: [String] { whileIdle { signers.map(\.vkey) } }

    /// Signs the checkpoint of a tree of `size` leaves with root `root`, with every key.
    static func signCheckpoint(
        origin: String,
        size: UInt64,
        root: Hash,
        signers: [Ed25519NoteSigner]
    ) throws(LedgerError) -> [UInt8] {
        do {
            let checkpoint = try Checkpoint(origin: origin, size: size, rootHash: root)
            return try Note.sign(text: checkpoint.text, signers: signers).format()
        } catch {
            throw LedgerError(.corrupt, "cannot sign the checkpoint of size \(size): \(error)")
        }
    }

    /// A signed checkpoint of the ledger at an earlier `size`. Its root comes from the tree files and is accepted
    /// only if a consistency proof from it to the latest signed root verifies, so the ledger never signs anything
    /// inconsistent with what it signed before.
    public func signedCheckpoint(size: UInt64) throws(LedgerError) -> [UInt8] {
        try exclusively { () throws(LedgerError) in
            guard size <= state.size else {
                throw LedgerError(.notFound, "size \(size) is past the end; the ledger holds \(state.size) records")
            }
            if size == state.size { return state.checkpoint }
            let latest = state.frontier.root(using: sha)
            let root: Hash
            do {
                root = size == 0 ? SHA256.emptyTreeRoot : try Merkle.rootHash(size: size, reader: tree, sha: sha)
                let proof = try Merkle.consistencyProof(from: size, to: state.size, reader: tree, sha: sha)
                try Merkle.verifyConsistency(
                    oldSize: size,
                    newSize: state.size,
                    oldRoot: root,
                    newRoot: latest,
                    proof: proof,
                    sha: sha
                )
            } catch {
                throw LedgerError(
                    .corrupt,
                    "the tree files disagree with the signed root (\(error)); reopen the "
                        + "ledger to rebuild them and run `groupledger verify`"
                )
            }
            return try Ledger.signCheckpoint(origin: metadata.origin, size: size, root: root, signers: signers)
        }
    }

    // MARK: Withholding

    /// Destroys the salt and content of record `seq` and appends a `ledger.content_withheld` event citing it.
    ///
    /// The event is appended (and synced) first, then the content is overwritten with zeros and synced, so that a
    /// crash in between leaves a recorded intent that running `withhold` again completes. The record, its hash and
    /// every proof stay valid; only the content can no longer be read.
    ///
    /// - Returns: the sequence number of the withholding event.
    /// - Throws: `.badInput` when `reason` holds a control character, a line separator or a bidirectional control
    ///   (it would forge lines in what `show` and the reports print), or `actor` is not an identifier.
    public func withhold(seq: UInt64, reason: String, actor: String) throws(LedgerError) -> UInt64 {
        if let problem = EnvelopeRules.hiddenCharacterProblem(reason) {
            throw LedgerError(.badInput, "the reason for withholding record \(seq) \(problem); give it on one line")
        }
        if let problem = EnvelopeRules.identifierProblem(actor) {
            throw LedgerError(.badInput, "the actor ordering the withholding of record \(seq) \(problem)")
        }
        let reader = LedgerReader(layout: layout, metadata: metadata)
        let entry = try reader.contentEntry(seq: seq, headSize: size)
        guard let entry else {
            throw LedgerError(.refused, "record \(seq) has no content to withhold")
        }
        let eventSeq: UInt64
        switch try ownEvent(OwnEvent.withholdingId(of: seq), type: .ledgerContentWithheld) {
        case .recorded(let earlier, _):
            eventSeq = earlier
        case .absent(let id):
            let event = EventEnvelope(
                id: id,
                type: EventType.ledgerContentWithheld.rawValue,
                time: now(),
                actor: actor,
                data: .object(
                    JSONObject(members: [("reason", .string(reason)), ("seq", .number(JSONNumber(seq)))])
                )
            )
            guard let appended = try appendOwn([event]).firstSeq else {
                throw LedgerError(.corrupt, "the withholding event \(id) was neither found nor appended")
            }
            eventSeq = appended
        }
        try exclusively { () throws(LedgerError) in
            if let stopped { throw stopped }
            if !entry.isErased { try entry.erase(named: layout.relative(entry.path)) }
        }
        return eventSeq
    }
}
