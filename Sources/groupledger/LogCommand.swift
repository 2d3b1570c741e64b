import ArgumentParser
import LedgerCore
import LedgerStorage

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List records, one line each: seq, time, type, group, actor, id."
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "The first record to list.")
    var from: UInt64 = 0

    @Option(help: "The last record to list (inclusive; default: the last record).")
    var to: UInt64?

    @Flag(help: "Print one JSON object per line.")
    var json = false

    func validate() throws {
        if let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() throws {
        try Failure.reporting {
            let reader = try LedgerReader(root: ledger.path)
            let extent = try reader.extent()
            Console.warn(extent.warnings)
            let size = extent.size
            guard from < size else {
                throw LedgerError(.notFound, "--from \(from) is past the end; the ledger holds records 0..<\(size)")
            }
            let last = min(to ?? size - 1, size - 1)
            try reader.forEach(from: from, through: last) { entry throws(LedgerError) in
                if json {
                    Console.printJSON(RecordPresentation.json(entry, content: .none))
                } else {
                    let e = entry.envelope
                    print("\(entry.record.seq)\t\(e.time.text)\t\(e.type)\t\(e.group ?? "-")\t\(e.actor)\t\(e.id)")
                }
            }
        }
    }
}
