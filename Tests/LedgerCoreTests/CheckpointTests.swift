import LedgerCore
import Testing

@Suite struct CheckpointTests {
    /// The example checkpoint of C2SP tlog-checkpoint and tlog-cosignature.
    static let specBody = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    static let root = Hash(base64: "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")!

    @Test func parsesTheSpecExample() throws {
        let checkpoint = try Checkpoint(body: Array(Self.specBody.utf8))
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.size == 20_852_163)
        #expect(checkpoint.rootHash == Self.root)
        #expect(checkpoint.extensions.isEmpty)
        #expect(checkpoint.text == Self.specBody)
        #expect(checkpoint.body == Array(Self.specBody.utf8))
    }

    @Test func formatsAndRoundTripsWithExtensions() throws {
        let checkpoint = try Checkpoint(
            origin: "ledger.example/group 7",
            size: UInt64.max,
            rootHash: SHA256.emptyTreeRoot,
            extensions: ["\u{2014} first", "second + more"]
        )
        let expected =
            "ledger.example/group 7\n18446744073709551615\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
            + "\u{2014} first\nsecond + more\n"
        #expect(checkpoint.text == expected)
        #expect(try Checkpoint(body: checkpoint.body) == checkpoint)
        #expect(try Checkpoint(body: Array("o\n0\n\(Self.root.base64)\n".utf8)).size == 0)
    }

    @Test func readsTheTextOfASignedNote() throws {
        let signer = try Ed25519NoteSigner.generate(name: "example.com/behind-the-sofa")
        let note = try Note.sign(text: Self.specBody, signers: [signer])
        let opened = try Note.open(note.format(), using: [signer.verifier])
        #expect(try Checkpoint(note: opened.note).size == 20_852_163)
    }

    @Test func rejectsMalformedBodies() {
        let r = Self.root.base64
        let cases: [(String, CheckpointError)] = [
            ("", .notNewlineTerminated),
            ("o\n1\n\(r)", .notNewlineTerminated),
            ("\n", .missingLines(found: 1)),
            ("o\n1\n", .missingLines(found: 2)),
            ("\n1\n\(r)\n", .emptyOrigin),
            ("o\n\n\(r)\n", .invalidTreeSize("", .empty)),
            ("o\n01\n\(r)\n", .invalidTreeSize("01", .leadingZero)),
            ("o\n00\n\(r)\n", .invalidTreeSize("00", .leadingZero)),
            ("o\n+1\n\(r)\n", .invalidTreeSize("+1", .notDecimal)),
            ("o\n-1\n\(r)\n", .invalidTreeSize("-1", .notDecimal)),
            ("o\n 1\n\(r)\n", .invalidTreeSize(" 1", .notDecimal)),
            ("o\n1 \n\(r)\n", .invalidTreeSize("1 ", .notDecimal)),
            ("o\n1_000\n\(r)\n", .invalidTreeSize("1_000", .notDecimal)),
            ("o\n0x10\n\(r)\n", .invalidTreeSize("0x10", .notDecimal)),
            ("o\n\u{0661}\n\(r)\n", .invalidTreeSize("\u{0661}", .notDecimal)),
            ("o\n18446744073709551616\n\(r)\n", .invalidTreeSize("18446744073709551616", .overflow)),
            ("o\n99999999999999999999999\n\(r)\n", .invalidTreeSize("99999999999999999999999", .overflow)),
            ("o\n1\nnot base64\n", .invalidRootHashEncoding("not base64")),
            ("o\n1\n\(r.dropLast())\n", .invalidRootHashEncoding(String(r.dropLast()))),
            ("o\n1\nAAAA\n", .invalidRootHashLength(3)),
            ("o\n1\n\(Base64.encode([UInt8](repeating: 7, count: 33)))\n", .invalidRootHashLength(33)),
            ("o\n1\n\(r)\n\n", .emptyExtensionLine(line: 4)),
            ("o\n1\n\(r)\next\n\nmore\n", .emptyExtensionLine(line: 5)),
            ("o\n1\n\(r)\n\t\n", .controlCharacter(offset: 5 + r.utf8.count, byte: 0x09)),
        ]
        for (body, expected) in cases {
            #expect(throws: expected, "\(body)") { try Checkpoint(body: Array(body.utf8)) }
        }
        #expect(throws: CheckpointError.invalidUTF8(offset: 1)) {
            try Checkpoint(body: [UInt8(ascii: "o"), 0xFF] + Array("\n1\n\(r)\n".utf8))
        }
    }

    @Test func rejectsUnformattableFields() {
        #expect(throws: CheckpointError.emptyOrigin) { try Checkpoint(origin: "", size: 1, rootHash: Self.root) }
        #expect(throws: CheckpointError.containsNewline(field: "origin")) {
            try Checkpoint(origin: "a\nb", size: 1, rootHash: Self.root)
        }
        #expect(throws: CheckpointError.emptyExtensionLine(line: 5)) {
            try Checkpoint(origin: "o", size: 1, rootHash: Self.root, extensions: ["x", ""])
        }
        #expect(throws: CheckpointError.containsNewline(field: "extension line 4")) {
            try Checkpoint(origin: "o", size: 1, rootHash: Self.root, extensions: ["x\n"])
        }
        #expect(throws: CheckpointError.controlCharacter(offset: 1, byte: 0x00)) {
            try Checkpoint(origin: "o\u{0}", size: 1, rootHash: Self.root)
        }
    }
}
