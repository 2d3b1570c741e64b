import Dispatch
import LedgerCore

/// Builds the Merkle tree of the leaves the verifier hashes, on a second thread, so that tree hashing overlaps
/// record hashing: verification then costs about as much as hashing the records once.
final class TreeBuilder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "groupledger.verify.tree")
    private let sha = SHA256()
    private let rootSize: UInt64
    // Touched only on `queue`.
    private var frontier = MerkleFrontier()
    private var rootAtSize: Hash?

    /// - Parameter rootSize: the size whose root the caller wants besides the final one (the head's size).
    init(rootSize: UInt64) {
        self.rootSize = rootSize
        if rootSize == 0 { rootAtSize = SHA256.emptyTreeRoot }
    }

    /// Appends `leaves` in order, asynchronously.
    func append(_ leaves: [Hash]) {
        queue.async { [self] in
            for leaf in leaves {
                _ = frontier.append(leaf, using: sha)
                if frontier.size == rootSize { rootAtSize = frontier.root(using: sha) }
            }
        }
    }

    /// Waits for every appended leaf and returns the root at `rootSize`, if the tree reached it.
    func rootAtRequestedSize() -> Hash? {
        queue.sync { rootAtSize }
    }
}
