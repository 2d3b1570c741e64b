import Dispatch
import LedgerCore

/// Builds the Merkle tree of the leaves the verifier hashes, on a second thread, so that tree hashing overlaps
/// record hashing: verification then costs about as much as hashing the records once.
final class TreeBuilder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "groupledger.verify.tree")
    private let sha = SHA256()
    // Touched only on `queue`.
    private var frontier = MerkleFrontier()
    private var roots: [UInt64: Hash] = [:]
    /// The sizes whose roots are still wanted, largest first: the last is the next one the tree reaches.
    private var wanted: [UInt64]

    /// - Parameter sizes: the sizes whose roots the caller wants (the head's, those of checkpoints to check).
    init(sizes: Set<UInt64>) {
        wanted = sizes.filter { $0 > 0 }.sorted(by: >)
        if sizes.contains(0) { roots[0] = SHA256.emptyTreeRoot }
    }

    /// Appends `leaves` in order, asynchronously.
    func append(_ leaves: [Hash]) {
        queue.async { [self] in
            for leaf in leaves {
                // Passing the nodes formed to a closure that drops them: collecting them costs an array a leaf.
                frontier.append(leaf, using: sha) { _, _ in }
                if frontier.size == wanted.last {
                    roots[frontier.size] = frontier.root(using: sha)
                    wanted.removeLast()
                }
            }
        }
    }

    /// Waits for every appended leaf and returns the roots at the requested sizes the tree reached, and the root
    /// of all the leaves appended.
    func finish() -> (roots: [UInt64: Hash], root: Hash) {
        queue.sync { (roots, frontier.root(using: sha)) }
    }
}
