import Foundation
import LedgerCore

/// The one way in to the writer's state (``LedgerWriter``), which it holds privately: one thread at a time, by one
/// of four doors — a group commit of queued batches, an exclusive call, a lease held across calls (a staged
/// append), or a short read while no append is in flight.
///
/// Group commit: the first caller to find the writer idle commits every batch queued by then, its own among them,
/// with one `fdatasync`, while the others wait for their results.
final class SerializedWriter: @unchecked Sendable {
    private let writer: LedgerWriter
    private let condition = NSCondition()
    /// Whether a thread is using `writer` outside the condition's lock (a commit, an exclusive call, a lease).
    private var busy = false
    /// The thread using the writer while `busy` and what for, so that a call of its own through another door,
    /// which would wait for itself for ever, stops with a message instead.
    private var holder: (thread: pthread_t, holding: Holding)?

    /// What a thread holds the writer for.
    enum Holding {
        /// A staged append, between ``Ledger/beginStagedAppend()`` and its commit or abandonment.
        case stagedAppend
        /// An exclusive call: a key change, a withholding, a checkpoint of an earlier size.
        case exclusiveCall
        /// A group commit, during which a sync observer runs.
        case commit

        var explanation: String {
            switch self {
            case .stagedAppend: "a staged append not yet committed or abandoned"
            case .exclusiveCall: "a key change, a withholding or a signing in progress"
            case .commit: "a commit, whose sync observer must return without calling the ledger"
            }
        }

        var advice: String {
            switch self {
            case .stagedAppend: "commit or abandon the staged append first"
            case .exclusiveCall, .commit: "call the ledger once that call has returned"
            }
        }
    }
    private var queue: [Ticket] = []

    /// Batches waiting for a group commit, as one caller handed them in, and their results once it is done.
    private final class Ticket {
        let batches: [[PreparedEvent]]
        var results: [Result<AppendResult, LedgerError>]?
        init(_ batches: [[PreparedEvent]]) { self.batches = batches }
    }

    init(_ writer: LedgerWriter) { self.writer = writer }

    /// Queues batches for the next group commit and waits for their results, each all or nothing.
    func commit(_ batches: [[PreparedEvent]]) -> [Result<AppendResult, LedgerError>] {
        let ticket = Ticket(batches)
        condition.lock()
        queue.append(ticket)
        while ticket.results == nil {
            if busy {
                refuseWaitingForItself("an append")
                condition.wait()
                continue
            }
            busy = true
            holder = (pthread_self(), .commit)
            let group = queue
            queue.removeAll()
            condition.unlock()
            var results = writer.commit(group.flatMap(\.batches))[...]
            condition.lock()
            holder = nil
            for waiting in group {
                waiting.results = Array(results.prefix(waiting.batches.count))
                results = results.dropFirst(waiting.batches.count)
            }
            busy = false
            condition.broadcast()
        }
        condition.unlock()
        return ticket.results!
    }

    /// Runs `body` alone with the writer, once no commit is in flight.
    func exclusively<T>(_ body: (LedgerWriter) throws(LedgerError) -> T) throws(LedgerError) -> T {
        let writer = acquire(for: .exclusiveCall)
        defer { release() }
        return try body(writer)
    }

    /// Runs `body`, which must be short and cannot fail, while no commit is in flight and none can start.
    func whileIdle<T>(_ body: (LedgerWriter) -> T) -> T {
        condition.lock()
        while busy {
            refuseWaitingForItself("reading the ledger's size, root or recovery, or closing it,")
            condition.wait()
        }
        defer { condition.unlock() }
        return body(writer)
    }

    /// Waits until no commit is in flight and keeps every other door shut until ``release()``: for a caller that
    /// uses the writer across several calls of its own (``StagedAppend``), or for one exclusive call.
    func acquire(for holding: Holding) -> LedgerWriter {
        condition.lock()
        while busy {
            refuseWaitingForItself("a staged append, a key change or a withholding")
            condition.wait()
        }
        busy = true
        holder = (pthread_self(), holding)
        condition.unlock()
        return writer
    }

    /// Opens the doors again after ``acquire()``.
    func release() {
        condition.lock()
        busy = false
        holder = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the process when the calling thread is the one using the writer, which it is about to wait for:
    /// `what` would wait for itself for ever (a programming error, like using a staged append after its commit).
    /// Called with the condition's lock held, while the writer is busy.
    private func refuseWaitingForItself(_ what: String) {
        guard let holder, pthread_equal(holder.thread, pthread_self()) != 0 else { return }
        // `fatalError`, not `preconditionFailure`: its message is printed in release builds too.
        fatalError(
            "\(what) on the thread that holds this ledger's writer (\(holder.holding.explanation)) would wait for "
                + "itself for ever: \(holder.holding.advice)"
        )
    }
}
