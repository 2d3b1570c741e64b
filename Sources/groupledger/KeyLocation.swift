import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// The `--key-dir DIR` option of the commands that sign (they open the ledger for writing).
struct KeyLocation: ParsableArguments {
    @Option(
        name: .customLong("key-dir"),
        help: """
            Where the signing keys live, outside the ledger (default: $GROUPLEDGER_KEY_DIR, else keys/ inside the \
            ledger). Keys kept outside do not travel with copies of the ledger.
            """
    )
    var directory: String?

    /// The key directory named by `--key-dir` or `$GROUPLEDGER_KEY_DIR`; `nil` for `keys/` inside the ledger.
    var path: String? {
        directory ?? ProcessInfo.processInfo.environment["GROUPLEDGER_KEY_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The ledger's files, with the keys where these options put them.
    func layout(_ ledger: LedgerLocation) -> LedgerLayout { LedgerLayout(root: ledger.path, keysDirectory: path) }

    /// The writer's settings these options choose.
    var writerOptions: LedgerOptions {
        var options = LedgerOptions()
        options.keyDirectory = path
        return options
    }

    /// Opens `ledger` for writing.
    func openWriter(_ ledger: LedgerLocation) throws(LedgerError) -> Ledger {
        try Ledger.open(at: ledger.path, options: writerOptions)
    }
}
