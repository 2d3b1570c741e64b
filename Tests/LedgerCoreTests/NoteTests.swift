import LedgerCore
import Testing

@Suite struct NoteTests {
    let peter = try! Ed25519NoteVerifier(vkey: GoNoteVectors.peterVerifierKey)
    let enoch = try! Ed25519NoteVerifier(vkey: GoNoteVectors.enochVerifierKey)
    let text = GoNoteVectors.text
    let peterLine = GoNoteVectors.peterSignatureLine
    let enochLine = GoNoteVectors.enochSignatureLine

    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// `line` with `insert` spliced in at byte `offset`, as Go's tests do with `sig[:60]+"ABCD"+sig[60:]`.
    func splice(_ line: String, at offset: Int, _ insert: String) -> String {
        let b = bytes(line)
        return String(decoding: b[..<offset] + bytes(insert) + b[offset...], as: UTF8.self)
    }

    /// Go's TestSign: the exact signed message.
    @Test func signProducesGoKnownAnswer() throws {
        let signer = try Ed25519NoteSigner(skey: GoNoteVectors.peterSignerKey)
        let note = try Note.sign(text: text, signers: [signer])
        #expect(note.format() == bytes(text + "\n" + peterLine))
        #expect(note.byteCount == note.format().count)

        // Re-signing replaces an existing signature by the same key.
        let stale = try NoteSignature(name: "PeterNeumann", keyID: 0xc74f_20a3, signature: [0x05, 0x20, 0x48])
        let resigned = try Note(text: text, signatures: [stale]).signed(by: [signer])
        #expect(resigned.format() == bytes(text + "\n" + peterLine))
    }

    @Test func signRejectsBadInput() throws {
        let signer = try Ed25519NoteSigner(skey: GoNoteVectors.peterSignerKey)
        #expect(throws: NoteError.textNotNewlineTerminated) { try Note.sign(text: "abc", signers: [signer]) }
        #expect(throws: NoteError.textNotNewlineTerminated) { try Note.sign(text: "", signers: [signer]) }
        #expect(throws: NoteError.controlCharacter(offset: 1, byte: 0x09)) {
            try Note.sign(text: "a\tb\n", signers: [signer])
        }
        #expect(throws: NoteError.noSignatures) { try Note.sign(text: text, signers: []) }
        #expect(throws: NoteError.invalidKeyName("a+b")) {
            try NoteSignature(name: "a+b", keyID: 0, signature: [1])
        }
        #expect(throws: NoteError.emptySignature) { try NoteSignature(name: "a", keyID: 0, signature: []) }
    }

    /// Go's TestOpen, first cases: one known key, then both.
    @Test func openVerifiesKnownKeysAndIgnoresUnknownOnes() throws {
        let message = bytes(text + "\n" + peterLine + enochLine)
        let one = try Note.open(message, using: [peter])
        #expect(one.text == text)
        #expect(one.verifiedSignatures.map(\.name) == ["PeterNeumann"])
        #expect(one.verifiedSignatures.first?.keyID == 0xc74f_20a3)
        #expect(one.unknownSignatures.map(\.name) == ["EnochRoot"])
        #expect(one.unknownSignatures.first?.keyID == 0xaf0c_fe78)
        #expect(one.note.format() == message)

        let both = try Note.open(message, using: [peter, enoch])
        #expect(both.verifiedSignatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
        #expect(both.unknownSignatures.isEmpty)
        #expect(try Note.open(message, using: [peter, enoch], minimumVerified: 2).verifiedSignatures.count == 2)
        #expect(throws: NoteError.insufficientSignatures(verified: 2, required: 3)) {
            try Note.open(message, using: [peter, enoch], minimumVerified: 3)
        }
    }

    @Test func openRequiresAVerifiedSignature() throws {
        let message = bytes(text + "\n" + peterLine + enochLine)
        #expect(throws: NoteError.insufficientSignatures(verified: 0, required: 1)) {
            try Note.open(message, using: [])
        }
        // The note still parses, with both signatures, for callers that want to inspect it.
        #expect(try Note.parse(message).signatures.count == 2)
    }

    @Test func signaturesSharingOnlyNameOrOnlyKeyIDAreIgnored() throws {
        let good = try Note.parse(bytes(text + "\n" + peterLine))
        let signature = good.signatures[0]
        let otherID = try NoteSignature(name: "PeterNeumann", keyID: 0xc74f_20a4, signature: signature.signature)
        let otherName = try NoteSignature(name: "PeterNeuman", keyID: 0xc74f_20a3, signature: [1, 2, 3])
        let note = try Note(text: text, signatures: [otherID, otherName, signature])
        let verified = try note.verify(using: [peter])
        #expect(verified.verifiedSignatures == [signature])
        #expect(verified.unknownSignatures == [otherID, otherName])
    }

    /// Go's TestOpen "Invalid signature": a known key whose signature fails rejects the note.
    @Test func badSignatureFromKnownKeyRejectsTheNote() throws {
        let corrupted = splice(peterLine, at: 60, "ABCD")
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try Note.open(bytes(text + "\n" + corrupted), using: [peter])
        }
        // Even next to a valid signature by the same key, and whatever the order.
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try Note.open(bytes(text + "\n" + peterLine + corrupted), using: [peter])
        }
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try Note.open(bytes(text + "\n" + corrupted + enochLine + peterLine), using: [peter, enoch])
        }
        // A valid signature over a different text.
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try Note.open(bytes("Another text.\n\n" + peterLine), using: [peter])
        }
    }

    /// Go's TestOpen "Duplicated verified and unverified signatures".
    @Test func duplicatesAreCollapsed() throws {
        let enochABCD = splice(enochLine, at: 60, "ABCD")
        let message = bytes(text + "\n" + peterLine + peterLine + enochLine + enochLine + enochABCD)
        let opened = try Note.open(message, using: [peter])
        #expect(opened.verifiedSignatures.count == 1)
        #expect(opened.unknownSignatures.count == 2)
        #expect(opened.note.signatures.count == 5)
        #expect(opened.note.format() == message)
    }

    /// Go's TestOpen "Check duplicated verifier" and "unused duplicated verifier".
    @Test func ambiguousVerifiers() throws {
        #expect(throws: NoteError.ambiguousKey(name: "EnochRoot", keyID: 0xaf0c_fe78)) {
            try Note.open(bytes(text + "\n" + enochLine), using: [enoch, peter, enoch])
        }
        #expect(
            try Note.open(bytes(text + "\n" + peterLine), using: [enoch, peter, enoch]).verifiedSignatures.count == 1
        )
    }

    /// Go's TestOpen "Check too many signatures".
    @Test func signatureLimit() throws {
        let hundred = bytes(text + "\n" + String(repeating: peterLine, count: 100))
        #expect(try Note.parse(hundred).signatures.count == 100)
        let tooMany = bytes(text + "\n" + String(repeating: peterLine, count: 101))
        #expect(throws: NoteError.tooManySignatures(limit: 100)) { try Note.open(tooMany, using: [peter]) }
        #expect(throws: NoteError.tooManySignatures(limit: 100)) { try Note.open(tooMany, using: []) }
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: Note.maximumByteCount) + bytes("\n\n" + peterLine)
        #expect(throws: NoteError.tooLarge(byteCount: big.count, limit: Note.maximumByteCount)) {
            try Note.parse(big)
        }
    }

    /// Go's TestOpen "Invalid encoded message syntax", plus more, each with its precise error.
    @Test func malformedNotesAreRejected() {
        let cases: [(String, NoteError)] = [
            (text, .missingSignatureBlock),
            (text + "\n", .signatureBlockNotNewlineTerminated),
            (text + "\n" + String(peterLine.dropLast()), .signatureBlockNotNewlineTerminated),
            ("\u{01}" + text + "\n" + peterLine, .controlCharacter(offset: 0, byte: 0x01)),
            (
                text + "\n\u{2014} Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotp"
                    + "RZb6KE6RyyBwJnAM=\n", .malformedSignatureLine(line: 1, .invalidBase64)
            ),
            (text + "\n" + peterLine + "Unexpected line.\n", .malformedSignatureLine(line: 2, .missingPrefix)),
            (text + "\n- PeterNeumann AAAAAAA=\n", .malformedSignatureLine(line: 1, .missingPrefix)),
            (text + "\n\u{2014}PeterNeumann AAAAAAA=\n", .malformedSignatureLine(line: 1, .missingPrefix)),
            (text + "\n\u{2014} PeterNeumann\n", .malformedSignatureLine(line: 1, .invalidKeyName)),
            (text + "\n\u{2014}  AAAAAAA=\n", .malformedSignatureLine(line: 1, .invalidKeyName)),
            (text + "\n\u{2014} a+b AAAAAAA=\n", .malformedSignatureLine(line: 1, .invalidKeyName)),
            (text + "\n\u{2014} a\u{A0}b AAAAAAA=\n", .malformedSignatureLine(line: 1, .invalidKeyName)),
            (text + "\n\u{2014} PeterNeumann \n", .malformedSignatureLine(line: 1, .tooShort)),
            (text + "\n\u{2014} PeterNeumann AAAAAAA\n", .malformedSignatureLine(line: 1, .invalidBase64)),
            (text + "\n\u{2014} PeterNeumann AAAAAAB=\n", .malformedSignatureLine(line: 1, .invalidBase64)),
            (text + "\n\u{2014} PeterNeumann AAAAAAA= \n", .malformedSignatureLine(line: 1, .invalidBase64)),
            (text + "\n\u{2014} PeterNeumann AAAAAA==\n", .malformedSignatureLine(line: 1, .tooShort)),
            (text + "\n" + peterLine + "\n", .signatureBlockNotNewlineTerminated),
            ("\n" + peterLine, .missingSignatureBlock),
            (text + "\r\n" + peterLine, .controlCharacter(offset: text.utf8.count, byte: 0x0D)),
        ]
        for (message, expected) in cases {
            #expect(throws: expected, "\(message)") { try Note.parse(Array(message.utf8)) }
        }
        #expect(throws: NoteError.invalidUTF8(offset: 0)) { try Note.parse([0xFF] + bytes(text + "\n" + peterLine)) }
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80], [0x80]] {
            #expect(throws: NoteError.invalidUTF8(offset: 2)) {
                try Note.parse(bytes("ab") + bad + bytes("\n\n" + peterLine))
            }
        }
    }

    @Test func textMayContainBlankLinesAndTheSplitIsTheLastOne() throws {
        let signer = try Ed25519NoteSigner(skey: GoNoteVectors.peterSignerKey)
        for body in ["a\n\nb\n", "a\n\n", "\n", "\n\n\n", "\u{2014} looks like a signature\n\n"] {
            let note = try Note.sign(text: body, signers: [signer])
            let opened = try Note.open(note.format(), using: [peter])
            #expect(opened.text == body)
            #expect(opened.note == note)
        }
    }

    @Test func signedByAddsAfterExistingSignatures() throws {
        let peterSigner = try Ed25519NoteSigner(skey: GoNoteVectors.peterSignerKey)
        let other = try Ed25519NoteSigner.generate(name: "EnochRoot")
        let note = try Note.sign(text: text, signers: [peterSigner]).signed(by: [other])
        #expect(note.signatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
        let opened = try Note.open(note.format(), using: [peter, other.verifier], minimumVerified: 2)
        #expect(opened.verifiedSignatures.count == 2)
        #expect(try note.adding(note.signatures[0]).signatures.count == 3)
    }

    @Test func errorsDescribeThemselves() {
        #expect(
            NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3).description
                == "invalid signature for key PeterNeumann+c74f20a3"
        )
        #expect(
            NoteError.ambiguousKey(name: "EnochRoot", keyID: 0xaf0c_fe78).description
                == "ambiguous key EnochRoot+af0cfe78"
        )
    }
}
