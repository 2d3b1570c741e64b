import ArgumentParser
import LedgerCore
import LedgerIngest
import LedgerStorage

/// Runs the ingest engine over whole inputs for `append` and `import`, printing what they print alike: the
/// writer's recovery, progress, and each refused unit.
enum BatchRun {
    /// At most this many refused units are printed; the rest are counted.
    static let shownErrors = 20

    static func run(_ settings: BatchIngest.Settings, into writer: Ledger) throws -> BatchIngest.Report {
        for message in writer.recovery.messages { Console.error("groupledger: \(message)") }
        let progress = ImportProgress()
        defer { progress.clear() }
        InterruptSignals.install()
        do {
            return try BatchIngest(settings, progress: progress.show, interrupted: { InterruptSignals.received })
                .run(into: writer)
        } catch let refused as BatchIngest.Refused {
            progress.clear()
            show(refused.errors, prefix: "")
            throw refused.ledgerError
        } catch let interrupted as BatchIngest.Interrupted {
            progress.clear()
            let committed = interrupted.committed
            if settings.batch > 0, committed.appended > 0 {
                Console.error(
                    "groupledger: interrupted: the batches committed before stay (\(committed.appended) events "
                        + "appended); the ledger holds \(committed.size) records"
                )
            } else {
                Console.error("groupledger: interrupted: nothing was appended (what was staged was removed)")
            }
            throw ExitCode(130)
        }
    }

    /// Prints the first ``shownErrors`` errors, then how many more there are.
    static func show(_ errors: [some CustomStringConvertible], prefix: String) {
        for error in errors.prefix(shownErrors) { Console.error("groupledger: \(prefix)\(error)") }
        if errors.count > shownErrors { Console.error("groupledger: … and \(errors.count - shownErrors) more") }
    }

    /// "0 units skipped", or "3 units skipped (2 delivery receipt; 1 typing)".
    static func skippedText(_ skipped: [String: Int]) -> String {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return "0 units skipped" }
        let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
        return "\(total) units skipped (\(reasons))"
    }
}
