import Foundation
import LedgerCore
import LedgerStorage

// Measures the figures of BENCHMARKS.md: append with one sync per 1,000 events, verify, peak RSS, and the time of
// `openssl dgst -sha256` over the same segment bytes. Prints `key=value` lines.

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 1_000_000
let batchSize = 1000

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kb / 1024
    }
    return 0
}

/// Realistic events: a mix of posts (with content) and governance/platform events, about 350 bytes each.
func event(_ n: Int) -> EventEnvelope {
    let group = "g-73011288445566770\(n % 7)"
    let account = "73010000000000\(String(format: "%05d", n % 5000))"
    let time = Timestamp(Timestamp.format(unixMillis: 1_762_045_800_000 + Int64(n) * 1000))!
    if n % 3 == 0 {
        return EventEnvelope(
            id: "zca-ge:\(group):join:\(n)", type: "member.joined", time: time, actor: account, group: group,
            data: .object(JSONObject(members: [("accounts", .array([.string(account)])), ("added_by", .string(account))]))
        )
    }
    return EventEnvelope(
        id: "zca:\(group):\(6_001_000_000_000_000_000 + n)", type: "post.created", time: time, actor: account,
        group: group,
        data: .object(JSONObject(members: [("kind", .string("text")), ("message", .string("\(6_001_000_000_000_000_000 + n)"))])),
        content: .object(JSONObject(members: [
            ("text", .string("Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số \(n) trước 16h00 ngày mai.")),
        ]))
    )
}

let root = FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: root) }

print("events=\(count)")
let events = (0..<count).map(event)
print("rss_after_generation_mib=\(String(format: "%.0f", peakRSSMiB()))")

let ledger = try Ledger.create(at: root, origin: "bench.example/ledger")
let appendStart = now()
var rssAt100k = 0.0
for start in stride(from: 0, to: count, by: batchSize) {
    _ = try ledger.append(Array(events[start..<min(count, start + batchSize)]))
    if start + batchSize == 100_000 { rssAt100k = peakRSSMiB() }
}
let appendSeconds = now() - appendStart
ledger.close()
print("append_seconds=\(String(format: "%.3f", appendSeconds))")
print("append_events_per_second=\(Int(Double(count) / appendSeconds))")

let verifyStart = now()
let report = try Verifier(root: root).run()
let verifySeconds = now() - verifyStart
precondition(report.isIntact, "verify failed: \(report.problem?.message ?? "")")
print("verify_seconds=\(String(format: "%.3f", verifySeconds))")
print("verify_records_per_second=\(Int(Double(report.records) / verifySeconds))")

let segments = try FileManager.default.contentsOfDirectory(atPath: root + "/segments").sorted()
    .map { root + "/segments/" + $0 }
let bytes = segments.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
let dgst = Process()
dgst.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
dgst.arguments = ["dgst", "-sha256"] + segments
dgst.standardOutput = FileHandle.nullDevice
let dgstStart = now()
try dgst.run()
dgst.waitUntilExit()
let dgstSeconds = now() - dgstStart
print("segment_bytes=\(bytes)")
print("openssl_dgst_seconds=\(String(format: "%.3f", dgstSeconds))")
print("verify_to_openssl_ratio=\(String(format: "%.2f", verifySeconds / dgstSeconds))")
print("rss_peak_at_100k_mib=\(String(format: "%.0f", rssAt100k))")
print("rss_peak_mib=\(String(format: "%.0f", peakRSSMiB()))")
