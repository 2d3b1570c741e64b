import LedgerCore

/// Events for tests: realistic shapes, unique ids.
enum Events {
    static func post(_ n: Int, group: String = "g-1", text: String? = nil) -> EventEnvelope {
        EventEnvelope(
            id: "test:post:\(n)",
            type: "post.created",
            time: Timestamp("2026-11-03T07:45:12+07:00")!,
            actor: "7301000000000000001",
            group: group,
            data: .object(JSONObject(members: [("kind", .string("text")), ("message", .string("60010000\(n)"))])),
            content: .object(JSONObject(members: [("text", .string(text ?? "Báo cáo số \(n) về tình hình mưa lũ"))]))
        )
    }

    static func joined(_ n: Int) -> EventEnvelope {
        EventEnvelope(
            id: "test:join:\(n)",
            type: "member.joined",
            time: Timestamp("2026-11-02T08:10:00+07:00")!,
            actor: "7301000000000000002",
            group: "g-1",
            data: .object(JSONObject(members: [("accounts", .array([.string("73010000000000\(n)")]))]))
        )
    }
}
