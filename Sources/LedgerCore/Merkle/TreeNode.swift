/// The address of one complete subtree of the log's Merkle tree: the node at `level` whose subtree holds the
/// 2^`level` leaves starting at leaf `index` · 2^`level`.
///
/// Level 0 holds the leaf hashes (RFC 9162 §2.1.1, `MTH({d(i)}) = HASH(0x00 || d(i))`); a node at level `l + 1`
/// is `HASH(0x01 || left || right)` of nodes `(l, 2i)` and `(l, 2i + 1)`. This is the numbering of C2SP
/// tlog-tiles, where the tile at tile level `L` and index `N` holds the nodes at tree level `8·L` with indices
/// `256·N ..< 256·N + 256`.
///
/// A node is *complete* in a tree of `size` leaves when all its leaves exist (`lastLeaf < size`); only complete
/// nodes have a fixed hash, so only they are ever stored or requested from a `TreeHashReader`.
public struct TreeNode: Hashable, Sendable {
    /// The height of the subtree: 0 for a leaf, 63 at most.
    public let level: Int
    /// The position of the subtree among the subtrees of the same level, counting from the left.
    public let index: UInt64

    /// The node at `level` (0...63) and `index`; its leaves must be addressable by `UInt64`.
    public init(level: Int, index: UInt64) {
        precondition((0...63).contains(level), "TreeNode level \(level) is outside 0...63")
        precondition(index <= UInt64.max >> level, "TreeNode (level \(level), index \(index)) has leaves beyond 2^64")
        self.level = level
        self.index = index
    }

    /// The number of leaves under this node, 2^`level`.
    public var leafCount: UInt64 { 1 << UInt64(level) }

    /// The index of the leftmost leaf under this node.
    public var firstLeaf: UInt64 { index << UInt64(level) }

    /// The index of the rightmost leaf under this node.
    public var lastLeaf: UInt64 { firstLeaf + (leafCount - 1) }

    /// Whether every leaf of this node exists in a tree of `size` leaves, so that its hash is fixed.
    public func isComplete(inTreeOfSize size: UInt64) -> Bool { lastLeaf < size }

    /// The complete subtrees that make up a tree of `size` leaves, largest (leftmost) first: one per set bit of
    /// `size`. Their hashes are a `MerkleFrontier`, and folding them from the right gives the tree head.
    public static func subtrees(ofTreeSize size: UInt64) -> [TreeNode] {
        subtrees(from: 0, to: size)
    }

    /// The complete subtrees that make up the leaves `start ..< end`, largest (leftmost) first.
    ///
    /// The range must be one that RFC 9162 §2.1.1 hashes as a unit, `D[start:end]`: `start` is a multiple of the
    /// largest power of two not above `end - start`. Then the range splits exactly like `MTH`: its left part is
    /// the complete subtree of the highest set bit of the length, and the rest recurses.
    static func subtrees(from start: UInt64, to end: UInt64) -> [TreeNode] {
        var nodes: [TreeNode] = []
        var first = start
        while first < end {
            let level = 63 - (end - first).leadingZeroBitCount
            let node = TreeNode(level: level, index: first >> UInt64(level))
            assert(node.firstLeaf == first, "leaves \(start)..<\(end) are not an RFC 9162 subtree")
            nodes.append(node)
            first += node.leafCount
        }
        return nodes
    }
}

extension TreeNode: CustomStringConvertible {
    public var description: String { "(level \(level), index \(index))" }
}
