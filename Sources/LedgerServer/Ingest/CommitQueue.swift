import LedgerIngest
import NIOPosix
import Synchronization

/// Where request bodies wait for their durable commit.
///
/// Admission is bounded: at most `limit` bodies at once, from the first byte received to the answer; one more is
/// told to come back later (503 + `Retry-After`), so back-pressure never becomes memory growth or a 500.
/// ``BodyIngest/Submission/finish()`` blocks until `fdatasync` returns, so it runs on a pool of dedicated threads
/// (`NIOThreadPool`), never on an event loop or the concurrency pool; bodies that finish together share one commit.
final class CommitQueue: Sendable {
    let limit: Int
    private let admitted = Mutex(0)
    private let pool: NIOThreadPool
    private let metrics: ServerMetrics

    init(limit: Int, threads: Int, metrics: ServerMetrics) {
        self.limit = limit
        self.metrics = metrics
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
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

    /// Finishes `submission` on a commit thread and returns its outcome once it is durable.
    ///
    /// - Throws: `CancellationError` when the pool has stopped, or the request was cancelled before its turn (then
    ///   nothing of the body was appended).
    func commit(_ submission: BodyIngest.Submission) async throws -> Result<BodyIngest.Outcome, BodyIngest.Failure> {
        let owned = Owned(submission)
        return try await pool.runIfActive { owned.finish() }
    }

    /// Runs blocking reads (proofs of what was just committed) on the same threads.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    /// Stops the threads once the commits they run are done.
    func shutdown() async throws { try await pool.shutdownGracefully() }

    /// Hands one submission to the commit thread: the request's task gives it up when it calls ``commit(_:)`` and
    /// never touches it again, so only one thread ever uses it.
    private final class Owned: @unchecked Sendable {
        private var submission: BodyIngest.Submission

        init(_ submission: BodyIngest.Submission) { self.submission = submission }

        func finish() -> Result<BodyIngest.Outcome, BodyIngest.Failure> {
            do throws(BodyIngest.Failure) {
                return .success(try submission.finish())
            } catch {
                return .failure(error)
            }
        }
    }
}
