import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// The thread that holds a staged append calling the ledger through another door would wait for that append to
/// end, which only it can end: the process stops with a message instead of hanging. Each case runs in a child
/// process (an exit test), which must stop with the message, not merely fail; the time limit ends a run in
/// which the guard is gone and the child hangs.
@Suite(.timeLimit(.minutes(1))) struct StagedAppendSelfWaitTests {
    static let message = "would wait for itself for ever: commit or abandon the staged append first"

    static func expectStopsWithMessage(_ result: ExitTest.Result?) {
        let said = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(said.contains(message), "stderr: \(said)")
    }

    @Test func anAppendOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let dir = TemporaryDirectory("self-wait-append")
            let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
            let staged = try ledger.beginStagedAppend()
            try staged.add([PreparedEvent(Events.post(1))])
            _ = try ledger.append([Events.post(2)])
        }
        Self.expectStopsWithMessage(result)
    }

    @Test func readingTheSizeOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let dir = TemporaryDirectory("self-wait-size")
            let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
            let staged = try ledger.beginStagedAppend()
            try staged.add([PreparedEvent(Events.post(1))])
            _ = ledger.size
        }
        Self.expectStopsWithMessage(result)
    }

    @Test func aSecondStagedAppendOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let dir = TemporaryDirectory("self-wait-second")
            let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
            let first = try ledger.beginStagedAppend()
            try first.add([PreparedEvent(Events.post(1))])
            _ = try ledger.beginStagedAppend()
        }
        Self.expectStopsWithMessage(result)
    }

    /// Another thread is not refused: it waits for the staged append's commit, then goes on.
    @Test func anotherThreadWaitsForTheCommitAndGoesOn() throws {
        let dir = TemporaryDirectory("self-wait-other")
        defer { dir.remove() }
        let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
        defer { ledger.close() }
        let before = ledger.size
        let staged = try ledger.beginStagedAppend()
        try staged.add([PreparedEvent(Events.post(1))])
        let done = DispatchSemaphore(value: 0)
        let other = Thread {
            _ = try? ledger.append([Events.post(2)])
            done.signal()
        }
        other.start()
        #expect(done.wait(timeout: .now() + .milliseconds(200)) == .timedOut, "the other thread waits")
        _ = try staged.commit()
        #expect(done.wait(timeout: .now() + .seconds(30)) == .success)
        #expect(ledger.size == before + 2)
    }
}
