/// The hashes of the complete subtrees that make up a tree of `size` leaves (a compact range starting at leaf
/// 0): everything needed to append leaves and compute the tree head, in at most 64 hashes.
///
/// Subtree `i` covers the leaves of the `i`-th highest set bit of `size`, so the hashes run from the largest,
/// leftmost subtree to the smallest, rightmost one, and their nodes are `TreeNode.subtrees(ofTreeSize: size)`.
/// Persisting them is the caller's job: reload with `init(size:hashes:)` or `init(size:reader:)`.
public struct MerkleFrontier: Sendable, Hashable {
    /// The number of leaves.
    public private(set) var size: UInt64
    /// The complete subtrees' hashes, largest (leftmost) first; one per set bit of `size`.
    public private(set) var hashes: [Hash]

    /// The empty tree.
    public init() {
        size = 0
        hashes = []
    }

    /// A frontier reloaded from its parts; throws `MerkleProofError.Code.malformedFrontier` unless there is one
    /// hash per set bit of `size`.
    public init(size: UInt64, hashes: [Hash]) throws(MerkleProofError) {
        guard hashes.count == size.nonzeroBitCount else {
            let leaves = MerkleProofError.counted(size, "leaf", "leaves")
            let subtrees = MerkleProofError.counted(size.nonzeroBitCount, "complete subtree", "complete subtrees")
            throw MerkleProofError(.malformedFrontier, "a tree of \(leaves) has \(subtrees), not \(hashes.count)")
        }
        self.size = size
        self.hashes = hashes
    }

    /// The frontier of the first `size` leaves of a stored tree, read with one `reader` call.
    public init(size: UInt64, reader: some TreeHashReader) throws {
        try self.init(size: size, hashes: Merkle.read(TreeNode.subtrees(ofTreeSize: size), from: reader))
    }

    /// The nodes whose hashes `hashes` holds, in the same order.
    public var nodes: [TreeNode] { TreeNode.subtrees(ofTreeSize: size) }

    /// Appends a leaf hash (`HASH(0x00 || entry)`, RFC 9162 §2.1.1) and returns every complete node it forms:
    /// the leaf itself at level 0 first, then each parent it completes, bottom-up, for storage to persist.
    ///
    /// The new leaf merges with the smallest subtrees while they are the same size as what it has grown into,
    /// one per trailing set bit of the old `size`. A tree cannot grow past `UInt64.max` leaves.
    @discardableResult
    public mutating func append(_ leafHash: Hash, using sha: SHA256) -> [(node: TreeNode, hash: Hash)] {
        var formed: [(node: TreeNode, hash: Hash)] = []
        append(leafHash, using: sha) { formed.append(($0, $1)) }
        return formed
    }

    /// Adds a leaf like ``append(_:using:)``, passing each node it forms to `formed` (the leaf first, then each
    /// parent, bottom-up) instead of collecting them.
    public mutating func append(_ leafHash: Hash, using sha: SHA256, formed: (TreeNode, Hash) -> Void) {
        precondition(size < UInt64.max, "a Merkle tree cannot hold more than UInt64.max leaves")
        var node = TreeNode(level: 0, index: size)
        var hash = leafHash
        formed(node, hash)
        while node.index & 1 == 1 {
            hash = sha.nodeHash(hashes.removeLast(), hash)
            node = TreeNode(level: node.level + 1, index: node.index >> 1)
            formed(node, hash)
        }
        hashes.append(hash)
        size += 1
    }

    /// The tree head, `MTH(D[0:size])` (RFC 9162 §2.1.1): `SHA256.emptyTreeRoot` for the empty tree, else the
    /// subtree hashes folded from the right.
    public func root(using sha: SHA256) -> Hash {
        hashes.isEmpty ? SHA256.emptyTreeRoot : Merkle.fold(hashes, sha: sha)
    }
}
