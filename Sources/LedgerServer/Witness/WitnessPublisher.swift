import LedgerCore
import LedgerStorage
import Logging
import Synchronization

/// The server's one task that pushes checkpoints to the witnesses, and the checkpoint `GET /checkpoint` serves.
///
/// A commit only calls ``wake()``, which never waits: acknowledgements of appends do not depend on witnesses.
/// ``run()`` then pushes the newest signed checkpoint (``LatestCheckpoint``) in one ``LedgerStorage/WitnessPool``
/// round at a time; commits that arrive during a round are coalesced into one next round, with the newest
/// checkpoint of all. A round that misses the quorum is followed by another one after `retryInterval` even without
/// a commit. After each round the published checkpoint (the newest that met the quorum, with its
/// cosignature lines) is kept in memory, so that reads never touch the disk or wait for a round.
final class WitnessPublisher: Sendable {
    private let pool: WitnessPool
    private let latest: LatestCheckpoint
    private let metrics: ServerMetrics
    private let logger: Logger
    private let retryInterval: Duration
    private let retry = Mutex<Task<Void, Never>?>(nil)
    private let published: Mutex<[UInt8]?>
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation

    /// A publisher for `pool` of the checkpoints in `latest`, trying a missed quorum again after `retryInterval`.
    ///
    /// - Throws: ``LedgerError`` `.corrupt` when the pool's published checkpoint on disk is damaged.
    init(
        pool: WitnessPool,
        latest: LatestCheckpoint,
        retryInterval: Duration,
        metrics: ServerMetrics,
        logger: Logger
    ) throws(LedgerError) {
        self.pool = pool
        self.retryInterval = retryInterval
        self.latest = latest
        self.metrics = metrics
        self.logger = logger
        let note = try pool.published()
        published = Mutex(note?.format())
        if let note, let checkpoint = try? Checkpoint(note: note) { metrics.witnessPublished(size: checkpoint.size) }
        let stream = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        wakeups = stream.stream
        wakeup = stream.continuation
    }

    /// The newest checkpoint that met the quorum, with its cosignatures; `nil` until one has.
    var note: [UInt8]? { published.withLock { $0 } }

    /// Asks for a round with the newest checkpoint: at once if none is running, else when the running one ends.
    func wake() { wakeup.yield() }

    /// Ends ``run()`` after the round in progress, if any, and drops a pending retry.
    func finish() {
        wakeup.finish()
        retry.withLock { task in
            task?.cancel()
            task = nil
        }
    }

    /// Pushes the newest checkpoint after each ``wake()``, one round at a time, until ``finish()`` or cancellation.
    func run() async {
        var pushedSize: UInt64?
        var metQuorum = false
        for await _ in wakeups {
            if Task.isCancelled { return }
            let note = latest.note
            guard let size = try? Checkpoint(note: Note.parse(note)).size else {
                logger.error("the ledger's latest checkpoint is not a signed checkpoint; nothing pushed to witnesses")
                continue
            }
            // Pushed already: a larger one, or this one with its quorum met.
            if let pushedSize, size < pushedSize || (size == pushedSize && metQuorum) { continue }
            pushedSize = size
            metQuorum = false
            do {
                let round = try await pool.push(checkpointNote: note)
                record(round)
                metQuorum = round.metQuorum
            } catch {
                metrics.witnessRoundFailed()
                logger.error("witness round for size \(size) failed: \(error)")
            }
            if !metQuorum { retryLater() }
        }
    }

    /// Wakes ``run()`` after `retryInterval` (a commit may wake it sooner).
    private func retryLater() {
        let interval = retryInterval
        retry.withLock { task in
            task?.cancel()
            task = Task { [self] in
                guard (try? await Task.sleep(for: interval)) != nil else { return }
                wake()
            }
        }
    }

    private func record(_ round: WitnessRound) {
        for result in round.results {
            metrics.witnessed(result)
            switch result.outcome {
            case .cosigned: break
            case .conflict(let why):
                logger.error("witness \(result.peer.name) at \(result.peer.url): conflict: \(why)")
            case .badSignature(let why), .failed(let why):
                logger.warning("witness \(result.peer.name) at \(result.peer.url): \(result.label): \(why)")
            }
        }
        if !round.metQuorum {
            let needed = "\(round.cosigned) of the \(round.quorum) cosignatures needed"
            logger.warning(
                "checkpoint \(round.checkpoint.size) has \(needed); /checkpoint keeps the last one that met it"
            )
        }
        guard let note = round.published, let checkpoint = try? Checkpoint(note: note) else { return }
        published.withLock { $0 = note.format() }
        metrics.witnessPublished(size: checkpoint.size)
    }
}
