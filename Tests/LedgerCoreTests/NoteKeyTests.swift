import LedgerCore
import Testing

/// Key strings from Go's `golang.org/x/mod/sumdb/note`, file `note_test.go` (TestNewVerifier, TestNewSigner,
/// TestVerifierList), read from github.com/golang/mod.
enum GoNoteVectors {
    static let peterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let peterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let enochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    /// TestSign / TestOpen: the text and the expected signature lines.
    static let text =
        "If you think cryptography is the answer to your problem,\n"
        + "then you don't know what your problem is.\n"
    static let peterSignatureLine =
        "\u{2014} PeterNeumann "
        + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSignatureLine =
        "\u{2014} EnochRoot "
        + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
}

@Suite struct NoteKeyTests {
    @Test func goVerifierKeyParses() throws {
        let verifier = try Ed25519NoteVerifier(vkey: GoNoteVectors.peterVerifierKey)
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.keyID == 0xc74f_20a3)
        #expect(verifier.vkey == GoNoteVectors.peterVerifierKey)
        let any = try NoteVerifierKey.parse(GoNoteVectors.peterVerifierKey)
        #expect(any is Ed25519NoteVerifier)
        #expect(try Ed25519NoteVerifier(vkey: GoNoteVectors.enochVerifierKey).keyID == 0xaf0c_fe78)
    }

    @Test func goSignerKeyParsesAndMatchesVerifierKey() throws {
        let signer = try Ed25519NoteSigner(skey: GoNoteVectors.peterSignerKey)
        #expect(signer.name == "PeterNeumann")
        #expect(signer.keyID == 0xc74f_20a3)
        #expect(signer.skey == GoNoteVectors.peterSignerKey)
        #expect(signer.vkey == GoNoteVectors.peterVerifierKey)
        #expect(signer.verifier == (try Ed25519NoteVerifier(vkey: GoNoteVectors.peterVerifierKey)))
    }

    /// Go's TestNewVerifier: every proper substring and every single-byte increment must be rejected.
    @Test func manglingsOfTheVerifierKeyAreRejected() {
        let key = Array(GoNoteVectors.peterVerifierKey.utf8)
        var accepted = [String]()
        for i in 0...key.count {
            for j in (i + 1)..<(key.count + 1) where i != 0 || j != key.count {
                let candidate = String(decoding: key[i..<j], as: UTF8.self)
                if (try? NoteVerifierKey.parse(candidate)) != nil { accepted.append(candidate) }
            }
        }
        for i in key.indices {
            var bytes = key
            bytes[i] &+= 1
            let candidate = String(decoding: bytes, as: UTF8.self)
            if (try? NoteVerifierKey.parse(candidate)) != nil { accepted.append(candidate) }
        }
        #expect(accepted.isEmpty)
        // Also from TestNewVerifier: a wrong-length key and an unknown algorithm, each with a matching key ID.
        #expect(throws: NoteKeyError.self) {
            try NoteVerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
        }
        #expect(throws: NoteKeyError.unsupportedSignatureType(0x65)) {
            try NoteVerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
    }

    /// Go's TestNewSigner: every proper substring and every single-byte increment must be rejected.
    @Test func manglingsOfTheSignerKeyAreRejected() {
        let key = Array(GoNoteVectors.peterSignerKey.utf8)
        var accepted = [String]()
        for i in 0...key.count {
            for j in (i + 1)..<(key.count + 1) where i != 0 || j != key.count {
                let candidate = String(decoding: key[i..<j], as: UTF8.self)
                if (try? Ed25519NoteSigner(skey: candidate)) != nil { accepted.append(candidate) }
            }
        }
        for i in key.indices {
            var bytes = key
            bytes[i] &+= 1
            let candidate = String(decoding: bytes, as: UTF8.self)
            if (try? Ed25519NoteSigner(skey: candidate)) != nil { accepted.append(candidate) }
        }
        #expect(accepted.isEmpty)
    }

    @Test func keyErrorsArePrecise() throws {
        let good = GoNoteVectors.peterVerifierKey
        #expect(throws: NoteKeyError.missingField("key ID")) { try Ed25519NoteVerifier(vkey: "PeterNeumann") }
        #expect(throws: NoteKeyError.missingField("key")) { try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20a3") }
        #expect(throws: NoteKeyError.invalidKeyName("")) { try Ed25519NoteVerifier(vkey: "+" + good) }
        #expect(throws: NoteKeyError.invalidKeyIDHex("c74f20a")) {
            try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteKeyError.invalidKeyIDHex("c74f20ag")) {
            try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20ag+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteKeyError.invalidKeyEncoding) {
            try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T")
        }
        #expect(throws: NoteKeyError.invalidKeyEncoding) { try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20a3+") }
        #expect(throws: NoteKeyError.keyIDMismatch(declared: 0xc74f_20a4, computed: 0xc74f_20a3)) {
            try Ed25519NoteVerifier(vkey: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteKeyError.missingPrivateKeyPrefix) { try Ed25519NoteSigner(skey: good) }
        #expect(throws: NoteKeyError.wrongSignatureType(expected: 0x01, found: 0x04)) {
            try Ed25519NoteVerifier(vkey: "witness.example/w1+e75f6532+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4")
        }
        // Go parses the key ID with strconv.ParseUint(_, 16, 32), so upper case is accepted too.
        let upper = try Ed25519NoteVerifier(
            vkey: "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        )
        #expect(upper.vkey == good)
    }

    @Test func keyNameRules() {
        #expect(NoteKeyName.isValid("example.com/log42"))
        #expect(NoteKeyName.isValid("PeterNeumann"))
        #expect(NoteKeyName.isValid("caf\u{E9}"))
        #expect(!NoteKeyName.isValid(""))
        #expect(!NoteKeyName.isValid("a+b"))
        for space in [
            "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
            "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        ] {
            #expect(!NoteKeyName.isValid("a\(space)b"))
        }
        #expect(throws: NoteKeyError.invalidKeyName("bad name")) {
            try Ed25519NoteSigner(name: "bad name", privateKey: .generate())
        }
    }

    @Test func keyIDsFollowTheSpecFormula() throws {
        let key = Ed25519PrivateKey.generate().publicKey
        let name = "example.com/log"
        let digest = SHA256().hash(Array(name.utf8) + [0x0A, 0x01] + key.rawRepresentation).bytes
        let expected = digest[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(try Ed25519NoteVerifier(name: name, publicKey: key).keyID == expected)
        #expect(NoteKeyID.compute(name: name, type: .ed25519, publicKey: key.rawRepresentation) == expected)
        #expect(NoteKeyID.hex(0x0000_00ab) == "000000ab")
    }

    @Test func generatedSignerKeysRoundTrip() throws {
        let signer = try Ed25519NoteSigner.generate(name: "EnochRoot")
        let parsed = try Ed25519NoteSigner(skey: signer.skey)
        #expect(parsed.keyID == signer.keyID)
        #expect(parsed.vkey == signer.vkey)
        let verifier = try Ed25519NoteVerifier(vkey: signer.vkey)
        let message = Array("hi\n".utf8)
        var signature = signer.sign(text: message)
        #expect(verifier.verify(text: message, signature: signature))
        signature[0] &+= 1
        #expect(!verifier.verify(text: message, signature: signature))
    }
}
