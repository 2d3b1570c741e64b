import Foundation
import LedgerCore
import LedgerStorage

// Measures the figures of BENCHMARKS.md: append with one sync per 1,000 events, verify, peak RSS, and the time of
// `openssl dgst -sha256` over the same segment bytes. Prints `key=value` lines.

// `ledger-bench reopen LEDGER [ROUNDS]`: open + append one 1,000-event batch + close on an existing ledger, ROUNDS
// times (default 5); prints each round's open and open + append times. The events are new (numbered from the
// ledger's size), so each round appends them all.
let reopenMode = CommandLine.arguments.count > 2 && CommandLine.arguments[1] == "reopen"
let count = reopenMode ? 0 : CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 1_000_000
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
            id: "zca-ge:\(group):join:\(n)",
            type: "member.joined",
            time: time,
            actor: account,
            group: group,
            data: .object(
                JSONObject(members: [("accounts", .array([.string(account)])), ("added_by", .string(account))])
            )
        )
    }
    return EventEnvelope(
        id: "zca:\(group):\(6_001_000_000_000_000_000 + n)",
        type: "post.created",
        time: time,
        actor: account,
        group: group,
        data: .object(
            JSONObject(members: [("kind", .string("text")), ("message", .string("\(6_001_000_000_000_000_000 + n)"))])
        ),
        content: .object(
            JSONObject(members: [
                (
                    "text",
                    .string("Đề nghị các đơn vị báo cáo tình hình thực hiện nhiệm vụ số \(n) trước 16h00 ngày mai.")
                )
            ])
        )
    )
}

if reopenMode {
    let existing = CommandLine.arguments[2]
    let rounds = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3])! : 5
    for round in 1...rounds {
        let start = now()
        let reopened = try Ledger.open(at: existing)
        let opened = now()
        let first = Int(reopened.size)
        _ = try reopened.append((first..<first + batchSize).map(event))
        let appended = now()
        reopened.close()
        print(
            "round=\(round) size=\(first) open_ms=\(String(format: "%.1f", (opened - start) * 1000))"
                + " open_and_append_batch_ms=\(String(format: "%.1f", (appended - start) * 1000))"
                + " peak_rss_mib=\(String(format: "%.1f", peakRSSMiB()))"
        )
    }
    exit(0)
}

// BENCH_KEEP=DIR keeps the ledger there, for profiling later runs against it.
let keep = ProcessInfo.processInfo.environment["BENCH_KEEP"]
let root = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-bench-\(getpid())").path
defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }

print("events=\(count)")

/// The disk's current fdatasync latency (it switches between regimes on this VM): p50 of 200 4 KiB appends.
func fdatasyncProbeMillis() -> Double {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-sync-probe").path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer {
        close(fd)
        unlink(path)
    }
    let block = [UInt8](repeating: 0x61, count: 4096)
    var times: [Double] = []
    for _ in 0..<200 {
        _ = block.withUnsafeBytes { write(fd, $0.baseAddress, 4096) }
        let start = now()
        fdatasync(fd)
        times.append(now() - start)
    }
    return times.sorted()[100] * 1000
}
print("fdatasync_p50_ms_before=\(String(format: "%.3f", fdatasyncProbeMillis()))")
/// Resets the peak-RSS counter (Linux `clear_refs` value 5), so each phase reports its own peak.
func resetPeakRSS() {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    if fd >= 0 {
        _ = write(fd, "5", 1)
        close(fd)
    }
}

let ledger = try Ledger.create(at: root, origin: "bench.example/ledger")
resetPeakRSS()
var appendSeconds = 0.0
var rssAt100k = 0.0
for start in stride(from: 0, to: count, by: batchSize) {
    let batch = (start..<min(count, start + batchSize)).map(event)
    let appendStart = now()
    _ = try ledger.append(batch)
    appendSeconds += now() - appendStart
    if start + batchSize == 100_000 { rssAt100k = peakRSSMiB() }
}
let rssAppend = peakRSSMiB()
ledger.close()
print("append_seconds=\(String(format: "%.3f", appendSeconds))  (time inside Ledger.append only)")
print("append_events_per_second=\(Int(Double(count) / appendSeconds))")

resetPeakRSS()
let verifyStart = now()
let report = try Verifier(root: root).run()
let verifySeconds = now() - verifyStart
let rssVerify = peakRSSMiB()
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
// Opening the full ledger and appending one batch of 1,000 new events.
let moreEvents = (count..<(count + batchSize)).map(event)
let openStart = now()
let reopened = try Ledger.open(at: root)
let openSeconds = now() - openStart
_ = try reopened.append(moreEvents)
let openAppendSeconds = now() - openStart
reopened.close()
print("open_ms=\(String(format: "%.1f", openSeconds * 1000))")
print("open_and_append_batch_ms=\(String(format: "%.1f", openAppendSeconds * 1000))")

// Proofs from disk: medians over 1,000 random indices / sizes.
let reader = try LedgerReader(root: root)
let builder = try ProofBuilder(reader: reader)
let note = try reader.checkpoint()
let size = try reader.head().size
var generator = SystemRandomNumberGenerator()
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
var inclusionTimes: [Double] = []
var consistencyTimes: [Double] = []
for _ in 0..<1000 {
    let index = UInt64.random(in: 0..<size, using: &generator)
    let t0 = now()
    _ = try builder.inclusionProof(index: index, checkpointNote: note)
    inclusionTimes.append(now() - t0)
    let old = UInt64.random(in: 1..<size, using: &generator)
    let t1 = now()
    _ = try builder.consistencyProof(from: old, checkpointNote: note)
    consistencyTimes.append(now() - t1)
}
print("inclusion_proof_median_ms=\(String(format: "%.3f", median(inclusionTimes) * 1000))")
print("consistency_proof_median_ms=\(String(format: "%.3f", median(consistencyTimes) * 1000))")
print("append_rss_peak_at_100k_mib=\(String(format: "%.0f", rssAt100k))")
print("append_rss_peak_at_end_mib=\(String(format: "%.0f", rssAppend))")
print("verify_rss_peak_mib=\(String(format: "%.0f", rssVerify))")
print("fdatasync_p50_ms_after=\(String(format: "%.3f", fdatasyncProbeMillis()))")
