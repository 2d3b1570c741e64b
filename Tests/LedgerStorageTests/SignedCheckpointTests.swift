import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

@Suite struct SignedCheckpointTests {
    private func open(_ note: [UInt8], _ vkeys: [String]) throws -> Checkpoint {
        let verifiers = try vkeys.map { try NoteVerifierKey.parse($0) }
        return try Checkpoint(note: Note.open(note, using: verifiers).note)
    }

    @Test func everyAppendBatchLeavesASignedCheckpointOfItsSizeAndRoot() throws {
        let fixture = try LedgerFixture("checkpoint", batches: [])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        defer { ledger.close() }
        let vkeys = ledger.verifierKeys
        #expect(vkeys.count == 1 && vkeys[0].hasPrefix("example.org/test+"))
        for n in 1...5 {
            _ = try ledger.append([Events.post(n)])
            let checkpoint = try open(ledger.checkpoint, vkeys)
            #expect(checkpoint.origin == "example.org/test")
            #expect(checkpoint.size == ledger.size)
            #expect(checkpoint.rootHash == ledger.rootHash)
        }
        // The key file is private.
        let keyFile = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/keys")[0]
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.root + "/keys/" + keyFile)[
            .posixPermissions
        ]
        #expect((mode as? Int) == 0o600)
    }

    @Test func theWriterRefusesACheckpointItCannotVerifyOrThatDisagreesWithTheFiles() throws {
        let fixture = try LedgerFixture("checkpoint-refuse", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        // Another key in place of the ledger's: the head's checkpoint no longer verifies.
        let keys = fixture.root + "/keys"
        let original = try FileManager.default.contentsOfDirectory(atPath: keys)[0]
        try FileManager.default.moveItem(atPath: keys + "/" + original, toPath: fixture.dir.path + "/saved.skey")
        _ = try LogKeys.generate(LedgerLayout(root: fixture.root), origin: "example.org/test")
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("does not verify") == true)
    }

    @Test func verifyWithSavedCheckpointsCatchesRollbackAndRewrite() throws {
        let fixture = try LedgerFixture("anchor", batches: (1...6).map { [Events.post($0)] })
        defer { fixture.remove() }
        let oldCopy = try fixture.copy("old-copy")
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.append([Events.post(7), Events.post(8)])
        let saved = ledger.checkpoint
        let vkey = ledger.verifierKeys
        ledger.close()

        var anchors = VerificationAnchors()
        anchors.checkpoints = [("saved.cp", saved)]
        anchors.logKeys = vkey
        let intact = try Verifier(root: fixture.root).run(anchors: anchors)
        #expect(intact.isIntact)
        #expect(intact.anchoredSize == 9)

        // Rollback: the office puts back the older copy.
        let rolledBack = try Verifier(root: oldCopy).run(anchors: anchors)
        #expect(rolledBack.problem?.kind == .rolledBack)
        #expect(try Verifier(root: oldCopy).run().isIntact, "without the anchor the old copy looks fine")

        // Rewrite: the key holder rebuilds history with other records and re-signs it with the same key.
        let forged = fixture.dir.path + "/forged"
        // Genesis, the stolen key's announcement (the forged ledger never announced it, so its first open does), and
        // seven events: as many records as the anchor.
        let size = try forge(at: forged, stealingKeysFrom: fixture.root, events: (1...7).map { Events.post($0 + 100) })
        #expect(size == 9)
        let rewriteReport = try Verifier(root: forged).run(anchors: anchors)
        #expect(rewriteReport.problem?.kind == .rewritten)
    }

    /// Builds another history signed with a copy of the victim's key, as an insider holding the key could: a new
    /// ledger into whose key directory the stolen key is put, with the rotation intent that the insider, holding
    /// the new ledger's own key too, can sign; its first open announces the stolen key.
    private func forge(at root: String, stealingKeysFrom victim: String, events: [EventEnvelope]) throws -> UInt64 {
        let ledger = try Ledger.create(at: root, origin: "example.org/test")
        ledger.close()
        let layout = LedgerLayout(root: root)
        let own = try LogKeys.load(layout)
        for stolen in try LogKeys.load(LedgerLayout(root: victim)) {
            try FileManager.default.copyItem(
                atPath: victim + "/keys/" + LogKeys.fileName(stolen),
                toPath: layout.keysDirectory + "/" + LogKeys.fileName(stolen)
            )
            try RotationIntent.write(for: stolen, signedBy: own, origin: "example.org/test", layout: layout)
        }
        let forged = try Ledger.open(at: root)
        _ = try forged.append(events)
        let size = forged.size
        forged.close()
        return size
    }

    @Test func keyRotationSignsWithBothKeysAndOldCheckpointsStillVerify() throws {
        let fixture = try LedgerFixture("rotate", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        let oldKey = ledger.verifierKeys[0]
        let before = ledger.checkpoint
        let newKey = try ledger.rotateKey(actor: "vp-ubnd")
        #expect(Set(ledger.verifierKeys) == [oldKey, newKey])
        let during = ledger.checkpoint
        #expect(try open(during, [oldKey]).size == 3)
        #expect(try open(during, [newKey]).size == 3)
        try ledger.retireKey(vkey: oldKey, actor: "vp-ubnd")
        _ = try ledger.append([Events.post(2)])
        let after = ledger.checkpoint
        #expect(ledger.verifierKeys == [newKey])
        #expect(throws: NoteError.self) { _ = try open(after, [oldKey]) }
        #expect(try open(after, [newKey]).size == 5)
        #expect(try open(before, [oldKey]).size == 2)
        let error = #expect(throws: LedgerError.self) { try ledger.retireKey(vkey: newKey, actor: "x") }
        #expect(error?.code == .refused)
        ledger.close()

        // The key history in the ledger lets verify check old and new checkpoints without being told the keys.
        var anchors = VerificationAnchors()
        anchors.checkpoints = [("before", before), ("during", during), ("after", after)]
        let report = try Verifier(root: fixture.root).run(anchors: anchors)
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.anchoredSize == 5)
        #expect(try Ledger.open(at: fixture.root).size == 5)
    }
}
