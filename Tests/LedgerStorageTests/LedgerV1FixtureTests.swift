import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

/// A ledger written before appends could span segments (issue 13) still opens, verifies and takes appends.
/// `Fixtures/ledger-v1/` was made by the code of commit 433ee71 (see its README): `groupledger init`, one `append`
/// of `Fixtures/demo/events.jsonl` and one `withhold`, with its signing key inside (`keys/`).
@Suite struct LedgerV1FixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/ledger-v1").path

    /// The fixture as a ledger directory of its own: git keeps neither empty directories nor modes, so the copy gets
    /// the directories and the modes the writer gave them (the key file 0600, or the writer refuses it).
    static func copyOfFixture(to root: String) throws {
        try FileManager.default.copyItem(atPath: fixture, toPath: root)
        try FileManager.default.removeItem(atPath: root + "/README.md")
        try FileManager.default.createDirectory(atPath: root + "/quarantine", withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root + "/keys")
        for key in try FileManager.default.contentsOfDirectory(atPath: root + "/keys") {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: root + "/keys/" + key)
        }
    }

    @Test func aLedgerWrittenBeforeSpanningAppendsOpensVerifiesAndTakesAppends() throws {
        let dir = TemporaryDirectory("ledger-v1")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        try Self.copyOfFixture(to: root)
        #expect(
            Bytes.read(root + "/LEDGER")
                == Array("groupledger ledger\nformat 1\norigin fixture.example/ledger-v1\n".utf8)
        )

        let report = try Verifier(root: root).run()
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.records == 27)
        #expect(report.withheld == 1)
        #expect(report.notes.isEmpty, "\(report.notes)")
        let oldNote = try LedgerReader(root: root).checkpoint()
        let oldCheckpoint = try Checkpoint(note: Note.parse(oldNote))
        #expect(oldCheckpoint.size == 27)

        // An append large enough to span several segments at a small target, after the old writer's segment.
        var options = LedgerOptions()
        options.segmentRollBytes = 4_096
        let ledger = try Ledger.open(at: root, options: options)
        #expect(ledger.size == 27)
        #expect(ledger.recovery.quarantinedBytes == 0 && ledger.recovery.recoveredRecords == 0)
        let result = try ledger.append((1...60).map { Events.post($0) })
        #expect(result.counts == AppendResult(appended: 60, duplicates: 0, firstSeq: 27, size: 87))
        let verifiers = try ledger.verifierKeys.map { try NoteVerifierKey.parse($0) }
        let newNote = ledger.checkpoint
        ledger.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/segments").count > 3)

        let after = try Verifier(root: root).run()
        #expect(after.isIntact, "\(after.problem?.message ?? "")")
        #expect(after.records == 87)
        #expect(after.withheld == 1)
        // The old records read as before, the demo's first event among them.
        let entry = try LedgerReader(root: root).entry(1)
        #expect(entry.envelope.id == "gov:group-registered:nn-ptnt")

        // The checkpoint the old code signed is consistent with the one signed after the spanning append: the same
        // key verifies both, and the proof the new files give leads from the old root to the new one.
        _ = try Note.parse(oldNote).verify(using: verifiers)
        let newCheckpoint = try Checkpoint(note: Note.parse(newNote).verify(using: verifiers).note)
        #expect(newCheckpoint.size == 87)
        let proof = try ProofBuilder(reader: LedgerReader(root: root)).consistencyProof(
            from: 27,
            checkpointNote: newNote
        )
        try Merkle.verifyConsistency(
            oldSize: 27,
            newSize: 87,
            oldRoot: oldCheckpoint.rootHash,
            newRoot: newCheckpoint.rootHash,
            proof: proof,
            sha: SHA256()
        )
    }
}
