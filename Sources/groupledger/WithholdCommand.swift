import ArgumentParser
import LedgerCore
import LedgerStorage

struct WithholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withhold",
        abstract: "Destroy a record's content for good and record why; the chain and proofs stay valid."
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @Option(help: "The record whose content is destroyed.")
    var seq: UInt64

    @Option(help: "Why, e.g. R7a-classified, pdp-erasure, court-order (one line, kept in the ledger).")
    var reason: String

    @Option(help: "Who orders it (kept in the ledger).")
    var actor: String = "groupledger"

    func validate() throws {
        if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason must not be empty") }
        if let problem = EnvelopeRules.hiddenCharacterProblem(reason) {
            throw ValidationError("--reason \(problem); give the reason on one line of visible text")
        }
        if let problem = EnvelopeRules.identifierProblem(actor) { throw ValidationError("--actor \(problem)") }
    }

    func run() throws {
        try Failure.reporting {
            let writer = try keys.openWriter(ledger)
            defer { writer.close() }
            for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
            let eventSeq = try writer.withhold(seq: seq, reason: reason, actor: actor)
            print("withheld the content of record \(seq); recorded as record \(eventSeq)")
        }
    }
}
