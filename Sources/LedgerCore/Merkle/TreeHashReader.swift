/// A source of stored complete-subtree hashes, such as a tile store (C2SP tlog-tiles) or `InMemoryTreeHashes`.
///
/// `Merkle` asks for every node an operation needs in a single call, and only for nodes that are complete in
/// the tree size the operation is about: O(log n) nodes for a tree head or a proof. A reader backed by tiles may
/// store only the levels that are multiples of the tile height and compute a node in between from the tile
/// below it; that is its business.
public protocol TreeHashReader {
    /// The hashes of `nodes`, one per node and in the same order.
    ///
    /// Throws if any node is not stored, e.g. because it lies beyond the stored tree. `Merkle` passes such
    /// errors through unchanged, and treats a result of the wrong length as `MerkleProofError.Code.nodeUnavailable`.
    func hashes(of nodes: [TreeNode]) throws -> [Hash]
}
