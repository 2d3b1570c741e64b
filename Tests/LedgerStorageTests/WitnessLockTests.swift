import Dispatch
import Foundation
import LedgerCore
import LedgerStorage
import Synchronization
import SystemPackage
import Testing

@Suite struct WitnessLockTests {
    /// Takes the witness's lock the way a second process would: another open file description of `lock`.
    static func holdLock(_ path: String) throws -> LedgerFile {
        let file = try LedgerFile.open(
            path + "/lock",
            name: "lock",
            .readWrite,
            options: [.create],
            permissions: .init(rawValue: 0o644)
        )
        #expect(try file.tryLockExclusive())
        return file
    }

    @Test func cosignTakesTheLockAndWaitsForItsHolder() throws {
        let fixture = try WitnessFixture("lock")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 9)
        try fixture.witness.cosign(checkpointNote: log.note(4), proof: [], logVerifierKeys: [log.vkey])

        // While someone holds the lock, a run with a short timeout gives up, naming the holder, and changes nothing.
        let holder = try Self.holdLock(fixture.path)
        let impatient = try fixture.reopened(lockTimeout: .milliseconds(100))
        let locked = ledgerError { try impatient.cosign(checkpointNote: log.note(9), proof: log.proof(4, 9)) }
        #expect(locked?.code == .locked, "\(String(describing: locked))")
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 4)

        // A patient run waits until the holder lets go, then cosigns.
        let outcome = Mutex<Result<CosignedCheckpoint, LedgerError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let witness = fixture.witness
        let note = try log.note(9)
        let proof = try log.proof(4, 9)
        // A thread of its own: the shared dispatch pool can be busy with other tests for a long time.
        Thread {
            let result = Result { () throws(LedgerError) in try witness.cosign(checkpointNote: note, proof: proof) }
            outcome.withLock { $0 = result }
            done.signal()
        }.start()
        #expect(done.wait(timeout: .now() + .milliseconds(300)) == .timedOut, "cosign did not wait for the lock")
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 4)
        holder.close()
        #expect(done.wait(timeout: .now() + .seconds(60)) == .success)
        let cosigned = try #require(outcome.withLock { $0 }).get()
        #expect(cosigned.previousSize == 4 && cosigned.checkpoint.size == 9)

        // And the lock is free again afterwards.
        let after = try Self.holdLock(fixture.path)
        after.close()
    }

    @Test func racingCosignsFromTheSameOldSizeAreSerialisedAndNeverRollBack() throws {
        let fixture = try WitnessFixture("race")
        defer { fixture.remove() }
        let witness = fixture.witness
        // Several rounds, each a new log: the races must also not lose another log's update to state.json.
        var origins: [String: UInt64] = [:]
        for round in 0..<4 {
            var log = try TestLog(origin: "example.org/race-\(round)")
            log.grow(to: 24)
            try witness.cosign(checkpointNote: log.note(8), proof: [], logVerifierKeys: [log.vkey])
            let requests = try (UInt64(9)...24).map { size in (size, try log.note(size), try log.proof(8, size)) }
            let outcomes = Mutex<[UInt64: LedgerError.Code?]>([:])
            DispatchQueue.concurrentPerform(iterations: requests.count) { index in
                let (size, note, proof) = requests[index]
                let code = ledgerError { try witness.cosign(checkpointNote: note, proof: proof, oldSize: 8) }?.code
                outcomes.withLock { $0[size] = code }
            }
            let results = outcomes.withLock { $0 }
            let winners = results.filter { $0.value == nil }.map(\.key)
            // Every request was made from size 8, so once one succeeded the others no longer fit the state.
            #expect(winners.count == 1, "round \(round): \(results)")
            #expect(results.values.allSatisfy { $0 == nil || $0 == .badInput }, "round \(round): \(results)")
            origins[log.origin] = winners.first
        }
        let state = try fixture.state()
        #expect(state.logs.mapValues(\.checkpoint.size) == origins)
    }
}
