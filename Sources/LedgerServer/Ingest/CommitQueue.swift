import LedgerIngest
import NIOPosix
import Synchronization

/// Where request bodies wait for their durable commit.
///
/// Admission is bounded: at most `limit` bodies at once, from the first byte received to the answer; one more is
/// told to come back later (503 + `Retry-After`), so back-pressure never becomes memory growth or a 500. Sealed
/// bodies go to one ``GroupCommitter``: every body waiting when a commit starts shares its `fdatasync`, and a
/// request's task is suspended, not a thread blocked, until its own body is durable.
final class CommitQueue: Sendable {
    let limit: Int
    private let admitted = Mutex(0)
    private let committer: GroupCommitter
    /// Threads for blocking reads of what was just committed (proofs), off the event loops and the concurrency pool.
    private let readers: NIOThreadPool
    private let metrics: ServerMetrics

    init(committer: GroupCommitter, limit: Int, metrics: ServerMetrics) {
        self.committer = committer
        self.limit = limit
        self.metrics = metrics
        readers = NIOThreadPool(numberOfThreads: 2)
        readers.start()
    }

    /// Admits one body, or returns `false` when `limit` are in already.
    func enter() -> Bool {
        let depth = admitted.withLock { count -> Int? in
            guard count < limit else { return nil }
            count += 1
            return count
        }
        guard let depth else { return false }
        metrics.queue(depth: depth)
        return true
    }

    /// Lets the next body in.
    func leave() {
        let depth = admitted.withLock { count -> Int in
            count -= 1
            return count
        }
        metrics.queue(depth: depth)
    }

    /// Appends `body` in the next group commit and returns its outcome once it is durable.
    ///
    /// - Throws: `CancellationError` when the server is stopping (then nothing of the body was appended).
    func commit(_ body: SealedBody) async throws -> Result<BodyIngest.Outcome, BodyIngest.Failure> {
        try await committer.commit(body)
    }

    /// Runs blocking reads (proofs of what was just committed) on threads that may block.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await readers.runIfActive(body)
    }

    /// Commits the bodies handed in already, then stops the threads.
    func shutdown() async throws {
        await committer.shutdown()
        try await readers.shutdownGracefully()
    }
}
