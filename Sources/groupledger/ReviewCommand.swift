import ArgumentParser
import Foundation
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a person's verdict on a finding (a finding.reviewed event).",
        discussion: """
            FINDING is the id that audit prints (R7a:post:1234, R9:no-acknowledgement:120:p-017). The finding must \
            be one the audit finds with the bundled rules, or with --config and --text-rules as given to audit; \
            --unchecked appends the review without looking. A dismissed finding is no longer counted as open; a \
            confirmed R7a finding on a post still readable becomes an obligation to withhold it. The latest review \
            of a finding is the one that counts.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Argument(help: "The finding's id, as audit prints it.")
    var finding: String

    @Option(help: "confirmed, dismissed or escalated.")
    var verdict: Verdict

    @Option(help: "The reviewer's person id (kept in the ledger).")
    var reviewer: String

    @Option(help: "A note for the record (kept in the erasable content).")
    var note: String?

    @Option(help: "A JSON rule configuration laid over the bundled defaults, as given to audit.")
    var config: String?

    @Option(help: "The text matcher's lists, as given to audit.")
    var textRules: String?

    @Flag(help: "Append the review without checking that the audit finds the finding.")
    var unchecked = false

    enum Verdict: String, ExpressibleByArgument, CaseIterable {
        case confirmed
        case dismissed
        case escalated
    }

    func validate() throws {
        if let problem = EnvelopeRules.identifierProblem(finding) { throw ValidationError("FINDING \(problem)") }
        if let problem = EnvelopeRules.identifierProblem(reviewer) { throw ValidationError("--reviewer \(problem)") }
    }

    func run() throws {
        try Failure.reporting {
            var group: String?
            if !unchecked {
                let result = try AuditInput.check(ledger.path, config: config, textRules: textRules)
                guard let found = result.findings.first(where: { $0.id == finding }) else {
                    throw LedgerError(
                        .badInput,
                        "finding \(finding) is not in the audit of \(ledger.path); run groupledger audit to list "
                            + "the ids, or pass --unchecked"
                    )
                }
                group = found.group
            }
            var data: [(key: String, value: JSONValue)] = [
                ("finding", .string(finding)), ("reviewer", .string(reviewer)), ("verdict", .string(verdict.rawValue)),
            ]
            data.sort { $0.key < $1.key }
            let time = AuditInput.now()
            let event = EventEnvelope(
                id: "review:\(finding):\(verdict.rawValue):\(reviewer):\(time.unixMillis)",
                type: EventType.findingReviewed.rawValue,
                time: time,
                actor: reviewer,
                group: group,
                data: .object(JSONObject(members: data)),
                content: note.map { .object(JSONObject(members: [("note", .string($0))])) }
            )
            try EventCatalogue.validate(event, at: "review")
            let seq = try AuditInput.append(event, to: ledger.path)
            print(
                seq.map { "recorded the review of \(finding) (\(verdict.rawValue)) as record \($0)" }
                    ?? "the review of \(finding) was already recorded"
            )
        }
    }
}

/// What `review` and `directive confirm` share: the audit they check against, the clock, and one append.
enum AuditInput {
    /// The audit result of the ledger at `path` with the given configuration files (or the bundled ones).
    static func check(_ path: String, config: String?, textRules: String?) throws -> AuditResult {
        var configuration = try config.map(AuditCommand.readConfiguration) ?? .default
        if let textRules { configuration.textMatching = try AuditCommand.readTextRules(textRules) }
        var checker = RuleChecker(configuration: configuration)
        try RecordSource.read(path, cutoff: .everything, warn: Console.warn) { checker.apply($0) }
        return checker.result()
    }

    /// The wall clock, to the millisecond.
    static func now() -> Timestamp {
        let millis = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return Timestamp(Timestamp.format(unixMillis: millis))!
    }

    /// Appends one event; its sequence number, or `nil` when an event with its id is already in the ledger.
    static func append(_ event: EventEnvelope, to path: String) throws(LedgerError) -> UInt64? {
        let writer = try Ledger.open(at: path)
        defer { writer.close() }
        for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
        return try writer.append([event]).firstSeq
    }
}
