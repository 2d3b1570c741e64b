import LedgerCore
import TestSupport
import Testing

/// Random and mutated inputs for the note, key, checkpoint and proof parsers. Nothing may crash; whatever
/// parses must format back to the same bytes; and no mutation may make a different text verify.
@Suite struct NoteFuzzTests {
    static let log = try! Ed25519NoteSigner(
        name: "example.com/log",
        privateKey: Ed25519PrivateKey(seed: [UInt8](repeating: 3, count: 32))
    )
    static let witness = try! CosignatureSigner(
        name: "witness.example/w1",
        privateKey: Ed25519PrivateKey(seed: [UInt8](repeating: 4, count: 32)),
        clock: { 1_700_000_000 }
    )
    static let checkpoint = try! Checkpoint(origin: "example.com/log", size: 42, rootHash: SHA256.emptyTreeRoot)
    static let note = try! Note.sign(text: checkpoint.text, signers: [log, witness])
    static let proof = try! TlogProof(
        extra: Array("extra".utf8),
        index: 41,
        path: [SHA256.emptyTreeRoot, SHA256().hash([1])],
        checkpointNote: note
    )

    /// How many inputs each parser accepted, to show that the round-trip checks actually ran.
    struct Accepted {
        var notes = 0
        var verifiedNotes = 0
        var checkpoints = 0
        var proofs = 0
        var keys = 0
    }

    /// Parses `bytes` with every parser, checking the round-trip property of each that accepts.
    func exercise(_ bytes: [UInt8], _ accepted: inout Accepted) {
        if let note = try? Note.parse(bytes) {
            accepted.notes += 1
            #expect(note.format() == bytes)
            if let verified = try? note.verify(using: [Self.log.verifier, Self.witness.verifier]) {
                accepted.verifiedNotes += 1
                #expect(verified.text == Self.note.text)
            }
        }
        if let checkpoint = try? Checkpoint(body: bytes) {
            accepted.checkpoints += 1
            #expect(checkpoint.body == bytes)
        }
        if let proof = try? TlogProof.parse(bytes) {
            accepted.proofs += 1
            #expect(proof.format() == bytes)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let verifier = try? NoteVerifierKey.parse(text) {
            accepted.keys += 1
            let vkey = (verifier as? Ed25519NoteVerifier)?.vkey ?? (verifier as? CosignatureVerifier)?.vkey
            #expect(vkey?.lowercased() == text.lowercased())  // Go accepts an upper-case key ID
        }
        if let signer = try? Ed25519NoteSigner(skey: text) {
            accepted.keys += 1
            #expect(signer.skey.lowercased() == text.lowercased())
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededRandom(seed: 0x5EED_0001)
        var accepted = Accepted()
        for i in 0..<20_000 {
            let input =
                i.isMultiple(of: 2)
                ? random.grammarBytes(count: Int.random(in: 0...200, using: &random))
                : random.grammarDocument()
            exercise(input, &accepted)
        }
        #expect(accepted.notes > 1_000)
        #expect(accepted.checkpoints > 1_000)
        #expect(accepted.proofs > 500)
    }

    @Test func mutatedNotesNeverCrashOrVerifyAnotherText() {
        var random = SeededRandom(seed: 0x5EED_0002)
        let valid = Self.note.format()
        var accepted = Accepted()
        for _ in 0..<20_000 {
            exercise(random.mutate(valid), &accepted)
        }
        // The seed is fixed, so these counts are too; they show that the round-trip checks ran.
        #expect(accepted.notes > 1_000)
        #expect(accepted.verifiedNotes > 100)
    }

    @Test func mutatedCheckpointsAndProofsNeverCrash() {
        var random = SeededRandom(seed: 0x5EED_0003)
        let body = Self.checkpoint.body
        let proof = Self.proof.format()
        var accepted = Accepted()
        for _ in 0..<10_000 {
            exercise(random.mutate(body), &accepted)
            exercise(random.mutate(proof), &accepted)
        }
        #expect(accepted.checkpoints > 200)
        #expect(accepted.proofs > 200)
    }

    @Test func mutatedKeysNeverCrash() {
        var random = SeededRandom(seed: 0x5EED_0004)
        let keys = [Self.log.vkey, Self.log.skey, Self.witness.vkey].map { Array($0.utf8) }
        var accepted = Accepted()
        for i in 0..<20_000 {
            exercise(random.mutate(keys[i % keys.count]), &accepted)
        }
        #expect(accepted.keys > 0)
    }
}
