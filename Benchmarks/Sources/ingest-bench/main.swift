// Many concurrent submitters of 1-event bodies through `BodyIngest`, durable acknowledgement: the writer's group
// commit (bodies finished together share one fdatasync) against one commit per submission (the same submitters,
// each commit taken alone), in the same run. Prints acknowledged events per second and p50/p99 ack latency.
//
//   swift run -c release --package-path Benchmarks ingest-bench [submitters = 64] [rounds = 20]
import Foundation
import LedgerCore
import LedgerIngest
import LedgerImport
import LedgerStorage

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let submitters = arguments.first ?? 64
let rounds = arguments.dropFirst().first ?? 20

func line(_ id: String) -> [UInt8] {
    Array(
        (#"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
            + #""group":"g-1","data":{"kind":"text","message":"m"},"content":{"text":"Báo cáo tiến độ \#(id)"}}"#
            + "\n").utf8
    )
}

final class Latencies: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    func add(_ value: Double) { lock.withLock { values.append(value) } }
    func percentile(_ p: Double) -> Double {
        lock.withLock {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }
}

/// Runs `submitters` threads, each submitting `rounds` 1-event bodies; `alone` serialises every submission.
func run(label: String, alone: Bool) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-bench-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let ledger = try Ledger.create(at: directory, origin: "bench.example/ingest")
    defer { ledger.close() }
    let ingest = BodyIngest(ledger: ledger, format: .envelopes, maxBodyBytes: 1 << 20)
    let serial = NSLock()
    let latencies = Latencies()
    let started = Date()
    // One thread each (concurrentPerform would run only as many at once as there are cores).
    let done = DispatchGroup()
    for submitter in 0..<submitters {
        done.enter()
        Thread {
            defer { done.leave() }
            for round in 0..<rounds {
            let body = line("\(label):\(submitter):\(round)")
            let begun = Date()
            if alone { serial.lock() }
            _ = try? ingest.submit(name: "bench", [body])
            if alone { serial.unlock() }
            latencies.add(Date().timeIntervalSince(begun) * 1000)
            }
        }.start()
    }
    done.wait()
    let seconds = Date().timeIntervalSince(started)
    let events = submitters * rounds
    print(
        "\(label): submitters=\(submitters) events=\(events) seconds=\(String(format: "%.3f", seconds)) "
            + "events_per_s=\(Int(Double(events) / seconds)) "
            + "p50_ms=\(String(format: "%.2f", latencies.percentile(0.5))) "
            + "p99_ms=\(String(format: "%.2f", latencies.percentile(0.99))) size=\(ledger.size)"
    )
}

try run(label: "group-commit", alone: false)
try run(label: "commit-each", alone: true)

/// The decoding alone, on one thread, for comparison: what each submission costs before it reaches the writer.
func decodeOnly() {
    let started = Date()
    var events = 0
    for n in 0..<(submitters * rounds) {
        var decoder = IngestFormat.envelopes.decoder(source: .init(name: "bench"), options: .init())
        events += decoder.decodeAll(line("decode:\(n)")).count
    }
    let seconds = Date().timeIntervalSince(started)
    print("decode-only: events=\(events) seconds=\(String(format: "%.3f", seconds)) per_event_us=\(Int(seconds / Double(events) * 1e6))")
}
decodeOnly()
