import ArgumentParser
import LedgerCore
import LedgerStorage

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Make a copy of the ledger for an inspection: records and proofs, no signing key.",
        discussion: """
            The copy holds the records, content, index, tree and cosigned checkpoints up to the head, and no key \
            (whether the keys live in keys/ or in a --key-dir), no lock and no quarantined bytes, so that whoever \
            receives it cannot sign a rewritten history. It is consistent while a writer appends, and verified \
            before this returns: exit 0 with an intact copy, 1 when the ledger itself is damaged (the problem is \
            printed, as by `groupledger verify`).
            """
    )

    @OptionGroup var ledger: LedgerLocation

    @Argument(help: "The directory to create (it must not exist yet).")
    var destination: String

    func run() throws {
        try Failure.reporting {
            let outcome = try InspectionCopy(from: ledger.path, to: destination).make()
            for warning in outcome.warnings { Console.error("groupledger: warning: \(warning)") }
            if let problem = outcome.report.problem {
                Console.error("groupledger: the copy does not verify: \(problem.message)")
                throw ExitCode(1)
            }
            let root = outcome.report.root.map { $0.hexPrefix() } ?? "-"
            print(
                "copied \(outcome.size) records (root \(root)) to \(destination), without signing keys; "
                    + "the copy verifies: INTACT"
            )
        }
    }
}
