import LedgerCore
import Testing

/// A decoded envelope keeps the canonical bytes it was measured by, so that appending it does not serialize it
/// again; the kept bytes must never outlive a change to the envelope.
@Suite struct EnvelopeCanonicalBytesTests {
    static let line = Array(
        #"{"id":"e1","type":"post.created","time":"2026-11-29T08:30:00+07:00","actor":"u1","group":"g1","data":{"b":1,"a":"x"},"content":{"text":"Xin chào"}}"#
            .utf8
    )

    static func fresh(_ envelope: EventEnvelope) -> EventEnvelope {
        EventEnvelope(
            id: envelope.id,
            type: envelope.type,
            time: envelope.time,
            actor: envelope.actor,
            group: envelope.group,
            data: envelope.data,
            content: envelope.content
        )
    }

    @Test func keptBytesAreTheCanonicalOnes() throws {
        let decoded = try EnvelopeDecoder().decode(Self.line, at: "line 1")
        let rebuilt = Self.fresh(decoded)
        #expect(decoded == rebuilt)
        #expect(decoded.hashValue == rebuilt.hashValue)
        #expect(decoded.canonicalChainBytes() == JCS.serialize(decoded.chainObject))
        #expect(decoded.canonicalContentBytes() == JCS.serialize(.object(JSONObject(members: [("text", "Xin chào")]))))
        let prepared = PreparedEvent(decoded)
        #expect(prepared.chainBytes == rebuilt.canonicalChainBytes())
        #expect(prepared.contentBytes == rebuilt.canonicalContentBytes())
        #expect(prepared.id == "e1" && !prepared.isLedgerEvent)
    }

    @Test func everyChangeDropsTheKeptBytes() throws {
        let decoded = try EnvelopeDecoder().decode(Self.line, at: "line 1")
        let changes: [(String, (inout EventEnvelope) -> Void)] = [
            ("id", { $0.id = "e2" }),
            ("type", { $0.type = "post.removed" }),
            ("time", { $0.time = Timestamp("2026-11-30T08:30:00+07:00")! }),
            ("actor", { $0.actor = "u2" }),
            ("group", { $0.group = nil }),
            ("data", { $0.data = .object(JSONObject(members: [("c", true)])) }),
            ("content", { $0.content = nil }),
        ]
        for (field, change) in changes {
            var changed = decoded
            change(&changed)
            let expected = Self.fresh(changed)
            #expect(changed.canonicalChainBytes() == expected.canonicalChainBytes(), "after changing \(field)")
            #expect(changed.canonicalContentBytes() == expected.canonicalContentBytes(), "after changing \(field)")
            #expect(PreparedEvent(changed).chainBytes == expected.canonicalChainBytes(), "after changing \(field)")
        }
    }

    @Test func validateAppliesTheLineRulesToBuiltEnvelopes() throws {
        let decoder = EnvelopeDecoder()
        let good = EventEnvelope(
            id: "e1",
            type: "post.created",
            time: Timestamp("2026-11-29T08:30:00+07:00")!,
            actor: "u1"
        )
        #expect(try decoder.validate(good, at: "x").canonicalChainBytes() == JCS.serialize(good.chainObject))
        var reserved = good
        reserved.type = "ledger.key_rotated"
        #expect(throws: LedgerError.self) { try decoder.validate(reserved, at: "x") }
        var badActor = good
        badActor.actor = "u\u{202E}1"
        #expect(throws: LedgerError.self) { try decoder.validate(badActor, at: "x") }
        var notObject = good
        notObject.data = .string("x")
        let error = #expect(throws: LedgerError.self) { try decoder.validate(notObject, at: "x") }
        #expect(error?.message == #"x: field "data" must be a JSON object"#)
    }
}
