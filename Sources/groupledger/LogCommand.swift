import ArgumentParser
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List records, one line each: seq, time, type, group, actor, id.",
        discussion: """
            --from and --to take a record number, or an RFC 3339 time or a date (2026-11-15, Việt Nam time) that \
            selects records by event time, as audit and state do: --from a date means its start, --to its end. \
            With --lang vi each type is followed by what it is in Vietnamese ("post.created (đăng tin)").
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "The first record to list: a record number, or an RFC 3339 time or a date (by event time).")
    var from: String?

    @Option(help: "The last record to list, inclusive: a record number, or a time or date (default: the last).")
    var to: String?

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Option(help: "The language of the text: en or vi (vi names each type in Vietnamese; the JSON is the same).")
    var lang: AuditCommand.Language = .en

    /// A `--from`/`--to` value: a record number or an event time (Unix milliseconds).
    enum Bound: Equatable {
        case seq(UInt64)
        case time(Int64)

        init(_ text: String, option: String, endOfDay: Bool) throws(LedgerError) {
            if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                guard let seq = UInt64(text) else { throw LedgerError(.badInput, "\(option) \(text) is too large") }
                self = .seq(seq)
            } else {
                self = .time(try RecordSource.time(text, option: option, endOfDay: endOfDay).unixMillis)
            }
        }
    }

    func validate() throws {
        do {
            let lower = try from.map { try Bound($0, option: "--from", endOfDay: false) }
            let upper = try to.map { try Bound($0, option: "--to", endOfDay: true) }
            if case .seq(let first)? = lower, case .seq(let last)? = upper, last < first {
                throw ValidationError("--to \(last) is before --from \(first)")
            }
            if case .time(let first)? = lower, case .time(let last)? = upper, last < first {
                throw ValidationError("--to is before --from")
            }
        } catch let error as LedgerError {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        try Failure.reporting {
            let lower = try from.map { try Bound($0, option: "--from", endOfDay: false) }
            let upper = try to.map { try Bound($0, option: "--to", endOfDay: true) }
            let reader = try LedgerReader(root: ledger.path)
            let extent = try reader.extent()
            Console.warn(extent.warnings)
            let size = extent.size
            var first: UInt64 = 0
            var earliest = Int64.min
            switch lower {
            case .seq(let seq)?: first = seq
            case .time(let time)?: earliest = time
            case nil: break
            }
            var last = size == 0 ? 0 : size - 1
            var latest = Int64.max
            switch upper {
            case .seq(let seq)?: last = min(seq, last)
            case .time(let time)?: latest = time
            case nil: break
            }
            guard first < size else {
                throw LedgerError(.notFound, "--from \(first) is past the end; the ledger holds records 0..<\(size)")
            }
            try reader.forEach(from: first, through: last) { entry throws(LedgerError) in
                let time = entry.envelope.time.unixMillis
                guard time >= earliest, time <= latest else { return }
                if json {
                    Console.printJSON(RecordPresentation.json(entry, content: .none))
                } else {
                    let e = entry.envelope
                    let type =
                        lang == .vi
                        ? EventTypeName.vietnamese(EventType(rawValue: e.type)).map { "\(e.type) (\($0))" } ?? e.type
                        : e.type
                    print("\(entry.record.seq)\t\(e.time.text)\t\(type)\t\(e.group ?? "-")\t\(e.actor)\t\(e.id)")
                }
            }
        }
    }
}
