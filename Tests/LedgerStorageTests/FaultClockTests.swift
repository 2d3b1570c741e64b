import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// The writer's clock going backwards, jumping far, or standing still (plan P4/P5). Order comes from seq only:
/// `appendedAt` stores whatever the clock said, and neither the writer, recovery nor the verifier judges it.
/// Tests/Faults/clock.sh does the same to the real binaries with libfaketime.
@Suite struct FaultClockTests {
    /// A clock that returns the given instants in turn (then repeats the last one).
    final class ScriptedClock: @unchecked Sendable {
        private let lock = NSLock()
        private var instants: [Int64]
        init(_ instants: [Int64]) { self.instants = instants }
        func now() -> Int64 {
            lock.lock()
            defer { lock.unlock() }
            return instants.count > 1 ? instants.removeFirst() : instants[0]
        }
    }

    static let day: Int64 = 86_400_000

    @Test func appendsStayInSeqOrderWhateverTheClockSays() throws {
        let base: Int64 = 1_795_945_159_000  // 2026-11-29
        // Backwards by 3 h, forward a day, back 30 days, back to 1970, before 1970, far future, standing still.
        let instants: [Int64] = [
            base, base - 3 * 3_600_000, base + Self.day, base - 30 * Self.day, 0, -86_400_000, 4_102_444_800_000,
            4_102_444_800_000, base,
        ]
        let dir = TemporaryDirectory("clock")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        var options = LedgerOptions()
        let clock = ScriptedClock([base, base] + instants)  // create reads the clock twice (genesis time, append)
        options.clock = { clock.now() }
        let ledger = try Ledger.create(at: root, origin: "example.org/clock", options: options)
        for (n, _) in instants.enumerated() {
            let result = try ledger.append([Events.post(n * 2), Events.joined(n * 2 + 1)])
            #expect(result.firstSeq == UInt64(1 + n * 2), "seq follows append order, not time")
        }
        ledger.close()

        let reader = try LedgerReader(root: root)
        #expect(try reader.head().size == UInt64(1 + instants.count * 2))
        for (n, instant) in instants.enumerated() {
            for seq in [UInt64(1 + n * 2), UInt64(2 + n * 2)] {
                let entry = try reader.entry(seq)
                #expect(entry.record.seq == seq)
                #expect(entry.record.appendedAtMillis == instant, "appendedAt stores what the clock said")
            }
        }
        #expect(try Verifier(root: root).run().isIntact)

        // Reopening with a clock behind every record is fine too.
        var early = LedgerOptions()
        early.clock = { -1_000_000_000_000 }
        let reopened = try Ledger.open(at: root, options: early)
        let result = try reopened.append([Events.post(1000)])
        #expect(result.firstSeq == UInt64(1 + instants.count * 2))
        reopened.close()
        #expect(try Verifier(root: root).run().isIntact)
    }
}
