import ArgumentParser
import LedgerStorage

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty ledger."
    )

    @OptionGroup var ledger: LedgerLocation

    @OptionGroup var keys: KeyLocation

    @Option(help: "The log's name in every checkpoint, e.g. daklak.gov.vn/ubnd/zalo-groups.")
    var origin: String

    func run() throws {
        try Failure.reporting {
            let created = try Ledger.create(at: ledger.path, origin: origin, options: keys.writerOptions)
            defer { created.close() }
            print("created ledger \(ledger.path) for \(origin) (record 0: ledger.initialized)")
            if created.layout.keysInside {
                Console.error(
                    "groupledger: note: the signing key is in \(created.layout.keysDirectory), so every copy of the "
                        + "ledger directory carries it; keep keys outside with --key-dir, and hand inspectors copies "
                        + "made with `groupledger copy`"
                )
            }
        }
    }
}
