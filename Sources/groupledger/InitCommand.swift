import ArgumentParser
import LedgerStorage

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty ledger."
    )

    @OptionGroup var ledger: LedgerLocation

    @Option(help: "The log's name in every checkpoint, e.g. daklak.gov.vn/ubnd/zalo-groups.")
    var origin: String

    func run() throws {
        try Failure.reporting {
            let created = try Ledger.create(at: ledger.path, origin: origin)
            defer { created.close() }
            print("created ledger \(ledger.path) for \(origin) (record 0: ledger.initialized)")
        }
    }
}
