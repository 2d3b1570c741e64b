import LedgerCore
import LedgerStorage
import Testing

/// `verify --envelopes`: the record hashes prove the stored bytes unchanged, this proves the writer stored what the
/// format requires — a valid event envelope in RFC 8785 canonical form. Here the writer is made to store other
/// bytes through its lowest entry point, as another writer or a buggy one would, with every hash correct.
@Suite struct EnvelopeFormTests {
    static func written(_ label: String, chainBytes: [UInt8]) throws -> (TemporaryDirectory, UInt64) {
        let directory = TemporaryDirectory(label)
        let ledger = try Ledger.create(at: directory.path + "/ledger", origin: "example.org/envelope-form")
        defer { ledger.close() }
        _ = try ledger.append([Events.post(1), Events.joined(2)])
        let odd = PreparedEvent(
            checkedID: "test:odd:3",
            chainBytes: chainBytes,
            contentBytes: nil,
            idHash: SHA256().hash(Array("test:odd:3".utf8))
        )
        let seq = try ledger.append(prepared: [odd]).firstSeq!
        _ = try ledger.append([Events.post(4)])
        return (directory, seq)
    }

    static func verify(_ directory: TemporaryDirectory, envelopes: Bool) throws -> VerificationReport {
        var verifier = Verifier(root: directory.path + "/ledger")
        verifier.checksEnvelopes = envelopes
        return try verifier.run()
    }

    @Test func aValidEnvelopeNotInCanonicalFormIsFoundAndLocated() throws {
        // Members out of order and a space: the same event, other bytes.
        let bytes = Array(
            #"{"type":"member.left","id":"test:odd:3", "time":"2026-11-03T08:00:00+07:00","actor":"7301000000000000002","group":"g-1"}"#
                .utf8
        )
        let (directory, seq) = try Self.written("not-canonical", chainBytes: bytes)
        defer { directory.remove() }
        #expect(try Self.verify(directory, envelopes: false).isIntact, "the hashes match")
        let problem = try #require(try Self.verify(directory, envelopes: true).problem)
        #expect(problem.kind == .envelopeNotCanonical)
        #expect(problem.seq == seq)
        #expect(problem.file == "segments/\(LedgerLayout.stem(0)).seg")
        #expect(problem.byteOffset != nil)
        #expect(problem.found?.hasPrefix(#"{"type":"#) == true, "\(problem.found ?? "")")
        #expect(problem.expected?.hasPrefix(#"{"actor":"#) == true, "\(problem.expected ?? "")")
        #expect(problem.message.contains("record \(seq)") && problem.message.contains("canonical"))
    }

    @Test(arguments: [
        (#"{"id":"test:odd:3""#, "does not hold JSON"),
        (#"[1,2,3]"#, "must be a JSON object"),
        (#"{"id":"test:odd:3","type":"member.left"}"#, "field \"time\" is required"),
    ])
    func aRecordThatHoldsNoEventEnvelopeIsFound(_ stored: String, _ said: String) throws {
        let (directory, seq) = try Self.written("not-envelope", chainBytes: Array(stored.utf8))
        defer { directory.remove() }
        #expect(try Self.verify(directory, envelopes: false).isIntact)
        let problem = try #require(try Self.verify(directory, envelopes: true).problem)
        #expect(problem.kind == .envelopeInvalid)
        #expect(problem.seq == seq)
        #expect(problem.message.contains(said), "\(problem.message)")
    }

    @Test func aLedgerWrittenByGroupLedgerPassesTheCheck() throws {
        let directory = TemporaryDirectory("canonical")
        defer { directory.remove() }
        let ledger = try Ledger.create(at: directory.path + "/ledger", origin: "example.org/envelope-form")
        _ = try ledger.append((1...20).map { Events.post($0, text: "Nội dung \($0) \u{1F600} \"quoted\"") })
        _ = try ledger.withhold(seq: 3, reason: "R7a-classified", actor: "vp-ubnd")
        ledger.close()
        let report = try Self.verify(directory, envelopes: true)
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.records == 22, "ledger.initialized, 20 posts, the withholding")
    }
}
