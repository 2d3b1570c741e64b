import LedgerCore

/// The node hashes an append adds to the stored tree, one contiguous run per level: a growing tree forms the nodes
/// of each level in index order, without gaps, so storing them is one write per level. A large append writes and
/// forgets them as it goes (``removeWritten()``).
struct TreeRuns {
    /// For each level from 0: the index of the run's first node and the run's hashes.
    private(set) var levels: [(start: UInt64, hashes: [UInt8])] = []

    /// Adds a node formed after the ones added before (``MerkleFrontier/append(_:using:formed:)`` order).
    mutating func add(_ node: TreeNode, _ hash: Hash) {
        if node.level == levels.count { levels.append((node.index, [])) }
        precondition(
            levels[node.level].start + UInt64(levels[node.level].hashes.count / Hash.byteCount) == node.index,
            "tree node (\(node.level), \(node.index)) does not continue its level's run"
        )
        hash.append(to: &levels[node.level].hashes)
    }

    /// Forgets the nodes held, once they are written: the next node of each level continues where they ended.
    mutating func removeWritten() {
        for level in levels.indices {
            let (start, hashes) = levels[level]
            levels[level] = (start + UInt64(hashes.count / Hash.byteCount), [])
        }
    }
}
