/// Every complete node hash of a tree kept in memory: a `TreeHashReader` for tests and small trees.
///
/// Appending a leaf stores it and each node it completes, level by level, so the store always answers for any
/// node that is complete in the current size, and therefore for proofs and tree heads of any smaller size too.
public struct InMemoryTreeHashes: TreeHashReader, Sendable, Hashable {
    /// `levels[l][i]` is the hash of `TreeNode(level: l, index: i)`.
    private var levels: [[Hash]] = []

    /// An empty tree.
    public init() {}

    /// The tree of `leafHashes`, in order (each already `HASH(0x00 || entry)`, RFC 9162 §2.1.1).
    public init(leafHashes: some Sequence<Hash>, using sha: SHA256) {
        for leafHash in leafHashes {
            append(leafHash, using: sha)
        }
    }

    /// The number of leaves.
    public var size: UInt64 { UInt64(levels.first?.count ?? 0) }

    /// Appends a leaf hash and returns every node that became complete, the leaf (level 0) first, exactly as
    /// `MerkleFrontier.append(_:using:)` does.
    @discardableResult
    public mutating func append(_ leafHash: Hash, using sha: SHA256) -> [(node: TreeNode, hash: Hash)] {
        var formed: [(node: TreeNode, hash: Hash)] = []
        var hash = leafHash
        var level = 0
        while true {
            if levels.count == level {
                levels.append([])
            }
            levels[level].append(hash)
            formed.append((TreeNode(level: level, index: UInt64(levels[level].count - 1)), hash))
            guard levels[level].count % 2 == 0 else { return formed }
            hash = sha.nodeHash(levels[level][levels[level].count - 2], hash)
            level += 1
        }
    }

    /// The hash of `node`, or `nil` when the node is not complete in this tree.
    public func hash(of node: TreeNode) -> Hash? {
        guard node.level < levels.count, let index = Int(exactly: node.index), index < levels[node.level].count
        else { return nil }
        return levels[node.level][index]
    }

    /// The hashes of `nodes`; throws `MerkleProofError.Code.nodeUnavailable` for a node that is not complete.
    public func hashes(of nodes: [TreeNode]) throws -> [Hash] {
        try nodes.map { node throws(MerkleProofError) in
            guard let hash = hash(of: node) else {
                throw MerkleProofError(
                    .nodeUnavailable,
                    "node \(node) is not complete in a tree of \(MerkleProofError.counted(size, "leaf", "leaves"))"
                )
            }
            return hash
        }
    }
}
