import ArgumentParser
import LedgerCore
import LedgerImport
import LedgerIngest
import LedgerStorage

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append events from a JSON Lines file (or - for standard input), all or nothing.",
        discussion: """
            One bad line appends nothing and exits 65, naming the line, byte and field (every bad line is listed): \
            without --batch the input is one append, staged as it is read and abandoned at the first bad line; \
            with --batch N every line is checked before the first commit (a file is read twice: checked, then \
            committed N events at a time), and rerunning after a crash appends only what is missing. Events whose \
            id is already in the ledger are skipped and counted. With --follow the input is a stream that may \
            never end: events are committed every --commit-every events or --commit-interval-ms, each commit \
            acknowledged by one line on standard output; a bad line stops the stream after the lines before it \
            are committed; SIGTERM and SIGINT commit what was read and exit 0. `append` and `import` run the same \
            engine (docs/IMPORT.md).
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @Argument(help: "The JSON Lines file to read, or - for standard input.")
    var input: String = "-"

    @Option(help: "Commit every N events instead of all at once (0: the whole input in one commit).")
    var batch: Int = 0

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var follow: FollowOptions

    func validate() throws {
        guard batch >= 0 else { throw ValidationError("--batch must be 0 or more") }
        try follow.check()
    }

    func run() throws {
        try Failure.reporting {
            let writer = try keys.openWriter(ledger)
            defer { writer.close() }
            if follow.follow {
                for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
                let stream = try IngestInput(path: input)
                try follow.run(
                    stream,
                    decoder: EnvelopeLinesDecoder(name: stream.name),
                    into: writer,
                    rejects: nil,
                    json: json
                )
                return
            }
            var settings = BatchIngest.Settings(inputs: [input], format: .envelopes)
            settings.batch = batch
            let total = try BatchRun.run(settings, into: writer).appended
            if json {
                var members: [(key: String, value: JSONValue)] = [
                    ("appended", .number(JSONNumber(total.appended))),
                    ("duplicates", .number(JSONNumber(total.duplicates))), ("size", .number(JSONNumber(total.size))),
                ]
                if let first = total.firstSeq { members.append(("first_seq", .number(JSONNumber(first)))) }
                Console.printJSON(.object(JSONObject(members: members)))
            } else {
                print(
                    "appended \(total.appended) events, skipped \(total.duplicates) duplicates; "
                        + "the ledger holds \(total.size) records"
                )
            }
        }
    }
}
