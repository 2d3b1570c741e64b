import ArgumentParser
import GroupDomain
import LedgerCore
import LedgerImport
import LedgerStorage

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append events from a JSON Lines file (or - for standard input), all or nothing.",
        discussion: """
            One bad line appends nothing and exits 65, naming the line and field: without --batch the input is \
            one append, staged as it is read and abandoned at the first bad line; with --batch N every line is \
            checked before the first commit. Events whose id is already in the ledger are skipped and counted. With --batch N \
            the valid input is committed N events at a time (each commit durable); rerunning after a crash appends \
            only what is missing. With --follow the input is a stream that may never end: events are committed \
            every --commit-every events or --commit-interval-ms, each commit acknowledged by one line on standard \
            output; a bad line stops the stream after the lines before it are committed; SIGTERM and SIGINT \
            commit what was read and exit 0.
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
            if follow.follow {
                let stream = try ImportInput(path: input)
                let writer = try keys.openWriter(ledger)
                defer { writer.close() }
                for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
                var loop = FollowLoop(
                    input: stream,
                    decoder: EnvelopeLinesDecoder(name: stream.name),
                    ledger: writer,
                    commitEvery: follow.commitEvery,
                    commitIntervalMillis: follow.commitIntervalMs,
                    rejects: nil,
                    json: json
                )
                _ = try loop.run()
                return
            }
            let total = batch == 0 ? try appendStaged() : try appendInBatches()
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

extension AppendCommand {
    /// The whole input as one append, staged line by line as it is read (memory does not hold the events); the
    /// first bad line abandons it.
    private func appendStaged() throws -> AppendResult {
        let writer = try keys.openWriter(ledger)
        defer { writer.close() }
        for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
        let staged = try writer.beginStagedAppend()
        defer { staged.abandon() }
        var pending: [PreparedEvent] = []
        try EventInput.forEach(input) { event throws(LedgerError) in
            pending.append(PreparedEvent(event))
            if pending.count == 1000 {
                try staged.add(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try staged.add(pending)
        return try staged.commit()
    }

    /// Every line checked first, then commits of `batch` events.
    private func appendInBatches() throws -> AppendResult {
        let events = try EventInput.readAll(input)
        let writer = try keys.openWriter(ledger)
        defer { writer.close() }
        for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
        var total = AppendResult(appended: 0, duplicates: 0, firstSeq: nil, size: writer.size)
        for start in stride(from: 0, to: events.count, by: batch) {
            let result = try writer.append(Array(events[start..<min(events.count, start + batch)]))
            total.appended += result.appended
            total.duplicates += result.duplicates
            total.firstSeq = total.firstSeq ?? result.firstSeq
            total.size = result.size
        }
        return total
    }
}

/// Reads and validates a JSON Lines input of events.
enum EventInput {
    /// Every event of the input, all checked.
    static func readAll(_ path: String) throws(LedgerError) -> [EventEnvelope] {
        var events: [EventEnvelope] = []
        try forEach(path) { events.append($0) }
        return events
    }

    /// Hands each event to `body` as soon as its line is checked; throws at the first bad line.
    static func forEach(
        _ path: String,
        _ body: (EventEnvelope) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        var reader = try LineReader(path: path)
        defer { reader.close() }
        let decoder = EnvelopeDecoder()
        while let line = try reader.next() {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { continue }
            let location = "\(reader.name) line \(line.number) (byte \(line.byteOffset))"
            let event = try decoder.decode(line.bytes, at: location)
            try EventCatalogue.validate(event, at: location)
            try body(event)
        }
    }
}
