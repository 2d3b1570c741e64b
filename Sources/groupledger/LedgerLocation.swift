import ArgumentParser
import Foundation

/// The `--ledger DIR` option every command takes.
struct LedgerLocation: ParsableArguments {
    @Option(name: .customLong("ledger"), help: "The ledger directory (default: $GROUPLEDGER_DIR, else ./ledger).")
    var directory: String?

    var path: String {
        directory ?? ProcessInfo.processInfo.environment["GROUPLEDGER_DIR"] ?? "ledger"
    }
}
