import LedgerStorage

/// The open writer `serve` appends through, and its commit queue; absent under `serve --read-only`, where every
/// write endpoint is refused.
struct LedgerWriting: Sendable {
    let ledger: Ledger
    let queue: CommitQueue
}
