import Foundation
public import LedgerCore

/// The writer of a ledger directory: durable, all-or-nothing appends with group commit, crash recovery on open,
/// key changes and withholding of content.
///
/// One process at a time holds a ledger for writing (``WriterLock``). Within the process, `append` may be called
/// from many threads: calls that arrive while a sync is in flight are committed together with one `fdatasync`.
///
/// An append is acknowledged when `append` returns: its records and content were written and flushed with
/// `fdatasync`, and any file created for them was made durable with an `fsync` of its directory. A failed sync
/// stops the writer for good (``LedgerError/Code/syncFailed``); reopen the ledger to recover.
///
/// The state that appends change lives in one ``LedgerWriter``, reached only through ``SerializedWriter``.
public final class Ledger: Sendable {
    public let layout: LedgerLayout
    public let metadata: LedgerMetadata
    public let options: LedgerOptions
    /// What `open` repaired.
    public var recovery: RecoveryReport { serialized.whileIdle { $0.recovery } }
    let serialized: SerializedWriter
    /// Held for the whole of a key rotation or retirement, so that two cannot interleave (two retirements could
    /// otherwise each leave the other's key as the last one, and remove both).
    let keyChanges = NSLock()

    init(_ writer: LedgerWriter) {
        layout = writer.layout
        metadata = writer.metadata
        options = writer.options
        serialized = SerializedWriter(writer)
    }

    deinit { close() }

    /// The number of records.
    public var size: UInt64 { serialized.whileIdle { $0.state.size } }

    /// The RFC 6962 root of the whole ledger.
    public var rootHash: Hash { serialized.whileIdle { $0.state.frontier.root(using: $0.sha) } }

    /// Releases the files and the lock. Appending afterwards fails.
    public func close() {
        serialized.whileIdle { $0.close() }
    }

    /// Calls `observer` after every commit with the time its `fdatasync` calls took (content and segment), for a
    /// service's metrics. It runs on the committing thread, inside the commit: it must return at once.
    public func observeSyncs(_ observer: @escaping @Sendable (Duration) -> Void) {
        serialized.whileIdle { $0.syncObserver = observer }
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
        return try serialized.commit([events])[0].get()
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
            for (index, result) in zip(positions, serialized.commit(accepted)) { results[index] = result }
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
        try serialized.commit([events.map(PreparedEvent.init)])[0].get()
    }

    /// The writer's clock as an event time, for the events the ledger writes itself.
    func now() -> Timestamp { Timestamp(Timestamp.format(unixMillis: options.clock()))! }

    // MARK: Checkpoints

    /// The latest signed checkpoint (C2SP tlog-checkpoint in a signed note), covering every acknowledged record.
    public var checkpoint: [UInt8] { serialized.whileIdle { $0.state.checkpoint } }

    /// The verifier keys of the keys that sign new checkpoints.
    public var verifierKeys: [String] { serialized.whileIdle { $0.checkpointSigner.signers.map(\.vkey) } }

    /// A signed checkpoint of the ledger at an earlier `size`. Its root comes from the tree files and is accepted
    /// only if a consistency proof from it to the latest signed root verifies, so the ledger never signs anything
    /// inconsistent with what it signed before.
    public func signedCheckpoint(size: UInt64) throws(LedgerError) -> [UInt8] {
        try serialized.exclusively { writer throws(LedgerError) in try writer.signedCheckpoint(size: size) }
    }
}
