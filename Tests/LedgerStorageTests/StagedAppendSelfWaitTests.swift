import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// In an exit test's child: a new ledger whose staged append holds one event, begun on this thread, which holds
/// it while the caller keeps the staged append alive (released, it is abandoned). An alarm ends the child if it
/// hangs; the directory goes to standard error for the parent to remove.
func ledgerHoldingAStagedAppend(_ label: String) throws -> (Ledger, StagedAppend) {
    alarm(20)
    let dir = TemporaryDirectory(label)
    FileHandle.standardError.write(Data("directory: \(dir.path)\n".utf8))
    let ledger = try Ledger.create(at: dir.path + "/ledger", origin: "example.org/test")
    let staged = try ledger.beginStagedAppend()
    try staged.add([PreparedEvent(Events.post(1))])
    return (ledger, staged)
}

/// In an exit test's child: a second staged append on the thread that holds the first.
func beginAnotherStagedAppend(_ ledger: Ledger) throws { _ = try ledger.beginStagedAppend() }

/// The thread that holds a staged append calling the ledger through another door would wait for that append to
/// end, which only it can end: the process stops with a message instead of hanging. Each case runs in a child
/// process (an exit test), which must stop with the message, not merely fail; an alarm ends a child that hangs
/// because the guard is gone.
@Suite struct StagedAppendSelfWaitTests {
    static let message = "would wait for itself for ever: commit or abandon the staged append first"

    /// In the parent: the child stopped with the message; its directory is removed.
    static func expectStopsWithMessage(_ result: ExitTest.Result?) {
        let said = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(said.contains(message), "stderr: \(said)")
        for line in said.split(separator: "\n") where line.hasPrefix("directory: ") {
            try? FileManager.default.removeItem(atPath: String(line.dropFirst("directory: ".count)))
        }
    }

    @Test func anAppendOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let (ledger, staged) = try ledgerHoldingAStagedAppend("self-wait-append")
            try withExtendedLifetime(staged) { _ = try ledger.append([Events.post(2)]) }
        }
        Self.expectStopsWithMessage(result)
    }

    @Test func readingTheSizeOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let (ledger, staged) = try ledgerHoldingAStagedAppend("self-wait-size")
            withExtendedLifetime(staged) { _ = ledger.size }
        }
        Self.expectStopsWithMessage(result)
    }

    @Test func aSecondStagedAppendOnTheHoldingThreadStopsTheProcessWithAMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let (ledger, staged) = try ledgerHoldingAStagedAppend("self-wait-second")
            try withExtendedLifetime(staged) { try beginAnotherStagedAppend(ledger) }
        }
        Self.expectStopsWithMessage(result)
    }
}
