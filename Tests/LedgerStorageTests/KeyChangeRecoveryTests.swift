import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

/// A key change cut short by a crash is finished at the next open, so that the ledger signs with exactly the keys
/// its events announce.
@Suite struct KeyChangeRecoveryTests {
    @Test func aKeyFileWrittenBeforeACrashIsAnnouncedAtOpen() throws {
        let fixture = try LedgerFixture("rotate-cut", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let oldKey = try Ledger.open(at: fixture.root).closing { $0.verifierKeys[0] }
        // What `key rotate` writes before its event: the intent, signed by the current key, and the key file. The
        // event never became durable.
        let layout = LedgerLayout(root: fixture.root)
        let newSigner = try LogKeys.make(origin: "example.org/test")
        try RotationIntent.write(
            for: newSigner,
            signedBy: try LogKeys.load(layout),
            origin: "example.org/test",
            layout: layout
        )
        try LogKeys.store(newSigner, in: layout)
        let newKey = newSigner.vkey

        let ledger = try Ledger.open(at: fixture.root)
        #expect(ledger.recovery.finishedKeyChanges.count == 1)
        #expect(ledger.recovery.messages.contains { $0.contains(newKey) })
        #expect(Set(ledger.verifierKeys) == [oldKey, newKey])
        // With the old key retired, only the recovered key signs: verify must learn it from the ledger.
        try ledger.retireKey(vkey: oldKey, actor: "vp-ubnd")
        _ = try ledger.append([Events.post(2)])
        let checkpoint = ledger.checkpoint
        ledger.close()

        var anchors = VerificationAnchors()
        anchors.checkpoints = [("after", checkpoint)]
        let report = try Verifier(root: fixture.root).run(anchors: anchors)
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        let again = try Ledger.open(at: fixture.root)
        #expect(again.recovery.finishedKeyChanges.isEmpty)
        again.close()
        #expect(
            !FileManager.default.fileExists(atPath: layout.keysDirectory + "/" + RotationIntent.fileName(newSigner))
        )
    }

    @Test func aRetiredKeyWhoseFileSurvivedACrashIsRemovedAtOpen() throws {
        let fixture = try LedgerFixture("retire-cut", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let keys = fixture.root + "/keys/"
        let ledger = try Ledger.open(at: fixture.root)
        let oldKey = ledger.verifierKeys[0]
        let oldFile = try FileManager.default.contentsOfDirectory(atPath: keys)[0]
        let oldBytes = try #require(FileManager.default.contents(atPath: keys + oldFile))
        let newKey = try ledger.rotateKey(actor: "vp-ubnd")
        try ledger.retireKey(vkey: oldKey, actor: "vp-ubnd")
        ledger.close()
        // Killed after the retirement event and before the file's deletion: the file is still there.
        #expect(
            FileManager.default.createFile(
                atPath: keys + oldFile,
                contents: oldBytes,
                attributes: [.posixPermissions: 0o600]
            )
        )

        let reopened = try Ledger.open(at: fixture.root)
        #expect(reopened.verifierKeys == [newKey])
        #expect(reopened.recovery.finishedKeyChanges.count == 1)
        reopened.close()
        #expect(!FileManager.default.fileExists(atPath: keys + oldFile))
    }

    /// Two retirements at once of the two keys a ledger signs with: key changes take turns, so one retires its key
    /// and the other is refused (its key is then the last), and the ledger keeps signing with one key.
    @Test func twoConcurrentRetirementsNeverLeaveTheLedgerWithoutAKey() async throws {
        let fixture = try LedgerFixture("retire-race", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        defer { ledger.close() }
        let first = ledger.verifierKeys[0]
        let second = try ledger.rotateKey(actor: "vp-ubnd")
        let outcomes = await withTaskGroup(of: LedgerError?.self) { group in
            for vkey in [first, second] {
                group.addTask {
                    do throws(LedgerError) {
                        try ledger.retireKey(vkey: vkey, actor: "vp-ubnd")
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count { $0 == nil } == 1, "one retirement goes through: \(outcomes)")
        #expect(outcomes.compactMap { $0?.code } == [.refused])
        #expect(ledger.verifierKeys.count == 1)
        #expect(try ledger.append([Events.post(2)]).appended == 1, "the remaining key still signs")
        #expect(!ledger.checkpoint.isEmpty)
    }

    @Test func aKeyForAnotherLogIsRefusedNotAnnounced() throws {
        let fixture = try LedgerFixture("foreign-key", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        _ = try LogKeys.generate(LedgerLayout(root: fixture.root), origin: "other.example/log")
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("other.example/log") == true)
    }
}

extension Ledger {
    /// `body`'s result, with the ledger closed after it.
    fileprivate func closing<T>(_ body: (Ledger) throws -> T) rethrows -> T {
        defer { close() }
        return try body(self)
    }
}
