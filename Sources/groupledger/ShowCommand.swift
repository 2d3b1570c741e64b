import ArgumentParser
import Foundation
import GroupDomain
import LedgerCore
import LedgerStorage

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one record: its event, hashes, and content (or why it was withheld)."
    )

    @OptionGroup var ledger: LedgerLocation

    @Argument(help: "The record's sequence number (or give it with --seq, as withhold and prove take it).")
    var position: UInt64?

    @Option(name: .customLong("seq"), help: "The record's sequence number.")
    var seqOption: UInt64?

    /// The record asked for, by argument or by `--seq`.
    var seq: UInt64 { seqOption ?? position ?? 0 }

    @Flag(help: "Print the record as one JSON object.")
    var json = false

    @Flag(help: "Write the exact stored record bytes (the Merkle leaf) to standard output, for `proof verify`.")
    var raw = false

    func validate() throws {
        if json && raw { throw ValidationError("--json and --raw do not go together") }
        switch (position, seqOption) {
        case (nil, nil): throw ValidationError("give the record's sequence number: show SEQ or show --seq SEQ")
        case (.some(let argument), .some(let option)) where argument != option:
            throw ValidationError("SEQ \(argument) and --seq \(option) differ")
        default: break
        }
    }

    func run() throws {
        try Failure.reporting {
            let reader = try LedgerReader(root: ledger.path)
            Console.warn(try reader.extent().warnings)
            let entry = try reader.entry(seq)
            if raw {
                FileHandle.standardOutput.write(Data(entry.record.encoded()))
                return
            }
            let content = try RecordPresentation.content(entry, reader: reader)
            if json {
                Console.printJSON(RecordPresentation.json(entry, content: content))
            } else {
                print(RecordPresentation.text(entry, content: content))
            }
        }
    }
}

/// How `show` and `log` present records.
enum RecordPresentation {
    enum ContentView {
        case none
        case text(JSONValue)
        /// Withheld by record `bySeq`, which `actor` ordered at `time`.
        case withheld(reason: String, bySeq: UInt64?, actor: String?, time: String?)
    }

    static func content(_ entry: LedgerReader.Entry, reader: LedgerReader) throws(LedgerError) -> ContentView {
        switch entry.content {
        case .none: return .none
        case .present(_, let bytes):
            let value = try? JSONParser().parse(bytes)
            return .text(value ?? .string(String(decoding: bytes, as: UTF8.self)))
        case .withheld:
            let withholding = try reader.withholding(of: entry.record.seq)
            let event = try withholding.map { (found) throws(LedgerError) in try reader.entry(found.seq).envelope }
            return .withheld(
                reason: withholding?.reason ?? "(no withholding event found)",
                bySeq: withholding?.seq,
                actor: event?.actor,
                time: event?.time.text
            )
        }
    }

    static func text(_ entry: LedgerReader.Entry, content: ContentView) -> String {
        let e = entry.envelope
        var lines = [
            "record \(entry.record.seq)  (\(entry.location))",
            "  type      \(e.type)",
            "  id        \(e.id)",
            "  time      \(e.time.text)",
            "  actor     \(e.actor)",
        ]
        if let group = e.group { lines.append("  group     \(group)") }
        if let data = e.data { lines.append("  data      \(data)") }
        switch content {
        case .none: break
        case .text(let value): lines.append("  content   \(value)")
        case .withheld(let reason, let bySeq, let actor, let time):
            lines.append(
                "  content   withheld" + (bySeq.map { " by record \($0)" } ?? "")
                    + (actor.map { ", ordered by \($0)" } ?? "") + (time.map { " at \($0)" } ?? "") + ": \(reason)"
            )
        }
        lines.append("  appended  \(Timestamp.format(unixMillis: entry.record.appendedAtMillis))")
        lines.append("  leaf hash \(entry.leafHash.hex)")
        lines.append("  prev      \(entry.record.prev.hex)")
        if entry.record.flags.contains(.hasContent) {
            lines.append("  commits   \(entry.record.contentCommitment.hex)")
        }
        // Stored text never reaches the terminal raw: a reason or id written before control characters were
        // refused could otherwise forge lines or reorder what is shown.
        return lines.map(SafeText.neutralised).joined(separator: "\n")
    }

    static func json(_ entry: LedgerReader.Entry, content: ContentView) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("seq", .number(JSONNumber(entry.record.seq))), ("event", entry.envelope.chainObject),
            ("appended_at", .string(Timestamp.format(unixMillis: entry.record.appendedAtMillis))),
            ("leaf_hash", .string(entry.leafHash.hex)), ("prev", .string(entry.record.prev.hex)),
        ]
        switch content {
        case .none: break
        case .text(let value): members.append(("content", value))
        case .withheld(let reason, let bySeq, let actor, let time):
            var fields: [(key: String, value: JSONValue)] = [("reason", .string(reason))]
            if let bySeq { fields.append(("by_seq", .number(JSONNumber(bySeq)))) }
            if let actor { fields.append(("ordered_by", .string(actor))) }
            if let time { fields.append(("withheld_at", .string(time))) }
            members.append(("withheld", .object(JSONObject(members: fields))))
        }
        return .object(JSONObject(members: members))
    }
}
