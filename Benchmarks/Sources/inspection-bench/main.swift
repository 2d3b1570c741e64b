import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage

// Measures the inspection model (LedgerInspection); run by Benchmarks/inspection-bench.sh:
//   inspection-bench generate LEDGER N  write a ledger of N events (BenchLedger)
//   inspection-bench build LEDGER       build from record 0 (the last 1,000 records as ten catch-ups of 100), save
//   inspection-bench resume LEDGER      resume from the saved snapshot
// each followed by p50/p99 over 100 calls of every query. Times are wall-clock (a page's server time); memory is
// the process's resident set (VmRSS) before and after, from /proc/self/status. Prints `key=value` lines.

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "generate", let count = Int(arguments[3]) {
    try BenchLedger.write(arguments[2], count: count)
    exit(0)
}
guard arguments.count == 3, ["build", "resume"].contains(arguments[1]) else {
    print("usage: inspection-bench generate LEDGER N | build LEDGER | resume LEDGER")
    exit(64)
}
let mode = arguments[1]
let root = arguments[2]

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The resident set in MiB, from /proc/self/status.
func residentMiB(_ field: String = "VmRSS") -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    let kib = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    return kib / 1024
}

func report(_ key: String, _ value: Double) { print("\(key)=\(String(format: "%.3f", value))") }

let reader = try LedgerReader(root: root)
let size = try reader.extent().size
print("records=\(size)")
let baseline = residentMiB()
report("rss_before_mib", baseline)

var inspection: Inspection!
if mode == "build" {
    let start = size - min(size, 1_000)
    report(
        "build_seconds",
        try seconds {
            inspection = Inspection(configuration: .default)
            try inspection.catchUp(reader: reader, size: start)
        }
    )
    var steps: [Double] = []
    for step in stride(from: start, to: size, by: 100) {
        steps.append(try seconds { try inspection.catchUp(reader: reader, size: min(size, step + 100)) })
    }
    report("catch_up_100_records_median_ms", steps.sorted()[steps.count / 2] * 1000)
    report("catch_up_100_records_max_ms", (steps.max() ?? 0) * 1000)
    report("save_seconds", try seconds { try inspection.save(reader: reader) })
    let snapshot = try FileManager.default.attributesOfItem(atPath: root + "/views/inspection.snapshot")
    report("snapshot_mib", Double((snapshot[.size] as? Int) ?? 0) / 1_048_576)
} else {
    report(
        "resume_seconds",
        try seconds {
            inspection = try Inspection.resume(reader: reader, size: size, configuration: .default) {
                print("warning: \($0)")
            }
        }
    )
}
report("rss_after_mib", residentMiB())
report("model_rss_mib", residentMiB() - baseline)
report("peak_rss_mib", residentMiB("VmHWM"))

let view = inspection.view
let province = view.province()
let groups = province.groups.map(\.id)
let busiest = groups.max { (view.timeline(group: $0)?.total ?? 0) < (view.timeline(group: $1)?.total ?? 0) }!
let persons = view.state.persons.keys.sorted()
let someone = persons[persons.count / 2]
let account = view.state.persons[someone]?.currentAccounts.first ?? someone
let rules = province.openFindingsByRule.keys.sorted()
print("open_findings_by_rule=" + rules.map { "\($0):\(province.openFindingsByRule[$0]!)" }.joined(separator: ","))
let firstTime = view.record(1)!.timeMillis
let lastTime = view.record(size - 1)!.timeMillis
let middleTime = Timestamp(Timestamp.format(unixMillis: (firstTime + lastTime) / 2))!
print(
    "groups=\(groups.count) persons=\(persons.count) findings=\(view.audit.findings.count) busiest_group_records=\(view.timeline(group: busiest)!.total)"
)

/// p50 and p99 of 100 calls of `body`, in milliseconds; the `index` lets a call vary its question.
func measure(_ name: String, _ body: (Int) throws -> Void) rethrows {
    var times: [Double] = []
    for index in 0..<100 { times.append(try seconds { try body(index) }) }
    times.sort()
    print(name + String(format: " p50_ms=%.3f p99_ms=%.3f", times[49] * 1000, times[98] * 1000))
}

measure("province") { _ in _ = inspection.view.province() }
measure("group_timeline_first_page") { index in
    _ = inspection.view.timeline(group: groups[index % groups.count], page: PageRequest(number: 1, size: 50))
}
measure("group_timeline_newest_page") { _ in
    _ = inspection.view.timeline(group: busiest, filter: TimelineFilter(newestFirst: true))
}
measure("group_timeline_types_page_20") { _ in
    _ = inspection.view.timeline(
        group: busiest,
        filter: TimelineFilter(types: ["member.joined"]),
        page: PageRequest(number: 20)
    )
}
measure("group_timeline_person") { _ in
    _ = inspection.view.timeline(group: busiest, filter: TimelineFilter(person: account))
}
measure("group_timeline_time_range") { _ in
    _ = inspection.view.timeline(
        group: busiest,
        filter: TimelineFilter(fromMillis: middleTime.unixMillis, toMillis: middleTime.unixMillis + 86_400_000)
    )
}
try measure("group_at_record") { index in
    _ = try inspection.view.groupState(busiest, at: .seq(UInt64(index) * (size / 100)), reader: reader)
}
try measure("group_at_time") { _ in
    _ = try inspection.view.groupState(busiest, at: .eventTime(middleTime), reader: reader)
}
measure("person_page") { index in _ = inspection.view.person(persons[index * persons.count / 100]) }
measure("person_page_account") { _ in _ = inspection.view.person(account) }
measure("findings_all_page_1") { _ in _ = inspection.view.findings() }
measure("findings_by_rule") { index in
    _ = inspection.view.findings(FindingFilter(rules: [rules.isEmpty ? "R1" : rules[index % rules.count]]))
}
measure("findings_by_group_open") { index in
    _ = inspection.view.findings(FindingFilter(group: groups[index % groups.count], status: .open))
}
measure("findings_by_person") { _ in _ = inspection.view.findings(FindingFilter(person: someone)) }
measure("directives") { _ in _ = inspection.view.directives() }
measure("search_common_words") { _ in _ = inspection.view.search("báo cáo tình hình") }
measure("search_rare_word") { index in _ = inspection.view.search("nhiệm vụ số \(index * 9_973)") }
measure("search_nfd_unaccented") { _ in _ = inspection.view.search("de nghi".decomposedStringWithCanonicalMapping) }
measure("search_person_name") { _ in _ = inspection.view.search("Nguyễn Văn") }
measure("record") { index in _ = inspection.view.record(UInt64(index) * (size / 100)) }
