import LedgerCore
import Testing

@Suite struct CosignatureTests {
    static let body = Array(CheckpointTests.specBody.utf8)
    /// Seed 00 01 … 1f, name "witness.example/w1", timestamp 1679315147 and the spec's example checkpoint: the
    /// expected key and cosignature line were computed independently with Python's pyca/cryptography (48.0)
    /// Ed25519 and hashlib, following tlog-cosignature by hand.
    static let seed = [UInt8](0..<32)
    static let vkey = "witness.example/w1+e75f6532+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4"
    static let line =
        "\u{2014} witness.example/w1 519lMgAAAABkGFDLBuRDazBLVac2NE+Y+IjbjQOcXLfF9CSDZVUIoS83rE1nFZsVE8Y"
        + "iWV6Ngr7lV8H6bdoBQGP/l73euDMQ9k+bBQ==\n"

    func cosigner(clock: @escaping @Sendable () -> UInt64 = { 1_679_315_147 }) throws -> CosignatureSigner {
        try CosignatureSigner(name: "witness.example/w1", privateKey: Ed25519PrivateKey(seed: Self.seed), clock: clock)
    }

    @Test func independentKnownAnswer() throws {
        let signer = try cosigner()
        #expect(signer.vkey == Self.vkey)
        #expect(signer.keyID == 0xe75f_6532)
        let checkpoint = try Checkpoint(body: Self.body)
        #expect(signer.cosign(checkpoint, timestamp: 1_679_315_147).line == Self.line)
        // The same key as a plain Ed25519 note key has another key ID, because the type byte is hashed.
        let plain = try Ed25519NoteVerifier(name: "witness.example/w1", publicKey: signer.privateKey.publicKey)
        #expect(plain.keyID == 0x3218_362d)
    }

    @Test func messageFormat() {
        let message = Cosignature.message(body: Array("o\n1\nAAAA\n".utf8), timestamp: 0)
        #expect(message == Array("cosignature/v1\ntime 0\no\n1\nAAAA\n".utf8))
    }

    /// The example note of C2SP tlog-cosignature: a log signature and a witness cosignature.
    static let specExampleLog =
        "Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo"
        + "+zyWE+xeMcTOAYQ8="
    static let specExampleWitness =
        "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nP"
        + "Zqhf5nNo0xUe+mbIUBkBIfZ+qnA=="

    /// The spec's example note parses, and its witness line carries the time of the spec's example signed
    /// message, 1679315147.
    @Test func specExampleTimestamp() throws {
        let text =
            CheckpointTests.specBody + "\n"
            + "\u{2014} example.com/behind-the-sofa \(Self.specExampleLog)\n"
            + "\u{2014} witness.example.com/w1 \(Self.specExampleWitness)\n"
        let note = try Note.parse(Array(text.utf8))
        #expect(note.signatures.count == 2)
        #expect(Cosignature.timestamp(of: note.signatures[1]) == 1_679_315_147)
        #expect(Cosignature.timestamp(of: note.signatures[0]) == nil)
    }

    @Test func signAndVerifyRoundTrip() throws {
        let log = try Ed25519NoteSigner.generate(name: "example.com/behind-the-sofa")
        let witness = try cosigner(clock: { 1_700_000_000 })
        let checkpoint = try Checkpoint(body: Self.body)
        let note = try Note.sign(text: checkpoint.text, signers: [log]).signed(by: [witness])
        let verifier = try CosignatureVerifier(vkey: witness.vkey)
        #expect(verifier == witness.verifier)
        let opened = try Note.open(note.format(), using: [log.verifier, verifier], minimumVerified: 2)
        #expect(opened.verifiedSignatures.count == 2)
        #expect(Cosignature.timestamp(of: opened.verifiedSignatures[1]) == 1_700_000_000)
        #expect(try Checkpoint(note: opened.note) == checkpoint)
        // NoteVerifierKey dispatches on the type byte.
        #expect(try NoteVerifierKey.parse(witness.vkey) is CosignatureVerifier)
        #expect(throws: NoteKeyError.wrongSignatureType(expected: 0x04, found: 0x01)) {
            try CosignatureVerifier(vkey: log.vkey)
        }
    }

    @Test func cosignatureOverADifferentBodyFails() throws {
        let witness = try cosigner()
        let first = try Checkpoint(origin: "example.com/log", size: 5, rootHash: SHA256.emptyTreeRoot)
        let second = try Checkpoint(origin: "example.com/log", size: 6, rootHash: SHA256.emptyTreeRoot)
        let signature = witness.cosign(first, timestamp: 1_700_000_000)
        #expect(witness.verifier.verify(text: first.body, signature: signature.signature))
        #expect(!witness.verifier.verify(text: second.body, signature: signature.signature))
        let moved = try Note(text: second.text, signatures: [signature])
        #expect(throws: NoteError.invalidSignature(name: "witness.example/w1", keyID: witness.keyID)) {
            try moved.verify(using: [witness.verifier])
        }
    }

    @Test func tamperedTimestampsAndShapesFail() throws {
        let witness = try cosigner()
        let signature = witness.sign(text: Self.body)
        #expect(Cosignature.timestamp(of: signature) == 1_679_315_147)
        #expect(witness.verifier.verify(text: Self.body, signature: signature))
        var later = signature
        later[7] &+= 1
        #expect(!witness.verifier.verify(text: Self.body, signature: later))
        var huge = signature
        huge[0] = 0x80  // above 2^63 - 1
        #expect(Cosignature.timestamp(of: huge) == nil)
        #expect(!witness.verifier.verify(text: Self.body, signature: huge))
        #expect(!witness.verifier.verify(text: Self.body, signature: Array(signature.dropFirst(8))))
        #expect(!witness.verifier.verify(text: Self.body, signature: signature + [0]))
        // A plain Ed25519 signature of the body is not a cosignature.
        let plain = witness.privateKey.sign(Self.body)
        #expect(!witness.verifier.verify(text: Self.body, signature: [0, 0, 0, 0, 0, 0, 0, 0] + plain))
    }

    @Test func largestTimestampIsAllowed() throws {
        let witness = try cosigner()
        let signature = witness.sign(text: Self.body, timestamp: Cosignature.maximumTimestamp)
        #expect(Cosignature.timestamp(of: signature) == UInt64(Int64.max))
        #expect(witness.verifier.verify(text: Self.body, signature: signature))
    }

    @Test func systemClockIsPlausible() {
        #expect(CosignatureSigner.systemTime() > 1_700_000_000)
    }
}
