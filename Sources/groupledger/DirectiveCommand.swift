import ArgumentParser
import GroupDomain
import LedgerCore
import LedgerReplay

struct DirectiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directive",
        abstract: "Work with directives (R2, R9).",
        subcommands: [DirectiveConfirmCommand.self]
    )
}

struct DirectiveConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm a directive candidate as a directive (a directive.issued event).",
        discussion: """
            CANDIDATE is the record number audit lists under directive candidates (#1234): a head's post that \
            reads like a directive. The directive is recorded at the post's own time, in its group, with the post \
            as its source and its author as issuer unless --issuer says otherwise. --due takes an RFC 3339 time or \
            a plain date (YYYY-MM-DD, the end of that day in Việt Nam time). Confirming the same directive id \
            twice appends nothing.
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Argument(help: "The candidate's record number, as audit lists it.")
    var candidate: UInt64

    @Option(help: "The directive's id, e.g. CD-2026-041.")
    var id: String

    @Option(parsing: .upToNextOption, help: "The assignees' person ids (one or more).")
    var assignee: [String]

    @Option(help: "When it is due: an RFC 3339 time or a plain date.")
    var due: String

    @Option(help: "Who confirms it (person id).")
    var confirmedBy: String

    @Option(help: "Who issued it (default: the post's author).")
    var issuer: String?

    func validate() throws {
        for (name, value) in [("--id", id), ("--confirmed-by", confirmedBy)] + assignee.map({ ("--assignee", $0) }) {
            if let problem = EnvelopeRules.identifierProblem(value) { throw ValidationError("\(name) \(problem)") }
        }
        if assignee.isEmpty { throw ValidationError("--assignee needs at least one person") }
        do { _ = try RecordSource.time(due, option: "--due", endOfDay: true) } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        try Failure.reporting {
            let result = try AuditInput.check(ledger.path, config: nil, textRules: nil)
            guard let found = result.candidates.first(where: { $0.post.seq == candidate }) else {
                let listed = result.candidates.map { "#\($0.post.seq)" }.joined(separator: ", ")
                throw LedgerError(
                    .badInput,
                    "record \(candidate) is not an unconfirmed directive candidate; candidates: "
                        + (listed.isEmpty ? "none" : listed)
                )
            }
            let dueTime = try RecordSource.time(due, option: "--due", endOfDay: true)
            let data: [(key: String, value: JSONValue)] = [
                ("assignees", .array(assignee.map { .string($0) })), ("confirmed_by", .string(confirmedBy)),
                ("directive", .string(id)), ("due", .string(dueTime.text)),
                ("issuer", .string(issuer ?? found.author)), ("source_message", .string(found.message)),
            ]
            let event = EventEnvelope(
                id: "directive:\(found.group):\(id)",
                type: EventType.directiveIssued.rawValue,
                time: found.post.time,
                actor: confirmedBy,
                group: found.group,
                data: .object(JSONObject(members: data))
            )
            try EventCatalogue.validate(event, at: "directive confirm")
            let seq = try AuditInput.append(event, to: ledger.path)
            print(
                seq.map { "recorded directive \(id) (from record \(candidate)) as record \($0)" }
                    ?? "directive \(id) was already recorded"
            )
        }
    }
}
