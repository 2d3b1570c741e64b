import ArgumentParser
import LedgerCore
import LedgerStorage

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, link, segment and content commitment; exit 1 naming the first problem.",
        discussion: """
            Without an outside checkpoint the verdict is only as good as the files: whoever holds them could \
            rewrite the whole ledger consistently. The report says so.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Flag(help: "Print the verdict as one JSON object.")
    var json = false

    func run() throws {
        let report = try Failure.reporting {
            try Verifier(root: ledger.path).run(
                progress: Console.stderrIsTerminal
                    ? { checked in
                        Console.error("verified \(checked) records…")
                    } : nil
            )
        }
        if json {
            Console.printJSON(VerdictJSON.encode(report))
        } else {
            printText(report)
        }
        if !report.isIntact { throw ExitCode(1) }
    }

    private func printText(_ report: VerificationReport) {
        if let problem = report.problem {
            print("DAMAGED: \(ledger.path)")
            print("  \(problem.message)")
            var location: [String] = []
            if let file = problem.file { location.append("file \(file)") }
            if let offset = problem.byteOffset { location.append("byte \(offset)") }
            if let seq = problem.seq { location.append("record \(seq)") }
            if !location.isEmpty { print("  at " + location.joined(separator: ", ")) }
            if let expected = problem.expected, let found = problem.found {
                print("  expected \(expected), found \(found)")
            }
            print("  checked \(report.records) records before stopping; nothing was repaired")
        } else {
            print("INTACT: \(ledger.path)")
            print(
                "  \(report.records) records in \(report.segments) segment(s); "
                    + "root \(report.root?.hex ?? "-") at size \(report.headSize)"
            )
            print("  \(report.contentChecked) content commitments opened and checked; \(report.withheld) withheld")
            print(
                "  UNANCHORED: no outside checkpoint or witness was checked, so whoever holds these files could "
                    + "have rewritten them consistently"
            )
        }
        for note in report.notes { print("  note: \(note)") }
    }
}

enum VerdictJSON {
    static func encode(_ report: VerificationReport) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("intact", .bool(report.isIntact)), ("records", .number(JSONNumber(report.records))),
            ("segments", .number(JSONNumber(report.segments))), ("head_size", .number(JSONNumber(report.headSize))),
            ("content_checked", .number(JSONNumber(report.contentChecked))),
            ("withheld", .number(JSONNumber(report.withheld))), ("anchored", .bool(false)),
            ("notes", .array(report.notes.map { .string($0) })),
        ]
        if let root = report.root { members.append(("root", .string(root.hex))) }
        if let problem = report.problem {
            var fields: [(key: String, value: JSONValue)] = [
                ("kind", .string(problem.kind)), ("message", .string(problem.message)),
            ]
            if let file = problem.file { fields.append(("file", .string(file))) }
            if let offset = problem.byteOffset { fields.append(("byte_offset", .number(JSONNumber(offset)))) }
            if let seq = problem.seq { fields.append(("seq", .number(JSONNumber(seq)))) }
            if let expected = problem.expected { fields.append(("expected", .string(expected))) }
            if let found = problem.found { fields.append(("found", .string(found))) }
            members.append(("problem", .object(JSONObject(members: fields))))
        }
        return .object(JSONObject(members: members))
    }
}
