import ArgumentParser
import Foundation
import GroupDomain
import LedgerCore
import LedgerReplay

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the ledger against the house rules and report findings and directives.",
        discussion: """
            Rules R1-R5, R7a-R7e and R9 of docs/rules.md, with review hints for R6. Findings are evidence for a \
            person to review, each naming its rule, group and records. --to TIME judges the records whose event \
            time is at or before TIME, with deadlines measured to TIME (default: the time of the last group event; \
            the office's own records, such as withholdings and reviews, do not count). A plain date (2026-11-15) is \
            that day in Việt Nam time: --to means its end, --from its start. A record number means that record's \
            event time, as log and state take one. --from TIME leaves out findings that ended before it. Deadlines, word lists and severities come from --config FILE \
            laid over the bundled defaults (print them with --print-config); the text matcher's lists from \
            --text-rules FILE (default: the bundled Fixtures/config/rules.json). Exit 0 whatever is found.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "Leave out findings that ended before this RFC 3339 time, date (its start) or record's time.")
    var from: String?

    @Option(help: "Judge as of this RFC 3339 event time, date (its end) or record's time (default: last group event).")
    var to: String?

    @Option(help: "Report on this group only.")
    var group: String?

    @Option(help: "The report format.")
    var format: Format = .text

    @Option(help: "The language of labels and messages: vi or en.")
    var lang: Language = .vi

    @Option(help: "A JSON rule configuration laid over the bundled defaults.")
    var config: String?

    @Option(help: "The text matcher's word lists, stamps and domains (the shape of Fixtures/config/rules.json).")
    var textRules: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "For --format csv: which table, findings or directives.")
    var table: Table = .findings

    @Flag(help: "Print the bundled rule configuration and exit.")
    var printConfig = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case csv
        case html
    }

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case vi
        case en
    }

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case findings
        case directives
    }

    func validate() throws {
        do {
            func isRecordNumber(_ text: String) -> Bool {
                !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            }
            if let from, !isRecordNumber(from) { _ = try RecordSource.time(from, option: "--from") }
            if let to, !isRecordNumber(to) { _ = try RecordSource.time(to, option: "--to", endOfDay: true) }
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        if printConfig {
            print(RuleConfiguration.defaultJSON)
            return
        }
        try Failure.reporting {
            var configuration = try config.map(Self.readConfiguration) ?? .default
            if let textRules { configuration.textMatching = try Self.readTextRules(textRules) }
            let end = try to.map { text throws(LedgerError) in
                try RecordSource.auditTime(text, option: "--to", endOfDay: true, in: ledger.path)
            }
            let start = try from.map { text throws(LedgerError) in
                try RecordSource.auditTime(text, option: "--from", endOfDay: false, in: ledger.path)
            }
            var checker = RuleChecker(configuration: configuration)
            try RecordSource.read(
                ledger.path,
                cutoff: end.map { .eventTime($0) } ?? .everything,
                warn: Console.warn,
                later: { checker.noteLater($0) }
            ) { checker.apply($0) }
            if let group, checker.state.groups[group] == nil {
                throw LedgerError(
                    .notFound,
                    "group \(group) is not in the ledger; known groups: "
                        + checker.state.groups.keys.sorted().joined(separator: ", ")
                )
            }
            let report = AuditReport(
                result: checker.result(at: end?.unixMillis),
                from: start?.unixMillis,
                group: group,
                clock: configuration.displayTime
            )
            let language = ReportLanguage(rawValue: lang.rawValue) ?? .vi
            let bytes: [UInt8]
            switch format {
            case .text: bytes = Array(TextReport.render(report, language).utf8)
            case .json: bytes = JCS.serialize(report.json(language)) + [0x0A]
            case .csv: bytes = CSVReport.render(report, language, table: CSVReport.Table(rawValue: table.rawValue)!)
            case .html: bytes = Array(HTMLReport.render(report, language).utf8)
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                throw LedgerError(.cannotCreate, "\(output): cannot write the report; check the directory exists")
            }
            let written: String
            switch (format, table) {
            case (.csv, .findings): written = "\(report.findings.count) findings"
            case (.csv, .directives): written = "\(report.directives.count) directive rows"
            default: written = "\(report.findings.count) findings and \(report.directives.count) directive rows"
            }
            print("wrote \(written) to \(output)")
        }
    }

    static func readConfiguration(_ path: String) throws(LedgerError) -> RuleConfiguration {
        let bytes = try read(path, "the rule configuration")
        do { return try RuleConfiguration(json: bytes) } catch {
            throw LedgerError(error.code, "\(path): \(error.message)")
        }
    }

    static func readTextRules(_ path: String) throws(LedgerError) -> MatchConfiguration {
        let bytes = try read(path, "the text rules")
        do { return try MatchConfiguration(json: bytes) } catch let error as LedgerError {
            throw LedgerError(error.code, "\(path): \(error.message)")
        } catch {
            throw LedgerError(.badInput, "\(path): \(error)")
        }
    }

    private static func read(_ path: String, _ what: String) throws(LedgerError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError(.missingInput, "\(path): cannot read \(what); check the path")
        }
        return Array(data)
    }
}
