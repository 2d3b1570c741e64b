import Foundation
import LedgerCore
import LedgerIngest
import LedgerStorage
import Synchronization
import Testing

/// The committer a service appends through: bodies from many tasks, one thread, one `fdatasync` per commit.
@Suite struct GroupCommitterTests {
    /// Seals `ids` as one envelope body.
    static func sealed(_ ingest: BodyIngest, _ ids: [String]) throws -> SealedBody {
        var submission = ingest.begin(name: "body \(ids.first ?? "-")")
        try submission.feed(BodyIngestTests.body(ids))
        return try submission.seal()
    }

    /// Counts commits, and holds the first one until `release` is signalled.
    final class CommitGate: Sendable {
        let commits = Atomic(0)
        let release = DispatchSemaphore(value: 0)

        func observe(_ ledger: Ledger, holdingFirst: Bool) {
            ledger.observeSyncs { [self] _ in
                if commits.wrappingAdd(1, ordering: .relaxed).newValue == 1, holdingFirst { release.wait() }
            }
        }
    }

    /// Polls `condition` every 5 ms on this thread (no task needs a turn on the concurrency pool, which the rest of a
    /// full `swift test` keeps busy) for at most 120 seconds; fails the test if it never holds.
    static func waitUntil(_ what: String, _ condition: () -> Bool) {
        let deadline = ContinuousClock.now + .seconds(120)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("not within 120 s: \(what)")
                return
            }
            usleep(5000)
        }
    }

    /// The outcomes of bodies handed in with ``GroupCommitter/submit(_:answer:)``, by key.
    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [Int: Result<BodyIngest.Outcome, BodyIngest.Failure>] = [:]
        let done = DispatchGroup()

        func submit(_ committer: GroupCommitter, _ key: Int, _ body: SealedBody) {
            done.enter()
            let taken = committer.submit(body) { [self] result in
                lock.withLock { outcomes[key] = result }
                done.leave()
            }
            if !taken { done.leave() }
        }

        var all: [Int: Result<BodyIngest.Outcome, BodyIngest.Failure>] { lock.withLock { outcomes } }
    }

    @Test func bodiesWaitingWhenACommitStartsShareItUpToTheLimit() async throws {
        let scratch = try BodyIngestTests.Scratch("share")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let gate = CommitGate()
        gate.observe(scratch.ledger, holdingFirst: true)
        let committer = GroupCommitter(ledger: scratch.ledger, maxBodiesPerCommit: 8)
        let answers = Answers()
        // The first commit is held at its sync; 63 more bodies queue behind it, then it is let go.
        answers.submit(committer, -1, try GroupCommitterTests.sealed(ingest, ["first"]))
        GroupCommitterTests.waitUntil("the first commit reached its sync") {
            gate.commits.load(ordering: .relaxed) == 1
        }
        for body in 0..<63 {
            answers.submit(
                committer,
                body,
                try GroupCommitterTests.sealed(ingest, (0...body % 3).map { "b\(body):\($0)" })
            )
        }
        #expect(committer.waitingBodies == 63)
        gate.release.signal()
        #expect(answers.done.wait(timeout: .now() + 120) == .success, "the 64 bodies were not all answered")
        await committer.shutdown()
        // One commit for the first body, then 63 bodies 8 at a time.
        #expect(gate.commits.load(ordering: .relaxed) == 1 + 8)
        let outcomes = try answers.all.mapValues { try $0.get() }
        #expect(outcomes[-1]?.appended == 1)
        let reader = LedgerReader(layout: scratch.ledger.layout, metadata: scratch.ledger.metadata)
        var idsBySeq: [UInt64: String] = [:]
        try reader.forEach(from: 1, through: scratch.ledger.size - 1) { idsBySeq[$0.record.seq] = $0.envelope.id }
        let expected: Int = (0..<63).map { 1 + $0 % 3 }.reduce(1, +)
        #expect(idsBySeq.count == expected)
        for body in 0..<63 {
            let ids = (0...body % 3).map { "b\(body):\($0)" }
            let outcome = try #require(outcomes[body])
            #expect(outcome.appended == ids.count && outcome.duplicates == 0)
            let start = try #require(outcome.firstSeq)
            #expect(ids.enumerated().allSatisfy { idsBySeq[start + UInt64($0.offset)] == $0.element })
            #expect(outcome.size >= start + UInt64(ids.count))
        }
        #expect(try Verifier(root: scratch.ledger.layout.root).run().isIntact)
    }

    @Test func aLimitOfOneCommitsEachBodyAlone() async throws {
        let scratch = try BodyIngestTests.Scratch("alone")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let gate = CommitGate()
        gate.observe(scratch.ledger, holdingFirst: false)
        let committer = GroupCommitter(ledger: scratch.ledger, maxBodiesPerCommit: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for body in 0..<20 {
                group.addTask {
                    let outcome = try await committer.commit(GroupCommitterTests.sealed(ingest, ["a\(body)"])).get()
                    #expect(outcome.appended == 1)
                }
            }
            try await group.waitForAll()
        }
        await committer.shutdown()
        #expect(gate.commits.load(ordering: .relaxed) == 20)
        #expect(scratch.ledger.size == 21)
    }

    @Test func aRetriedBodyIsCountedAsDuplicatesAndAppendsNothing() async throws {
        let scratch = try BodyIngestTests.Scratch("retry")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let committer = GroupCommitter(ledger: scratch.ledger, maxBodiesPerCommit: 16)
        let ids = ["r1", "r2", "r3"]
        // The same body twice in one commit, then once more in a later one.
        async let once = committer.commit(GroupCommitterTests.sealed(ingest, ids))
        async let twice = committer.commit(GroupCommitterTests.sealed(ingest, ids))
        let both = try await [once.get(), twice.get()]
        let again = try await committer.commit(GroupCommitterTests.sealed(ingest, ids)).get()
        await committer.shutdown()
        #expect(both.map(\.appended).sorted() == [0, 3])
        #expect(both.map(\.duplicates).sorted() == [0, 3])
        #expect(again.appended == 0 && again.duplicates == 3)
        #expect(scratch.ledger.size == 4)
    }

    @Test func afterShutdownABodyIsRefusedAndNothingIsAppended() async throws {
        let scratch = try BodyIngestTests.Scratch("stopped")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let committer = GroupCommitter(ledger: scratch.ledger, maxBodiesPerCommit: 4)
        let kept = try await committer.commit(GroupCommitterTests.sealed(ingest, ["kept"])).get()
        await committer.shutdown()
        await committer.shutdown()
        await #expect(throws: CancellationError.self) {
            _ = try await committer.commit(GroupCommitterTests.sealed(ingest, ["late"]))
        }
        #expect(kept.appended == 1)
        #expect(scratch.ledger.size == 2)
    }
}
