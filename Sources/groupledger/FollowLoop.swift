import ArgumentParser
import Foundation
import LedgerCore
import LedgerImport
import LedgerStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The options of `--follow`, shared by `import` and `append`.
struct FollowOptions: ParsableArguments {
    @Flag(
        help:
            "Read an endless stream (a capture sidecar's pipe), committing as it goes; SIGTERM/SIGINT commit and exit 0."
    )
    var follow = false

    @Option(help: "With --follow: commit once this many events are waiting.")
    var commitEvery = 1000

    @Option(
        help: "With --follow: commit waiting events at most this many milliseconds after the first of them arrived."
    )
    var commitIntervalMs = 200

    func check() throws {
        guard commitEvery >= 1 else { throw ValidationError("--commit-every must be 1 or more") }
        guard commitIntervalMs >= 0 else { throw ValidationError("--commit-interval-ms must be 0 or more") }
    }
}

/// Reads a stream that may never end and commits its events in durable batches: every `commitEvery` events or
/// `commitIntervalMillis` after the first waiting event, whichever comes first, and at the end of input or on
/// SIGTERM/SIGINT. Each commit is acknowledged by one line on standard output, printed after the append is durable:
///
///     ack 3: 120 events (118 appended, 2 duplicates) through stdin line 4512; the ledger holds 9001 records
///
/// (`--json`: `{"ack":3,"appended":118,"duplicates":2,"events":120,"through":{"unit":"line","number":4512},
/// "size":9001}`). Everything up to the acknowledged unit is durable; a crash loses only what came after, and
/// since ids come from the source, resending from the last acknowledged unit adds no duplicates. A bad unit stops
/// the loop (after committing the units before it) unless `rejects` is given, which records it and goes on.
struct FollowLoop {
    let input: ImportInput
    var decoder: any SourceDecoder
    let ledger: Ledger
    let commitEvery: Int
    let commitIntervalMillis: Int
    let rejects: ImportRejects?
    let json: Bool

    struct Summary {
        var commits = 0
        var appended = 0
        var duplicates = 0
        var skipped = 0
        var rejected = 0
        var stoppedBySignal = false
    }

    private var pending: [PreparedEvent] = []
    private var deadline: UInt64?
    private var lastHandled: SourceLocation?
    private var summary = Summary()

    init(
        input: ImportInput,
        decoder: any SourceDecoder,
        ledger: Ledger,
        commitEvery: Int,
        commitIntervalMillis: Int,
        rejects: ImportRejects?,
        json: Bool
    ) {
        self.input = input
        self.decoder = decoder
        self.ledger = ledger
        self.commitEvery = commitEvery
        self.commitIntervalMillis = commitIntervalMillis
        self.rejects = rejects
        self.json = json
    }

    mutating func run() throws -> Summary {
        let signals = try FollowSignals.install()
        var fds = [
            pollfd(fd: input.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let timeout: Int32
            if let deadline {
                let now = FollowLoop.nowMillis()
                timeout = deadline > now ? Int32(clamping: deadline - now) : 0
            } else {
                timeout = -1
            }
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR {
                throw LedgerError(.io, "cannot wait for \(input.name)", cause: String(cString: strerror(errno)))
            }
            if fds[1].revents != 0 {
                // Units not yet complete (a line without its newline) are not committed: the source resends them.
                summary.stoppedBySignal = true
                break
            }
            if fds[0].revents != 0 {
                var outcomes: [ImportOutcome] = []
                let more = try input.read { outcomes = decoder.consume($0) }
                if !more { outcomes = decoder.finish() }
                try handle(outcomes)
                if !more { break }
            }
            if let deadline, FollowLoop.nowMillis() >= deadline { try commit() }
        }
        try commit()
        return summary
    }

    private mutating func handle(_ outcomes: [ImportOutcome]) throws {
        for outcome in outcomes {
            switch outcome {
            case .events(let events, let location):
                lastHandled = location
                if pending.isEmpty && !events.isEmpty {
                    deadline = FollowLoop.nowMillis() + UInt64(commitIntervalMillis)
                }
                pending += events
                if pending.count >= commitEvery { try commit() }
            case .skipped(let location, _):
                lastHandled = location
                summary.skipped += 1
            case .rejected(let error):
                guard let rejects else {
                    try commit()
                    throw error.ledgerError
                }
                try rejects.record(error)
                lastHandled = error.location
                summary.rejected += 1
            }
        }
    }

    private mutating func commit() throws {
        try rejects?.sync()
        guard !pending.isEmpty else {
            deadline = nil
            return
        }
        let result = try ledger.append(prepared: pending)
        summary.commits += 1
        summary.appended += result.appended
        summary.duplicates += result.duplicates
        let through = lastHandled
        if json {
            var members: [(key: String, value: JSONValue)] = [
                ("ack", .number(JSONNumber(summary.commits))), ("events", .number(JSONNumber(pending.count))),
                ("appended", .number(JSONNumber(result.appended))),
                ("duplicates", .number(JSONNumber(result.duplicates))), ("size", .number(JSONNumber(result.size))),
            ]
            if let through {
                members.append(
                    (
                        "through",
                        [
                            "input": .string(through.name), "unit": .string(through.unit.rawValue),
                            "number": .number(JSONNumber(through.number)),
                        ]
                    )
                )
            }
            FollowLoop.acknowledge(
                String(decoding: JCS.serialize(.object(JSONObject(members: members))), as: UTF8.self)
            )
        } else {
            let place = through.map { " through \($0.name) \($0.unit.rawValue) \($0.number)" } ?? ""
            FollowLoop.acknowledge(
                "ack \(summary.commits): \(pending.count) events (\(result.appended) appended, \(result.duplicates) "
                    + "duplicates)\(place); the ledger holds \(result.size) records"
            )
        }
        pending = []
        deadline = nil
    }

    /// Writes one acknowledgement line to standard output at once (unbuffered), so a reader sees it as soon as the
    /// commit is durable.
    static func acknowledge(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func nowMillis() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }
}
