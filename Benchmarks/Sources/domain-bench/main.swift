import Foundation
import GroupDomain
import LedgerCore

// Measures the projection and audit figures of BENCHMARKS.md on events held in memory (reading the ledger is
// measured by ledger-bench): replay to full state (events/s), and a full audit (rule checker plus the JSON and
// HTML reports), and on its own the text matcher over every post, the larger part of an audit. Times are CPU
// seconds of the benchmark's thread. Prints `key=value` lines.

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 1_000_000
let groups = 50
let people = 2_000

/// Seconds of CPU time this thread has used: on a shared machine, wall time also counts other people's builds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func account(_ person: Int) -> String { "7301\(String(format: "%015d", person))" }

/// A province the size of a large one: registrations and bindings first, then a month-like stream of posts
/// (60 %), reactions, seen receipts, joins and leaves, acknowledgements and directives with their answers.
func records() -> [RecordedEvent] {
    var out: [RecordedEvent] = []
    out.reserveCapacity(count)
    var millis: Int64 = 1_793_523_600_000
    func add(_ type: String, _ actor: String, _ group: String?, _ data: JSONValue?, _ content: JSONValue? = nil) {
        let seq = UInt64(out.count + 1)
        millis += 2_000
        let event = EventEnvelope(
            id: "e-\(seq)",
            type: type,
            time: Timestamp(Timestamp.format(unixMillis: millis))!,
            actor: actor,
            group: group,
            data: data,
            content: content
        )
        out.append(RecordedEvent(seq: seq, event: event))
    }
    for person in 0..<people {
        add(
            "person.registered",
            "vp-ubnd",
            nil,
            ["person": .string("p-\(person)"), "position": "Chuyên viên", "unit": "Sở Tài chính"],
            ["full_name": "Nguyễn Văn An"]
        )
        add("account.bound", "vp-ubnd", nil, ["person": .string("p-\(person)"), "account": .string(account(person))])
    }
    for group in 0..<groups {
        let id = "g-\(group)"
        add("group.registered", "vp-ubnd", id, ["field": "Tài chính", "decision": "2547/QĐ-UBND"], ["name": "Nhóm"])
        add("head.assigned", "vp-ubnd", id, ["person": .string("p-\(group)")])
        add(
            "admin.assigned",
            "vp-ubnd",
            id,
            ["person": .string("p-\(group + 100)"), "assigned_by": .string("p-\(group)")]
        )
        let members = (0..<40).map { JSONValue.string(account((group * 37 + $0 * 13) % people)) }
        add("member.joined", account(group), id, ["accounts": .array(members)])
    }
    var random = SplitMix64(seed: 2547)
    let work = [
        "Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số %d trước 16h00 ngày mai.",
        "Kính gửi lãnh đạo, đơn vị đã hoàn thành rà soát %d hồ sơ, xin báo cáo.",
        "Mật độ dân cư tại %d xã vùng sâu còn thấp, đề nghị Sở Xây dựng hỗ trợ.",
        "Văn bản số %d/UBND-TH đã được ban hành, các đơn vị lưu ý thực hiện.",
    ]
    /// Mostly work; about one post in 50 has an emoji, one in 200 a link, one in 500 an advert.
    func text(_ n: Int) -> String {
        switch n % 1000 {
        case 0, 500: "Nhà em có bán mật ong, giá 250k/lít, ship COD, LH 0912 345 678"
        case 1..<6: "Xem tin tại http://tin-nong-24h.xyz/\(n)"
        case 6..<26: "Đã nhận văn bản \(n), cảm ơn đồng chí 👍"
        default: String(format: work[n % work.count], n)
        }
    }
    var message = 6_001_000_000_000_000_000
    var directive = 0
    while out.count < count {
        let group = Int.random(in: 0..<groups, using: &random)
        let id = "g-\(group)"
        let person = (group * 37 + Int.random(in: 0..<40, using: &random) * 13) % people
        let roll = Int.random(in: 0..<100, using: &random)
        message += 1
        switch roll {
        case 0..<60:
            add(
                "post.created",
                account(person),
                id,
                ["message": .string("\(message)"), "kind": "text"],
                ["text": .string(text(out.count))]
            )
        case 60..<75:
            add("reaction.added", account(person), id, ["message": .string("\(message - 1)"), "icon": "/-strong"])
        case 75..<87:
            add(
                "message.seen",
                account(person),
                id,
                ["messages": [.string("\(message - 1)")], "accounts": [.string(account(person))]]
            )
        case 87..<91:
            add("rules.acknowledged", "vp-ubnd", id, ["person": .string("p-\(person)"), "rulebook": "2547/QĐ-UBND"])
        case 91..<94:
            directive += 1
            add(
                "directive.issued",
                "vp-ubnd",
                id,
                [
                    "directive": .string("d-\(directive)"), "issuer": .string("p-\(group)"),
                    "assignees": [.string("p-\(person)")],
                    "due": .string(Timestamp.format(unixMillis: millis + 86_400_000)),
                ]
            )
        case 94..<98 where directive > 0:
            add(
                "directive.acknowledged",
                "vp-ubnd",
                id,
                ["directive": .string("d-\(directive)"), "assignee": .string("p-\(person)")]
            )
        default:
            add("member.left", account(person), id, ["accounts": [.string(account(person))]])
            add("member.joined", account(person), id, ["accounts": [.string(account(person))]])
        }
    }
    return out
}

/// A seeded generator, so every run audits the same events.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let generated = now()
let events = records()
print("events=\(events.count) generate_s=\(String(format: "%.2f", now() - generated))")

var best = Double.infinity
var state = ProvinceState()
for _ in 0..<3 {
    let start = now()
    state = Projector.replay(events)
    best = min(best, now() - start)
}
print("replay_s=\(String(format: "%.3f", best)) replay_events_per_s=\(Int(Double(events.count) / best))")
let hashed = now()
let hash = state.canonicalDocument().hash
print("state_json_s=\(String(format: "%.3f", now() - hashed)) state_hash=\(hash.hexPrefix(16))")

var postTexts: [String] = []
for record in events where record.event.type == "post.created" {
    postTexts.append(record.event.content?["text"]?.stringValue ?? "")
}
let matcher = TextMatcher()
let matching = now()
var matches = 0
for text in postTexts { matches += matcher.matches(in: text).count }
print(
    "text_posts=\(postTexts.count) text_match_s=\(String(format: "%.3f", now() - matching)) text_matches=\(matches)"
)

let audited = now()
var checker = RuleChecker(configuration: .default)
for event in events { checker.apply(event) }
let result = checker.result()
let checked = now()
let report = AuditReport(result: result, clock: RuleConfiguration.default.displayTime)
let json = JCS.serialize(report.json(.vi))
let html = HTMLReport.render(report, .vi)
let rendered = now()
print(
    "audit_check_s=\(String(format: "%.3f", checked - audited)) audit_render_s=\(String(format: "%.3f", rendered - checked))"
        + " audit_total_s=\(String(format: "%.3f", rendered - audited)) findings=\(result.findings.count)"
        + " json_bytes=\(json.count) html_bytes=\(html.utf8.count)"
)
