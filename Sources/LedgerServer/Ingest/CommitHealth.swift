import LedgerCore
import Synchronization

/// Whether the last commit worked, for `/readyz`: a failed commit makes the server not ready until a later one
/// succeeds; a failed sync stops the writer for good (until `serve` is restarted and recovery runs).
final class CommitHealth: Sendable {
    private let lastFailure = Mutex<LedgerError?>(nil)

    /// Records a commit's result.
    func record(_ failure: LedgerError?) { lastFailure.withLock { $0 = failure } }

    /// Why the ledger cannot commit now, if it cannot.
    var problem: String? {
        lastFailure.withLock { failure in
            guard let failure else { return nil }
            if failure.code == .syncFailed || failure.code == .writerStopped {
                return "the writer stopped after a failed sync (\(failure)); restart serve: opening the ledger "
                    + "recovers it"
            }
            return "the last commit failed (\(failure)); the next one that succeeds makes the server ready again"
        }
    }
}
