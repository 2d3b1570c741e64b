import Foundation
import LedgerCore
import Synchronization
import Testing

@testable import LedgerStorage

/// Verify checks segments on several threads and merges their verdicts in order: the queue must hand them back in
/// segment order whatever order the threads finish in, pass on what checking a segment threw in that order too,
/// and hand out no more segments once the verifier stops taking verdicts (at the first problem).
@Suite struct SegmentQueueTests {
    /// Counts the checks made, from any thread.
    final class Checks: Sendable {
        let count = Atomic<Int>(0)
    }

    static func verdict(_ index: Int) -> Result<SegmentVerdict, LedgerError> {
        .success(SegmentVerdict(first: UInt64(index), name: "segment \(index)"))
    }

    @Test func verdictsComeInSegmentOrderWhateverOrderTheThreadsFinishIn() throws {
        let count = 40
        let queue = SegmentQueue(count: count, threads: 3) { index, _ in
            // Segments checked later often finish first.
            usleep(UInt32((count - index) % 5 * 300))
            return Self.verdict(index)
        }
        defer { queue.finish() }
        let firsts = try (0..<count).map { _ in try queue.next().first }
        #expect(firsts == Array(0..<UInt64(count)))
    }

    @Test func whatCheckingASegmentThrewComesInTheOrderOfThatSegment() throws {
        let queue = SegmentQueue(count: 6, threads: 2) { index, _ in
            index == 3 ? .failure(LedgerError(.io, "segment 3 cannot be read")) : Self.verdict(index)
        }
        defer { queue.finish() }
        for index in 0..<3 { #expect(try queue.next().first == UInt64(index)) }
        #expect(throws: LedgerError.self) { try queue.next() }
    }

    @Test func segmentsPastTheLookaheadAreNotCheckedOnceTheCallerStops() throws {
        let checks = Checks()
        let queue = SegmentQueue(count: 1000, threads: 2) { index, _ in
            checks.count.add(1, ordering: .relaxed)
            return Self.verdict(index)
        }
        #expect(try queue.next().first == 0)
        queue.finish()
        // The verdict taken, and at most 2 segments a thread ahead of it.
        #expect(checks.count.load(ordering: .relaxed) <= 1 + 4)
    }
}
