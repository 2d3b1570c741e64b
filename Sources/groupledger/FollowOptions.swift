import ArgumentParser
import Foundation
import LedgerCore
import LedgerImport
import LedgerIngest
import LedgerStorage

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

    var policy: FollowIngest.Policy {
        FollowIngest.Policy(commitEvery: commitEvery, commitIntervalMillis: commitIntervalMs)
    }

    /// Follows `input` into `writer`, printing one acknowledgement line per durable commit on standard output (at
    /// once, unbuffered, so that a reader sees it as soon as the commit is durable):
    ///
    ///     ack 3: 120 events (118 appended, 2 duplicates) through stdin line 4512; the ledger holds 9001 records
    ///
    /// (`json`: `{"ack":3,"appended":118,"duplicates":2,"events":120,"through":{"input":"stdin","unit":"line",
    /// "number":4512},"size":9001}`), and the summary on standard error.
    func run(
        _ input: IngestInput,
        decoder: any SourceDecoder,
        into writer: Ledger,
        rejects: RejectsFile?,
        json: Bool
    ) throws {
        var loop = FollowIngest(
            input: input,
            decoder: decoder,
            ledger: writer,
            policy: policy,
            rejects: rejects,
            stopDescriptor: try FollowSignals.install()
        ) { ack in
            FileHandle.standardOutput.write(Data((FollowOptions.line(ack, json: json) + "\n").utf8))
        }
        let summary = try loop.run()
        var text =
            "followed \(input.name): \(summary.commits) commits, \(summary.appended) appended, "
            + "\(summary.duplicates) duplicates, \(summary.skipped) skipped, \(summary.rejected) rejected"
        if let rejects, summary.rejected > 0 { text += " (see \(rejects.path))" }
        if summary.stoppedBySignal { text += "; stopped by signal" }
        Console.error(text)
    }

    static func line(_ ack: FollowIngest.Acknowledgement, json: Bool) -> String {
        let result = ack.result
        guard json else {
            let place = ack.through.map { " through \($0.name) \($0.unit.rawValue) \($0.number)" } ?? ""
            return "ack \(ack.number): \(ack.events) events (\(result.appended) appended, \(result.duplicates) "
                + "duplicates)\(place); the ledger holds \(result.size) records"
        }
        var members: [(key: String, value: JSONValue)] = [
            ("ack", .number(JSONNumber(ack.number))), ("events", .number(JSONNumber(ack.events))),
            ("appended", .number(JSONNumber(result.appended))),
            ("duplicates", .number(JSONNumber(result.duplicates))), ("size", .number(JSONNumber(result.size))),
        ]
        if let through = ack.through {
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
        return String(decoding: JCS.serialize(.object(JSONObject(members: members))), as: UTF8.self)
    }
}
