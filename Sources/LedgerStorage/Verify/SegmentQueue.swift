import Dispatch
import Foundation
import LedgerCore

/// Checks segments on a few threads, each taking the next segment as soon as it is done with one, and hands the
/// verdicts back in segment order, so that the caller merges them in order and the first problem stays the one
/// reported. A thread never runs more than `lookahead` segments ahead of the verdict taken last, which bounds the
/// verdicts held in memory; each thread reads into its own ``SegmentBuffers``, reused from segment to segment.
final class SegmentQueue: @unchecked Sendable {
    typealias Check = @Sendable (_ index: Int, _ buffers: SegmentBuffers) -> Result<SegmentVerdict, LedgerError>

    private let count: Int
    private let lookahead: Int
    private let check: Check
    private let workers = DispatchGroup()
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var verdicts: [Int: Result<SegmentVerdict, LedgerError>] = [:]
    private var nextToCheck = 0
    private var nextToTake = 0
    private var stopped = false

    /// Starts checking segments `0..<count` with `check`, on `threads` threads.
    init(count: Int, threads: Int, check: @escaping Check) {
        self.count = count
        self.check = check
        let threads = max(1, min(threads, count))
        lookahead = 2 * threads
        for _ in 0..<threads {
            DispatchQueue.global().async(group: workers) { [self] in
                let buffers = SegmentBuffers()
                while let index = claim() { deliver(index, check(index, buffers)) }
            }
        }
    }

    /// The verdict of the next segment in order, once it is checked; throws what checking it threw.
    func next() throws(LedgerError) -> SegmentVerdict {
        condition.lock()
        while verdicts[nextToTake] == nil { condition.wait() }
        let verdict = verdicts.removeValue(forKey: nextToTake)!
        nextToTake += 1
        condition.broadcast()
        condition.unlock()
        return try verdict.get()
    }

    /// Hands out no more segments and waits for those being checked: call it once, when done taking verdicts.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        workers.wait()
    }

    /// The next segment to check, once it is within `lookahead` of the verdict taken last; `nil` when none is left.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextToCheck < count, nextToCheck >= nextToTake + lookahead { condition.wait() }
        guard !stopped, nextToCheck < count else { return nil }
        defer { nextToCheck += 1 }
        return nextToCheck
    }

    private func deliver(_ index: Int, _ verdict: Result<SegmentVerdict, LedgerError>) {
        condition.lock()
        verdicts[index] = verdict
        condition.broadcast()
        condition.unlock()
    }
}
