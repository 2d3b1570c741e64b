import GroupDomain
import LedgerCore

/// Builds a ledger's records for a test, one event at a time: sequence numbers count from 1 (record 0 is the
/// ledger's own) and times are given as day and hour of November 2026 in Việt Nam time.
struct Story {
    private(set) var records: [RecordedEvent] = []

    /// An empty story.
    init() {}

    /// A story of records read elsewhere.
    init(records: [RecordedEvent]) {
        self.records = records
    }

    /// `2026-11-<day>T<hour>:<minute>:00+07:00`.
    static func time(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return Timestamp("2026-11-\(two(day))T\(two(hour)):\(two(minute)):00+07:00")!
    }

    /// Appends an event and returns its sequence number.
    @discardableResult
    mutating func add(
        _ type: String,
        day: Int,
        hour: Int,
        minute: Int = 0,
        actor: String = "vp-ubnd",
        group: String? = "g-1",
        data: JSONValue? = nil,
        content: JSONValue? = nil,
        withheld: Bool = false
    ) -> UInt64 {
        let seq = UInt64(records.count + 1)
        let event = EventEnvelope(
            id: "e-\(seq)",
            type: type,
            time: Story.time(day, hour, minute),
            actor: actor,
            group: group,
            data: data,
            content: withheld ? nil : content
        )
        records.append(RecordedEvent(seq: seq, event: event, isWithheld: withheld, appendedAtMillis: Int64(seq) * 1000))
        return seq
    }

    /// A registered group `g-1` with head `p-1` (Phó Chủ tịch, UBND tỉnh), admin `p-2` assigned by the head, and members `p-1`…`p-<members>`
    /// (accounts `a-1`…) who all acknowledged the rules, on 2 November.
    static func wellRun(members: Int = 4) -> Story {
        var story = Story()
        for n in 1...members {
            story.add(
                "person.registered",
                day: 2,
                hour: 8,
                group: nil,
                data: [
                    "person": .string("p-\(n)"), "position": n == 1 ? "Phó Chủ tịch" : "Chuyên viên",
                    "unit": n == 1 ? "UBND tỉnh" : "Sở Tài chính",
                ],
                content: ["full_name": .string("Người \(n)")]
            )
            story.add(
                "account.bound",
                day: 2,
                hour: 8,
                group: nil,
                data: ["person": .string("p-\(n)"), "account": .string("a-\(n)")]
            )
        }
        story.add(
            "group.registered",
            day: 2,
            hour: 9,
            data: ["field": "Tài chính", "decision": "2547/QĐ-UBND"],
            content: ["name": "Nhóm 1"]
        )
        story.add("head.assigned", day: 2, hour: 9, data: ["person": "p-1"])
        story.add("admin.assigned", day: 2, hour: 9, data: ["person": "p-2", "assigned_by": "p-1"])
        story.add(
            "member.joined",
            day: 2,
            hour: 10,
            actor: "a-1",
            data: ["accounts": .array((1...members).map { .string("a-\($0)") })]
        )
        for n in 1...members {
            story.add(
                "rules.acknowledged",
                day: 2,
                hour: 11,
                data: ["person": .string("p-\(n)"), "rulebook": "2547/QĐ-UBND"]
            )
        }
        return story
    }
}

extension RuleChecker {
    /// Checks every record of `story` with `configuration` and returns the result.
    static func check(_ story: Story, configuration: RuleConfiguration = .default, at: Int64? = nil) -> AuditResult {
        var checker = RuleChecker(configuration: configuration)
        for record in story.records { checker.apply(record) }
        return checker.result(at: at)
    }
}

extension AuditResult {
    /// The findings of `rule` (and `check`, when given).
    func findings(_ rule: String, _ check: String? = nil) -> [Finding] {
        findings.filter { $0.rule == rule && (check == nil || $0.check == check) }
    }
}
