import Dispatch
import LedgerCore

/// Builds the Merkle tree of the leaves the verifier hashes, on a second thread, so that tree hashing overlaps
/// record hashing: verification then costs about as much as hashing the records once.
final class TreeBuilder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "groupledger.verify.tree")
    private let sha = SHA256()
    private let sizes: Set<UInt64>
    // Touched only on `queue`.
    private var frontier = MerkleFrontier()
    private var roots: [UInt64: Hash] = [:]

    /// - Parameter sizes: the sizes whose roots the caller wants (the head's, those of checkpoints to check).
    init(sizes: Set<UInt64>) {
        self.sizes = sizes
        if sizes.contains(0) { roots[0] = SHA256.emptyTreeRoot }
    }

    /// Appends `leaves` in order, asynchronously.
    func append(_ leaves: [Hash]) {
        queue.async { [self] in
            for leaf in leaves {
                _ = frontier.append(leaf, using: sha)
                if sizes.contains(frontier.size) { roots[frontier.size] = frontier.root(using: sha) }
            }
        }
    }

    /// Waits for every appended leaf and returns the roots at the requested sizes the tree reached, and the root
    /// of all the leaves appended.
    func finish() -> (roots: [UInt64: Hash], root: Hash) {
        queue.sync { (roots, frontier.root(using: sha)) }
    }
}
