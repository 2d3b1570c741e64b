import Foundation
public import LedgerStorage

/// Appends sealed bodies for a service on one thread of its own: each turn it takes every body waiting (up to
/// ``maxBodiesPerCommit``) and appends them in one group commit — one `fdatasync` for all — then answers each
/// waiting caller with its own body's outcome.
///
/// Callers are async tasks that must not block: ``commit(_:)`` suspends the task, not a thread, and only the
/// bodies of a finished commit are woken. Bodies that arrive while a commit is syncing wait for the next one,
/// so the busier the service, the more bodies share each `fdatasync`. Call ``shutdown()`` when done: the thread
/// runs until then.
public final class GroupCommitter: @unchecked Sendable {
    /// The most bodies one commit holds; 1 commits each body alone (one `fdatasync` per body).
    public let maxBodiesPerCommit: Int
    private let ledger: Ledger
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Waiting] = []
    private var stopping = false
    private var shutdowns: [CheckedContinuation<Void, Never>] = []
    private var finished = false

    /// What a body's caller is told once the commit that holds it is durable.
    public typealias Answer = @Sendable (Result<BodyIngest.Outcome, BodyIngest.Failure>) -> Void

    private struct Waiting {
        let body: SealedBody
        let answer: Answer
    }

    /// Starts the committing thread.
    public init(ledger: Ledger, maxBodiesPerCommit: Int) {
        precondition(maxBodiesPerCommit >= 1, "a commit holds at least one body")
        self.ledger = ledger
        self.maxBodiesPerCommit = maxBodiesPerCommit
        let thread = Thread { [self] in run() }
        thread.name = "group-commit"
        thread.start()
    }

    /// Bodies handed in and not yet taken by a commit.
    public var waitingBodies: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// Appends `body` as one all-or-nothing batch in the next group commit; returns its outcome once durable.
    ///
    /// - Throws: `CancellationError` when the committer has stopped (see ``shutdown()``): nothing was appended.
    public func commit(_ body: SealedBody) async throws -> Result<BodyIngest.Outcome, BodyIngest.Failure> {
        try await withCheckedThrowingContinuation { continuation in
            let taken = submit(body) { continuation.resume(returning: $0) }
            if !taken { continuation.resume(throwing: CancellationError()) }
        }
    }

    /// Hands `body` to the next group commit without waiting: `answer` is called on the committing thread once the
    /// commit is durable (it must return at once). Returns `false`, and `answer` is never called, when the committer
    /// has stopped.
    public func submit(_ body: SealedBody, answer: @escaping Answer) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        waiting.append(Waiting(body: body, answer: answer))
        condition.signal()
        return true
    }

    /// Commits the bodies already handed in, refuses later ones, and returns once the thread has ended.
    public func shutdown() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            condition.lock()
            defer { condition.unlock() }
            guard !finished else { return done.resume() }
            stopping = true
            shutdowns.append(done)
            condition.signal()
        }
    }

    private func run() {
        while let turn = nextTurn() {
            let results = ledger.append(batches: turn.map(\.body.events))
            for (entry, result) in zip(turn, results) {
                entry.answer(result.map(entry.body.outcome).mapError(BodyIngest.Failure.ledger))
            }
        }
    }

    /// The bodies of the next commit; `nil` once stopping with none left (the shutdown is then answered).
    private func nextTurn() -> [Waiting]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty {
            if stopping {
                finished = true
                for done in shutdowns { done.resume() }
                return nil
            }
            condition.wait()
        }
        let turn = Array(waiting.prefix(maxBodiesPerCommit))
        waiting.removeFirst(turn.count)
        return turn
    }
}
