import LedgerCore
import LedgerStorage
import Synchronization

/// The newest anchor kept beside the ledger (``LedgerStorage/CheckpointStore/newest(reader:)``) as the province
/// page shows it: read again only when the served checkpoint's size changes, not on every request.
final class AnchorCache: Sendable {
    private let kept = Mutex<(size: UInt64, anchor: Result<StoredAnchor?, LedgerError>)?>(nil)

    /// The anchor kept for a checkpoint of `size`, or what `read` gives (then kept) when the size changed.
    func anchor(size: UInt64, read: () -> Result<StoredAnchor?, LedgerError>) -> Result<StoredAnchor?, LedgerError> {
        if let kept = kept.withLock({ $0 }), kept.size == size { return kept.anchor }
        let anchor = read()
        kept.withLock { $0 = (size, anchor) }
        return anchor
    }
}
