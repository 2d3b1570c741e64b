import Foundation
import LedgerCore
import LedgerStorage
import Testing

@Suite struct WitnessCosignTests {
    @Test func cosignsTheFirstCheckpointWithAnEmptyProofAndTheCosignatureVerifies() throws {
        let fixture = try WitnessFixture("first")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 5)
        let result = try fixture.witness.cosign(checkpointNote: log.note(5), proof: [], logVerifierKeys: [log.vkey])
        #expect(result.previousSize == nil)
        #expect(result.newlyPinnedKeys == [log.vkey])
        #expect(result.timestamp == WitnessFixture.time)
        #expect(result.checkpoint == (try log.checkpoint(5)))
        #expect(result.note.signatures.last == result.cosignature)

        // Checked only from what the witness publishes: its vkey file.
        let vkey = try String(contentsOfFile: fixture.path + "/cosigner.vkey", encoding: .utf8)
        let cosigner = try CosignatureVerifier(vkey: String(vkey.dropLast()))
        let verified = try result.note.verify(using: [cosigner, log.signer.verifier], minimumVerified: 2)
        #expect(verified.verifiedSignatures.count == 2)
        #expect(Cosignature.timestamp(of: result.cosignature) == WitnessFixture.time)
        // The cosignature line alone verifies when appended to the log's note, as tlog-witness clients do.
        let reassembled = try Note.parse(try log.note(5)).adding(result.cosignature)
        #expect(try reassembled.verify(using: [cosigner]).verifiedSignatures == [result.cosignature])

        let state = try fixture.state()
        #expect(state.logs.count == 1)
        let recorded = try #require(state.logs[log.origin])
        #expect(recorded.checkpoint.size == 5)
        #expect(recorded.note == result.note)
        #expect(recorded.logKeys == [log.vkey])
        #expect(recorded.cosignature(by: cosigner)?.timestamp == WitnessFixture.time)
    }

    @Test func extendsWithAValidProofAndRecosignsTheSameCheckpoint() throws {
        let fixture = try WitnessFixture("extend")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 1300)
        try fixture.witness.cosign(checkpointNote: log.note(1100), proof: [], logVerifierKeys: [log.vkey])
        let extended = try fixture.witness.cosign(checkpointNote: log.note(1200), proof: log.proof(1100, 1200))
        #expect(extended.previousSize == 1100)
        #expect(extended.newlyPinnedKeys.isEmpty)
        // Several steps, including power-of-two sizes, the trivial 1-leaf step, and the given key repeated.
        for (old, new) in [(1200, 1201), (1201, 1024 + 256), (1280, 1300)] as [(UInt64, UInt64)] {
            try fixture.witness.cosign(
                checkpointNote: log.note(new),
                proof: log.proof(old, new),
                logVerifierKeys: [log.vkey],
                oldSize: old
            )
        }
        // The same checkpoint again: cosigned afresh with an empty proof; the witness's old line is replaced.
        let previous = try #require(try fixture.state().logs[log.origin]).note
        let again = try fixture.witness.cosign(checkpointNote: previous.format(), proof: [])
        #expect(again.previousSize == 1300)
        #expect(again.note.signatures.count == 2)
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 1300)
    }

    @Test func refusesARollbackNamingBothSizes() throws {
        let fixture = try WitnessFixture("rollback")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 1200)
        try fixture.witness.cosign(checkpointNote: log.note(1200), proof: [], logVerifierKeys: [log.vkey])
        let before = TemporaryDirectory.snapshot(fixture.path)["state.json"]
        let error = try #require(ledgerError { try fixture.witness.cosign(checkpointNote: log.note(1100), proof: []) })
        #expect(error.code == .refused)
        #expect(error.message.hasPrefix("ROLLBACK"))
        #expect(error.message.contains("witness has seen size 1200; this checkpoint has size 1100"), "\(error)")
        #expect(TemporaryDirectory.snapshot(fixture.path)["state.json"] == before)
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 1200)
        let evidence = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/evidence")
        #expect(evidence.count == 1 && evidence[0].hasPrefix("rollback-1100-"), "\(evidence)")
    }

    @Test func refusesAForkAtTheSameSizeNamingBothRootsAndKeepsTheEvidence() throws {
        let fixture = try WitnessFixture("fork-same-size")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 12)
        var fork = try log.forked(at: 7)
        fork.grow(to: 12)
        try fixture.witness.cosign(checkpointNote: log.note(12), proof: [], logVerifierKeys: [log.vkey])
        let forged = try fork.note(12)
        let error = try #require(ledgerError { try fixture.witness.cosign(checkpointNote: forged, proof: []) })
        #expect(error.code == .refused)
        #expect(error.message.hasPrefix("FORK"), "\(error)")
        let roots = (try log.root(12).base64, try fork.root(12).base64)
        #expect(error.message.contains(roots.0) && error.message.contains(roots.1))
        #expect(try fixture.state().logs[log.origin]?.checkpoint.rootHash == (try log.root(12)))

        // The evidence file holds both signed notes, and together they prove the fork to anyone with the log key.
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/evidence")
        #expect(names.count == 1 && names[0].hasPrefix("fork-12-"), "\(names)")
        let evidence = try JSONParser().parse(Bytes.read(fixture.path + "/evidence/" + names[0]))
        #expect(evidence["kind"]?.stringValue == "fork")
        let notes = try ["refused_checkpoint", "cosigned_checkpoint"].map { key in
            try Note.open(Array(try #require(evidence[key]?.stringValue).utf8), using: [log.signer.verifier])
        }
        let checkpoints = try notes.map { try Checkpoint(note: $0.note) }
        #expect(checkpoints[0].size == checkpoints[1].size && checkpoints[0].rootHash != checkpoints[1].rootHash)
        #expect(notes[0].note == (try Note.parse(forged)))
    }

    @Test func refusesALargerCheckpointWhoseProofDoesNotVerify() throws {
        let fixture = try WitnessFixture("fork-larger")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 8)
        var fork = try log.forked(at: 5)
        fork.grow(to: 13)
        try fixture.witness.cosign(checkpointNote: log.note(8), proof: [], logVerifierKeys: [log.vkey])
        // A proof that is valid for the forked tree, of the right length, but not from what the witness saw.
        let error = try #require(
            ledgerError { try fixture.witness.cosign(checkpointNote: fork.note(13), proof: fork.proof(8, 13)) }
        )
        #expect(error.code == .refused)
        #expect(error.message.hasPrefix("INCONSISTENT"), "\(error)")
        #expect(error.message.contains("size 13") && error.message.contains("size 8"))
        #expect(error.message.contains("fork"))

        // An honest checkpoint with one proof hash altered.
        log.grow(to: 13)
        var tampered = try log.proof(8, 13)
        tampered[0] = SHA256().hash(tampered[0].bytes)
        let altered = try #require(
            ledgerError { try fixture.witness.cosign(checkpointNote: log.note(13), proof: tampered) }
        )
        #expect(altered.code == .refused && altered.message.hasPrefix("INCONSISTENT"), "\(altered)")
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 8)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/evidence").count == 2)

        // And the honest proof still works afterwards.
        try fixture.witness.cosign(checkpointNote: log.note(13), proof: log.proof(8, 13))
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 13)
    }

    @Test func refusesACheckpointNotSignedByThePinnedLogKey() throws {
        let fixture = try WitnessFixture("untrusted")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 10)
        try fixture.witness.cosign(checkpointNote: log.note(4), proof: [], logVerifierKeys: [log.vkey])

        // Signed by an impostor key of the same name: unknown to the witness, so ignored, so unsigned.
        let impostor = try Ed25519NoteSigner.generate(name: log.origin)
        let forged = try log.note(10, signedBy: [impostor])
        let unsigned = try #require(
            ledgerError { try fixture.witness.cosign(checkpointNote: forged, proof: log.proof(4, 10)) }
        )
        #expect(unsigned.code == .refused && unsigned.message.hasPrefix("UNTRUSTED"), "\(unsigned)")
        #expect(unsigned.message.contains(NoteKeyID.hex(log.signer.keyID)))

        // Giving the impostor's key does not help: it is not pinned and no pinned key signed.
        let swapped = try #require(
            ledgerError {
                try fixture.witness.cosign(
                    checkpointNote: forged,
                    proof: log.proof(4, 10),
                    logVerifierKeys: [impostor.vkey]
                )
            }
        )
        #expect(swapped.code == .refused && swapped.message.hasPrefix("UNTRUSTED"), "\(swapped)")

        // The log's own signature over an altered text: a known key's signature that fails rejects the note.
        let honest = String(decoding: try log.note(10), as: UTF8.self)
        let altered = honest.replacingOccurrences(of: "\n10\n", with: "\n11\n")
        let bad = try #require(
            ledgerError { try fixture.witness.cosign(checkpointNote: Array(altered.utf8), proof: log.proof(4, 10)) }
        )
        #expect(bad.code == .refused && bad.message.contains("does not verify"), "\(bad)")

        // The first checkpoint of an origin must verify with the given key.
        var other = try TestLog(origin: "example.org/other")
        other.grow(to: 3)
        let first = try #require(
            ledgerError {
                try fixture.witness.cosign(checkpointNote: other.note(3), proof: [], logVerifierKeys: [impostor.vkey])
            }
        )
        #expect(first.code == .refused && first.message.hasPrefix("UNTRUSTED"), "\(first)")
        #expect(try fixture.state().logs[other.origin] == nil)
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 4)
        // Nothing was kept as evidence: an unsigned note proves nothing about the log.
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/evidence"))
    }

    @Test func rotatesTheLogKeyOnlyWithASignatureByAPinnedKey() throws {
        let fixture = try WitnessFixture("rotate")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 30)
        let old = log.signer
        let new = try Ed25519NoteSigner.generate(name: log.origin)
        try fixture.witness.cosign(checkpointNote: log.note(10), proof: [], logVerifierKeys: [old.vkey])

        // Signed by both: the new key is pinned.
        let both = try fixture.witness.cosign(
            checkpointNote: log.note(20, signedBy: [old, new]),
            proof: log.proof(10, 20),
            logVerifierKeys: [new.vkey]
        )
        #expect(both.newlyPinnedKeys == [new.vkey])
        #expect(try fixture.state().logs[log.origin]?.logKeys == [old.vkey, new.vkey])
        // Then the new key alone is enough, with or without naming it.
        try fixture.witness.cosign(checkpointNote: log.note(25, signedBy: [new]), proof: log.proof(20, 25))

        // A third key that signs alongside no pinned key is refused, and a new key that did not sign is too.
        let third = try Ed25519NoteSigner.generate(name: log.origin)
        let alone = try #require(
            ledgerError {
                try fixture.witness.cosign(
                    checkpointNote: log.note(30, signedBy: [third]),
                    proof: log.proof(25, 30),
                    logVerifierKeys: [third.vkey]
                )
            }
        )
        #expect(alone.code == .refused && alone.message.hasPrefix("UNTRUSTED"), "\(alone)")
        let absent = try #require(
            ledgerError {
                try fixture.witness.cosign(
                    checkpointNote: log.note(30, signedBy: [new]),
                    proof: log.proof(25, 30),
                    logVerifierKeys: [third.vkey]
                )
            }
        )
        #expect(absent.code == .refused && absent.message.contains("did not sign"), "\(absent)")
        #expect(try fixture.state().logs[log.origin]?.logKeys == [old.vkey, new.vkey])
    }

    @Test func malformedInputIsBadInputAndChangesNothing() throws {
        let fixture = try WitnessFixture("malformed")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 70)
        let w = fixture.witness
        func code(_ body: () throws -> Void) -> LedgerError.Code? { ledgerError(body)?.code }

        #expect(
            code { try w.cosign(checkpointNote: Array("not a note\n".utf8), proof: [], logVerifierKeys: [log.vkey]) }
                == .badInput
        )
        let notACheckpoint = try Note.sign(text: "hello\n", signers: [log.signer]).format()
        #expect(
            code { try w.cosign(checkpointNote: notACheckpoint, proof: [], logVerifierKeys: [log.vkey]) } == .badInput
        )
        #expect(
            code { try w.cosign(checkpointNote: log.note(5), proof: [], logVerifierKeys: ["nonsense"]) } == .badInput
        )
        // A cosigner key is not a log key.
        #expect(code { try w.cosign(checkpointNote: log.note(5), proof: [], logVerifierKeys: [w.vkey]) } == .badInput)
        // First use: a key is needed, the proof must be empty, and the old size is 0.
        #expect(code { try w.cosign(checkpointNote: log.note(5), proof: []) } == .badInput)
        #expect(
            code { try w.cosign(checkpointNote: log.note(5), proof: log.proof(2, 5), logVerifierKeys: [log.vkey]) }
                == .badInput
        )
        #expect(
            code { try w.cosign(checkpointNote: log.note(5), proof: [], logVerifierKeys: [log.vkey], oldSize: 2) }
                == .badInput
        )
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/state.json"))

        try w.cosign(checkpointNote: log.note(5), proof: [], logVerifierKeys: [log.vkey])
        // A proof of the wrong length, a proof made from another size, and a proof for an equal size.
        let short = Array(try log.proof(5, 9).dropLast())
        let wrongLength = try #require(ledgerError { try w.cosign(checkpointNote: log.note(9), proof: short) })
        #expect(wrongLength.code == .badInput && wrongLength.message.contains("from 5 to 9"), "\(wrongLength)")
        let stale = try #require(
            ledgerError { try w.cosign(checkpointNote: log.note(9), proof: log.proof(3, 9), oldSize: 3) }
        )
        #expect(stale.code == .badInput && stale.message.contains("last cosigned size 5"), "\(stale)")
        #expect(code { try w.cosign(checkpointNote: log.note(5), proof: log.proof(3, 5)) } == .badInput)
        // More than 63 proof hashes.
        let long = [Hash](repeating: try log.root(1), count: 64)
        #expect(code { try w.cosign(checkpointNote: log.note(70), proof: long) } == .badInput)
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 5)
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/evidence"))
    }

    @Test func refusesASizeZeroCheckpointWithoutTheEmptyRoot() throws {
        let fixture = try WitnessFixture("empty")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 4)
        let bogus = try Checkpoint(origin: log.origin, size: 0, rootHash: log.root(4))
        let note = try Note.sign(text: bogus.text, signers: [log.signer]).format()
        let error = try #require(
            ledgerError { try fixture.witness.cosign(checkpointNote: note, proof: [], logVerifierKeys: [log.vkey]) }
        )
        #expect(error.code == .refused && error.message.hasPrefix("INCONSISTENT"), "\(error)")
        // The empty tree itself is fine, and grows with an empty proof.
        try fixture.witness.cosign(checkpointNote: log.note(0), proof: [], logVerifierKeys: [log.vkey])
        try fixture.witness.cosign(checkpointNote: log.note(4), proof: [])
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 4)
    }

    @Test func remembersSeveralLogsIndependently() throws {
        let fixture = try WitnessFixture("several")
        defer { fixture.remove() }
        var a = try TestLog(origin: "a.example/log")
        var b = try TestLog(origin: "b.example/log")
        a.grow(to: 9)
        b.grow(to: 3)
        try fixture.witness.cosign(checkpointNote: a.note(9), proof: [], logVerifierKeys: [a.vkey])
        try fixture.witness.cosign(checkpointNote: b.note(3), proof: [], logVerifierKeys: [b.vkey])
        // Log a's key cannot vouch for log b.
        b.grow(to: 5)
        let crossed = try #require(
            ledgerError {
                try fixture.witness.cosign(
                    checkpointNote: b.note(5, signedBy: [a.signer]),
                    proof: b.proof(3, 5),
                    logVerifierKeys: [a.vkey]
                )
            }
        )
        #expect(crossed.code == .refused, "\(crossed)")
        let state = try fixture.state()
        #expect(state.sortedLogs.map(\.origin) == ["a.example/log", "b.example/log"])
        #expect(state.sortedLogs.map(\.checkpoint.size) == [9, 3])
    }
}
