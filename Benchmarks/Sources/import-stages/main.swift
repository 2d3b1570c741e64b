import Foundation
import LedgerCore
import LedgerImport
import LedgerStorage

// Where the time of `groupledger import zca` goes, stage by stage, on one thread: parsing each line into a JSON tree,
// the whole zca decoder (the direct path for group text messages, then the general path for comparison: parse,
// map, build and check the event), freeing what it made, and the durable append in batches of 1,000. Prints
// `key=value` lines (microseconds per event).
//
//   import-stages CAPTURE.jsonl        (Benchmarks/import-bench.sh writes one; the first 200,000 lines are enough)

guard CommandLine.arguments.count > 1, let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    print("usage: import-stages CAPTURE.jsonl")
    exit(64)
}
let bytes = [UInt8](data)

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` and prints its time per unit.
func stage<T>(_ name: String, per units: Int, _ body: () throws -> T) rethrows -> T {
    let start = now()
    let result = try body()
    print(String(format: "%@_us_per_event=%.2f", name, (now() - start) * 1e6 / Double(units)))
    return result
}

var lines: [ArraySlice<UInt8>] = []
var lineStart = 0
for (i, byte) in bytes.enumerated() where byte == 0x0a {
    lines.append(bytes[lineStart..<i])
    lineStart = i + 1
}
print("lines=\(lines.count)")

let parser = JSONParser()
stage("parse", per: lines.count) {
    var objects = 0
    for line in lines where (try? line.withUnsafeBytes { try parser.parse($0) })?.objectValue != nil { objects += 1 }
    precondition(objects == lines.count)
}

/// The one-thread decode, then the collection of its events, then freeing the rest, a 1 MiB chunk at a time as
/// `groupledger import` does.
func decodeAndPrepare(_ bytes: [UInt8], lineCount: Int, direct: Bool) -> [PreparedEvent] {
    var decoder = ZcaDecoder(source: ImportSource(name: "capture.jsonl", fileSHA256: String(repeating: "0", count: 64)))
    decoder.threads = 1
    decoder.directPath = direct
    let path = direct ? "direct" : "general"
    var prepared: [PreparedEvent] = []
    var seconds = (decode: 0.0, prepare: 0.0, free: 0.0)
    for start in stride(from: 0, to: bytes.count, by: 1 << 20) {
        var t = now()
        var outcomes = bytes[start..<min(bytes.count, start + (1 << 20))].withUnsafeBytes { decoder.consume($0) }
        if start + (1 << 20) >= bytes.count { outcomes += decoder.finish() }
        seconds.decode += now() - t
        t = now()
        for case .events(let events, _) in outcomes { prepared += events }
        seconds.prepare += now() - t
        t = now()
        outcomes = []
        seconds.free += now() - t
    }
    precondition(prepared.count == lineCount, "every line of the capture must give one event")
    for (name, time) in [
        ("\(path)_decode_one_thread", seconds.decode), ("\(path)_collect", seconds.prepare),
        ("\(path)_free_events", seconds.free),
    ] {
        print(String(format: "%@_us_per_event=%.2f", name, time * 1e6 / Double(lineCount)))
    }
    return prepared
}
let prepared = decodeAndPrepare(bytes, lineCount: lines.count, direct: true)
precondition(
    decodeAndPrepare(bytes, lineCount: lines.count, direct: false).map(\.chainBytes) == prepared.map(\.chainBytes),
    "the direct and the general path must give the same events"
)

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-stages-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: directory) }
let ledger = try Ledger.create(at: directory, origin: "bench.example/import-stages")
stage("append_batches_of_1000", per: prepared.count) {
    for start in stride(from: 0, to: prepared.count, by: 1000) {
        _ = try! ledger.append(prepared: Array(prepared[start..<min(prepared.count, start + 1000)]))
    }
}
ledger.close()
