import LedgerCore
import Testing

/// Issue #11, D8 and D9 (LedgerCore part): invisible characters in identifiers, and times outside the years
/// 0001–9999.
@Suite struct IdentifierInvisibleCharacterTests {
    /// Default-ignorable code points that render as nothing: `u1` followed by one of them reads as `u1`.
    static let invisible: [UInt32] = [
        0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F, 0x200B, 0x200C, 0x200D, 0x2060,
        0x2061, 0x2062, 0x2063, 0x2064, 0x2065, 0x206A, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFFA0, 0xFFF0, 0x1BCA0,
        0x1D173, 0xE0000, 0xE0001, 0xE0041, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF,
    ]

    @Test(arguments: invisible)
    func anIdentifierWithAnInvisibleCharacterIsRefused(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let poser = "u1" + String(Character(scalar))
        let problem = try #require(EnvelopeRules.identifierProblem(poser), "U+\(String(value, radix: 16)) accepted")
        #expect(problem.contains("U+"))
        for field in ["id", "actor", "group"] {
            var members = ["id": "e1", "actor": "u1", "group": "g1"]
            members[field] = poser
            let line =
                #"{"id":"\#(members["id"]!)","type":"post.created","time":"2026-11-02T09:05:00+07:00","#
                + #""actor":"\#(members["actor"]!)","group":"\#(members["group"]!)","data":{"kind":"text"}}"#
            #expect(throws: LedgerError(.badInput, "")) { try EnvelopeDecoder().decode(Array(line.utf8), at: "line 1") }
        }
    }

    /// Free text keeps them: emoji need U+200D and U+FE0F, and a content field is not an identifier.
    @Test func contentKeepsInvisibleCharacters() throws {
        let line =
            #"{"id":"e1","type":"post.created","time":"2026-11-02T09:05:00+07:00","actor":"u1","group":"g1","#
            + #""data":{"kind":"text"},"content":{"text":"soft\#u{00AD}hyphen 👩‍💻 ❤️"}}"#
        let event = try EnvelopeDecoder().decode(Array(line.utf8), at: "line 1")
        #expect(event.content?["text"]?.stringValue?.unicodeScalars.contains("\u{00AD}") == true)
    }

    /// A record appended before the rule still reads back (a ledger written then stays intact).
    @Test func aStoredIdentifierWithASoftHyphenStillReads() throws {
        let stored =
            #"{"actor":"u1\#u{00AD}","id":"e1","time":"2026-11-02T09:05:00+07:00","type":"post.created"}"#
        let event = try EnvelopeDecoder().decodeStored(Array(stored.utf8), seq: 3)
        #expect(event.actor == "u1\u{00AD}")
        #expect(EnvelopeRules.storedIdentifierProblem("u1\u{00AD}") == nil)
    }
}

@Suite struct TimestampRangeTests {
    /// `9999-12-31T23:59:59-23:59` is in the year 10000 in UTC: it could not be written back as RFC 3339.
    @Test(arguments: [
        "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59-00:01", "0001-01-01T00:00:00+00:01",
        "0000-12-31T23:59:59Z", "0000-06-01T12:00:00+07:00",
    ])
    func aTimeOutsideTheYears0001To9999InUTCIsRefused(_ text: String) throws {
        #expect(Timestamp(text) == nil)
        let problem = try #require(Timestamp.problem(text))
        #expect(problem.contains("0001 to 9999"), "\(problem)")
        let line =
            #"{"id":"e1","type":"post.created","time":"\#(text)","actor":"u1","group":"g1","data":{"kind":"text"}}"#
        do {
            _ = try EnvelopeDecoder().decode(Array(line.utf8), at: "line 1")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(
                error.code == .badInput && error.message.contains("field \"time\"") && error.message.contains("9999")
            )
        }
    }

    @Test(arguments: [
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"), ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"),
        ("0001-01-01T00:00:00-01:00", "0001-01-01T01:00:00.000Z"),
        ("9999-12-31T23:59:59+23:59", "9999-12-31T00:00:59.000Z"),
    ])
    func theEdgesOfTheRangeAreAccepted(_ text: String, _ utc: String) throws {
        let time = try #require(Timestamp(text))
        #expect(Timestamp.format(unixMillis: time.unixMillis) == utc)
        #expect(Timestamp.problem(text) == nil)
    }

    @Test func notATimeSaysSo() {
        #expect(Timestamp.problem("tomorrow")?.contains("RFC 3339") == true)
    }

    /// A record written before the range check still reads back.
    @Test func aStoredTimeOutsideTheRangeStillReads() throws {
        let stored = #"{"actor":"u1","id":"e1","time":"9999-12-31T23:59:59-23:59","type":"post.created"}"#
        let event = try EnvelopeDecoder().decodeStored(Array(stored.utf8), seq: 1)
        #expect(event.time.text == "9999-12-31T23:59:59-23:59")
    }
}
