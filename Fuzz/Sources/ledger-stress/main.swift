// ledger-stress: a black-box writer for the fault-injection harness (Tests/Faults/*.sh).
//
// It appends batches of events from one or more threads (so group commit is exercised), or with --staged from one
// thread as staged appends fed one event at a time (as an import writes), and prints, with one write(2) per line
// on standard output:
//
//     OPEN <size> <quarantined bytes> <recovered records>   after Ledger.open/create returned
//     TRY <id> <id> ...                                     before each append call
//     ACK <first seq> <size> <id> <id> ...                  after the append returned, i.e. once it is durable
//     ERR <code> <message>                                  when an append (or open) threw
//     DONE <size>
//
// A checker then requires acked ⊆ recovered ⊆ tried, each id once, at the acknowledged seq.
//
// `ledger-stress --audit --ledger DIR` instead checks the derived files against the segments, as they are on disk:
// every complete Merkle node in tree/level-NN for the head's size, and every frame offset in index/<seq>.idx.
// It prints "AUDIT OK ..." (exit 0; with how many segment boundaries fall inside an append batch, i.e. how often an
// append spanned segments) or "AUDIT BAD <what>" (exit 1).
import Foundation
import LedgerCore
import LedgerStorage

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var ledger = ""
    var create: String?
    var roll: UInt64 = 16 << 20
    var threads = 1
    var batch = 1
    var batches = Int.max
    var prefix = "s"
    var keepGoing = false
    var contentEvery = 2
    var pauseMicros: UInt32 = 0
    var audit = false
    var staged = false
}

func usage() -> Never {
    let text = """
        usage: ledger-stress --ledger DIR [--create ORIGIN] [--roll BYTES] [--threads T] [--batch B]
                             [--batches N] [--prefix P] [--content-every K] [--pause-us US] [--keep-going]
                             [--staged]

        """
    FileHandle.standardError.write(Data(text.utf8))
    exit(64)
}

func parse() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    func value() -> String {
        guard let next = arguments.popFirst() else { usage() }
        return next
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--ledger": options.ledger = value()
        case "--create": options.create = value()
        case "--roll": options.roll = UInt64(value()) ?? { usage() }()
        case "--threads": options.threads = Int(value()) ?? { usage() }()
        case "--batch": options.batch = Int(value()) ?? { usage() }()
        case "--batches": options.batches = Int(value()) ?? { usage() }()
        case "--prefix": options.prefix = value()
        case "--content-every": options.contentEvery = Int(value()) ?? { usage() }()
        case "--pause-us": options.pauseMicros = UInt32(value()) ?? { usage() }()
        case "--keep-going": options.keepGoing = true
        case "--audit": options.audit = true
        case "--staged": options.staged = true
        default: usage()
        }
    }
    if options.ledger.isEmpty || options.threads < 1 || options.batch < 1 || (options.staged && options.threads > 1) {
        usage()
    }
    return options
}

/// One write(2) per line, so lines of different threads never mix and a kill never leaves half a line.
final class Output: @unchecked Sendable {
    private let lock = NSLock()
    func line(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        var bytes = Array((text + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                exit(75)
            }
            done += n
        }
        bytes.removeAll()
    }
}

func event(_ id: String, content: Bool) -> EventEnvelope {
    EventEnvelope(
        id: id,
        type: "post.created",
        time: Timestamp("2026-11-29T10:00:00Z")!,
        actor: "7301000000000000001",
        group: "g-stress",
        data: .object(JSONObject(members: [("kind", .string("text")), ("message", .string("m-\(id)"))])),
        content: content
            ? .object(JSONObject(members: [("text", .string("Báo cáo \(id): tình hình mưa lũ, số liệu kèm theo"))]))
            : nil
    )
}

/// Recomputes the derived files from the segments and compares them byte for byte.
func audit(_ root: String) -> Int32 {
    let sha = SHA256()
    func bad(_ text: String) -> Int32 {
        print("AUDIT BAD \(text)")
        return 1
    }
    let size: UInt64
    do { size = try LedgerReader(root: root).head().size } catch { return bad("cannot read the head: \(error)") }
    let layout = LedgerLayout(root: root)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: layout.segmentsDirectory)) ?? []).sorted()
    var leaves: [Hash] = []
    // Segments whose last kept record does not end its append batch: the batch goes on in the next segment.
    var spanningBoundaries = 0
    for name in names {
        guard let first = LedgerLayout.firstSeq(ofSegmentNamed: name),
            let data = FileManager.default.contents(atPath: layout.segmentsDirectory + "/" + name)
        else { return bad("unreadable segment \(name)") }
        var offsets: [UInt32] = []
        var lastEndsBatch = true
        let bytes = [UInt8](data)
        _ = bytes.withUnsafeBytes { buffer in
            FrameScanner(sha: sha).scan(buffer, from: min(SegmentFormat.headerSize, buffer.count)) { frame, record in
                if UInt64(leaves.count) < size {
                    leaves.append(frame.leafHash)
                    offsets.append(UInt32(frame.offset))
                    lastEndsBatch = record[1] & Record.Flags.endsBatch.rawValue != 0
                }
            }
        }
        if !offsets.isEmpty && UInt64(leaves.count) < size && !lastEndsBatch { spanningBoundaries += 1 }
        let index = [UInt8](FileManager.default.contents(atPath: layout.indexPath(first)) ?? Data())
        for (position, offset) in offsets.enumerated() {
            let at = position * 24 + 16
            guard at + 4 <= index.count else { break }  // the index may lag; it must never be wrong
            let stored = index[at..<at + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if stored != offset {
                return bad(
                    "index/\(LedgerLayout.stem(first)).idx entry \(position) (seq \(first + UInt64(position))) "
                        + "says frame offset \(stored), the segment has it at \(offset)"
                )
            }
        }
    }
    guard UInt64(leaves.count) == size else {
        return bad("the segments hold \(leaves.count) records, the head says \(size)")
    }
    var level = leaves
    var number = 0
    while !level.isEmpty {
        let name = String(format: "level-%02d", number)
        let stored = [UInt8](FileManager.default.contents(atPath: layout.treeDirectory + "/" + name) ?? Data())
        for (i, hash) in level.enumerated() {
            let at = i * 32
            guard at + 32 <= stored.count else { return bad("tree/\(name) ends before node \(i) of \(level.count)") }
            if Hash(bytes: stored[at..<at + 32]) != hash {
                let found = Hash(bytes: stored[at..<at + 32])?.hexPrefix() ?? "?"
                return bad("tree/\(name) node \(i) is \(found), the segments give \(hash.hexPrefix())")
            }
        }
        level = stride(from: 0, to: level.count - 1, by: 2).map { sha.nodeHash(level[$0], level[$0 + 1]) }
        number += 1
    }
    print(
        "AUDIT OK \(size) records, tree and index match the segments; \(spanningBoundaries) segment boundaries "
            + "fall inside an append batch"
    )
    return 0
}

let options = parse()
if options.audit { exit(audit(options.ledger)) }
let out = Output()
var ledgerOptions = LedgerOptions()
ledgerOptions.segmentRollBytes = options.roll

let ledger: Ledger
do {
    if let origin = options.create {
        ledger = try Ledger.create(at: options.ledger, origin: origin, options: ledgerOptions)
    } else {
        ledger = try Ledger.open(at: options.ledger, options: ledgerOptions)
    }
} catch {
    out.line("ERR \(error.code) \(error.description)")
    FileHandle.standardError.write(Data("ledger-stress: \(error)\n".utf8))
    exit(error.code == .locked ? 75 : 74)
}
out.line("OPEN \(ledger.size) \(ledger.recovery.quarantinedBytes) \(ledger.recovery.recoveredRecords)")

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var any: Bool {
        lock.lock()
        defer { lock.unlock() }
        return count > 0
    }
}
let failures = Failures()

/// One staged append (as an import makes), fed one event at a time.
func appendStaged(_ events: [EventEnvelope]) throws(LedgerError) -> AppendResult {
    let staged = try ledger.beginStagedAppend()
    for event in events { try staged.add([PreparedEvent(event)]) }
    return try staged.commit()
}

func run(thread: Int) {
    var counter = 0
    for round in 0..<options.batches {
        let ids = (0..<options.batch).map { "\(options.prefix)-\(thread)-\(round)-\($0)" }
        let events = ids.map { id -> EventEnvelope in
            counter += 1
            return event(id, content: options.contentEvery > 0 && counter % options.contentEvery == 0)
        }
        out.line("TRY " + ids.joined(separator: " "))
        do {
            let result = try options.staged ? appendStaged(events) : ledger.append(events)
            let first = result.firstSeq.map(String.init) ?? "-"
            out.line("ACK \(first) \(result.size) " + ids.joined(separator: " "))
        } catch {
            out.line("ERR \(error.code) \(error.description)")
            FileHandle.standardError.write(Data("ledger-stress: \(error)\n".utf8))
            failures.add()
            if !options.keepGoing { exit(74) }
        }
        if options.pauseMicros > 0 { usleep(options.pauseMicros) }
    }
}

if options.threads == 1 {
    run(thread: 0)
} else {
    let group = DispatchGroup()
    for thread in 0..<options.threads {
        let worker = Thread {
            run(thread: thread)
            group.leave()
        }
        group.enter()
        worker.start()
    }
    group.wait()
}
out.line("DONE \(ledger.size)")
ledger.close()
exit(failures.any ? 74 : 0)
