import LedgerCore
import Testing

@Suite struct TlogProofTests {
    /// The header, extra, index and path lines of the example in C2SP tlog-proof; its checkpoint's signature
    /// lines are elided in the spec ("hI2DJw[...]1roloI="), so the tests sign that checkpoint with their own key.
    static let specPrefix = """
        c2sp.org/tlog-proof@v1
        extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
        index 73894
        gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
        B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
        EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
        RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
        AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=


        """
    static let specCheckpoint = "example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n"

    static let log = try! Ed25519NoteSigner(
        name: "example.com/fancylog",
        privateKey: Ed25519PrivateKey(seed: [UInt8](repeating: 9, count: 32))
    )
    static let note = try! Note.sign(text: specCheckpoint, signers: [log])

    static var specProofBytes: [UInt8] { Array(specPrefix.utf8) + note.format() }

    @Test func parsesTheSpecExampleShape() throws {
        let proof = try TlogProof.parse(Self.specProofBytes)
        #expect(proof.extra.map { Array($0.prefix(30)) } == Array("age-v1.2.1-darwin-arm64.tar.gz".utf8))
        #expect(proof.extra?.count == 39)
        #expect(proof.index == 73_894)
        #expect(proof.path.count == 5)
        #expect(proof.path[0] == Hash(base64: "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ="))
        #expect(proof.checkpoint.origin == "example.com/fancylog")
        #expect(proof.checkpoint.size == 109_482)
        #expect(proof.checkpointNoteBytes == Self.note.format())
        #expect(proof.format() == Self.specProofBytes)
        let opened = try Note.open(proof.checkpointNoteBytes, using: [Self.log.verifier])
        #expect(opened.note == proof.checkpointNote)
    }

    @Test func formatsAndRoundTripsByteExactly() throws {
        let sha = SHA256()
        let path = (0..<3).map { sha.hash([UInt8($0)]) }
        let plain = try TlogProof(index: 0, path: [], checkpointNote: Self.note)
        #expect(plain.format() == Array("c2sp.org/tlog-proof@v1\nindex 0\n\n".utf8) + Self.note.format())
        for proof in [
            plain,
            try TlogProof(extra: [1, 2, 3], index: UInt64.max, path: path, checkpointNote: Self.note),
            try TlogProof(extra: [], index: 7, path: path, checkpointNote: Self.note),
        ] {
            let bytes = proof.format()
            let parsed = try TlogProof.parse(bytes)
            #expect(parsed == proof)
            #expect(parsed.format() == bytes)
        }
        #expect(try TlogProof(extra: [], index: 7, path: [], checkpointNote: Self.note).extra == nil)
    }

    @Test func rejectsMalformedProofs() throws {
        let note = String(decoding: Self.note.format(), as: UTF8.self)
        let h = SHA256.emptyTreeRoot.base64
        let cases: [(String, TlogProofError)] = [
            ("", .wrongHeader),
            ("c2sp.org/tlog-proof@v1", .wrongHeader),
            ("c2sp.org/tlog-proof@v2\nindex 1\n\n" + note, .wrongHeader),
            ("c2sp.org/tlog-proof@v1 \nindex 1\n\n" + note, .wrongHeader),
            ("\nc2sp.org/tlog-proof@v1\nindex 1\n\n" + note, .wrongHeader),
            ("c2sp.org/tlog-proof@v1\n", .truncated(expecting: "index line")),
            ("c2sp.org/tlog-proof@v1\nextra AQID\n", .truncated(expecting: "index line")),
            ("c2sp.org/tlog-proof@v1\nindex 1\n", .truncated(expecting: "blank line before the checkpoint")),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\(h)", .truncated(expecting: "blank line before the checkpoint")),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\n", .invalidCheckpointNote(.missingSignatureBlock)),
            ("c2sp.org/tlog-proof@v1\nextra \nindex 1\n\n" + note, .emptyExtra),
            ("c2sp.org/tlog-proof@v1\nextra AQI\nindex 1\n\n" + note, .invalidExtraEncoding),
            ("c2sp.org/tlog-proof@v1\nextra  AQID\nindex 1\n\n" + note, .invalidExtraEncoding),
            ("c2sp.org/tlog-proof@v1\nextra AQID\nextra AQID\nindex 1\n\n" + note, .missingIndex),
            ("c2sp.org/tlog-proof@v1\nindex 1\nextra AQID\n\n" + note, .invalidPathHashEncoding(line: 1)),
            ("c2sp.org/tlog-proof@v1\n\(h)\n\n" + note, .missingIndex),
            ("c2sp.org/tlog-proof@v1\nIndex 1\n\n" + note, .missingIndex),
            ("c2sp.org/tlog-proof@v1\nindex\n\n" + note, .missingIndex),
            ("c2sp.org/tlog-proof@v1\nindex \n\n" + note, .invalidIndex("", .empty)),
            ("c2sp.org/tlog-proof@v1\nindex 01\n\n" + note, .invalidIndex("01", .leadingZero)),
            ("c2sp.org/tlog-proof@v1\nindex  1\n\n" + note, .invalidIndex(" 1", .notDecimal)),
            ("c2sp.org/tlog-proof@v1\nindex -1\n\n" + note, .invalidIndex("-1", .notDecimal)),
            ("c2sp.org/tlog-proof@v1\nindex 1 \n\n" + note, .invalidIndex("1 ", .notDecimal)),
            (
                "c2sp.org/tlog-proof@v1\nindex 18446744073709551616\n\n" + note,
                .invalidIndex("18446744073709551616", .overflow)
            ),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\(h.dropLast())\n\n" + note, .invalidPathHashEncoding(line: 1)),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\(h)\n\(h) \n\n" + note, .invalidPathHashEncoding(line: 2)),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\(h)\nAAAA\n\n" + note, .invalidPathHashLength(line: 2, byteCount: 3)),
            (
                "c2sp.org/tlog-proof@v1\nindex 1\n\(Base64.encode([UInt8](repeating: 0, count: 33)))\n\n" + note,
                .invalidPathHashLength(line: 1, byteCount: 33)
            ),
            ("c2sp.org/tlog-proof@v1\nindex 1\n\n\n" + note, .invalidCheckpoint(.emptyOrigin)),
            (
                "c2sp.org/tlog-proof@v1\nindex 1\n\n" + note + "\n",
                .invalidCheckpointNote(.signatureBlockNotNewlineTerminated)
            ),
            ("c2sp.org/tlog-proof@v1\r\nindex 1\n\n" + note, .wrongHeader),
        ]
        for (proof, expected) in cases {
            #expect(throws: expected, "\(proof)") { try TlogProof.parse(Array(proof.utf8)) }
        }
        let notCheckpoint = try Note.sign(text: "just text\n", signers: [Self.log])
        #expect(throws: TlogProofError.invalidCheckpoint(.missingLines(found: 1))) {
            try TlogProof.parse(Array("c2sp.org/tlog-proof@v1\nindex 1\n\n".utf8) + notCheckpoint.format())
        }
        let longPath = String(repeating: h + "\n", count: 65)
        #expect(throws: TlogProofError.pathTooLong(count: 65, limit: 64)) {
            try TlogProof.parse(Array("c2sp.org/tlog-proof@v1\nindex 1\n\(longPath)\n\(note)".utf8))
        }
        let maxPath = String(repeating: h + "\n", count: 64)
        #expect(
            try TlogProof.parse(Array("c2sp.org/tlog-proof@v1\nindex 1\n\(maxPath)\n\(note)".utf8)).path.count == 64
        )
    }
}
