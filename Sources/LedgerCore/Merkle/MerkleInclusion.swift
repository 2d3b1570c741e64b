extension Merkle {
    /// The inclusion proof (audit path) of leaf `index` in the tree of the first `size` leaves:
    /// `PATH(index, D[0:size])` of RFC 9162 §2.1.3.1, the sibling of the leaf first and the root's child last.
    ///
    /// Each proof hash is `MTH` of a range that is complete or, on the right edge of the tree, incomplete and
    /// then hashed from its complete parts; all parts are read with one `reader` call, O(log size) nodes.
    /// Throws `MerkleProofError.Code.indexOutOfRange` unless `index < size`, and whatever `reader` throws.
    public static func inclusionProof(
        index: UInt64,
        size: UInt64,
        reader: some TreeHashReader,
        sha: SHA256
    ) throws -> [Hash] {
        guard index < size else { throw indexOutOfRange(index: index, size: size) }
        // PATH(m, D[lo:hi]) for hi - lo > 1 is PATH of m in the half holding it, then MTH of the other half.
        // Walk from the root down, collecting the other halves; the proof lists them bottom-up.
        var siblings: [[TreeNode]] = []
        var low: UInt64 = 0
        var high = size
        while high - low > 1 {
            let middle = low + largestPowerOfTwo(below: high - low)
            if index < middle {
                siblings.append(TreeNode.subtrees(from: middle, to: high))
                high = middle
            } else {
                siblings.append(TreeNode.subtrees(from: low, to: middle))
                low = middle
            }
        }
        return try rangeHashes(Array(siblings.reversed()), reader: reader, sha: sha)
    }

    /// The number of hashes in the inclusion proof of leaf `index` in a tree of `size` leaves (`index < size`).
    ///
    /// The path shares the `inner` lowest levels with the tree's right edge only where `index` and `size - 1`
    /// differ; above that, it has one hash per left sibling, i.e. per set bit of `index` above `inner`.
    public static func inclusionProofLength(index: UInt64, size: UInt64) -> Int {
        precondition(index < size, "leaf index \(index) is not in a tree of \(size) leaves")
        let inner = UInt64.bitWidth - (index ^ (size - 1)).leadingZeroBitCount
        return inner + (index >> UInt64(inner)).nonzeroBitCount
    }

    /// Checks that `proof` shows `leafHash` at `index` in the tree of `size` leaves whose head is `root`
    /// (RFC 9162 §2.1.3.2).
    ///
    /// Edge cases: `index` must be below `size` (so no leaf is in the empty tree); the proof must have exactly
    /// `inclusionProofLength(index:size:)` hashes, none for a tree of one leaf, whose root is the leaf hash.
    public static func verifyInclusion(
        leafHash: Hash,
        index: UInt64,
        size: UInt64,
        proof: [Hash],
        root: Hash,
        sha: SHA256
    ) throws(MerkleProofError) {
        let computed = try rootFromInclusionProof(leafHash: leafHash, index: index, size: size, proof: proof, sha: sha)
        guard computed == root else {
            throw MerkleProofError(
                .rootMismatch,
                "inclusion proof for index \(index) in a tree of \(size) leads to root \(computed.hexPrefix())…, "
                    + "not \(root.hexPrefix())…"
            )
        }
    }

    /// The root that `proof` leads to from `leafHash` at `index` in a tree of `size` leaves: steps 1 to 5 of
    /// RFC 9162 §2.1.3.2, without the final comparison with the expected root.
    ///
    /// Throws `indexOutOfRange` unless `index < size`, and `wrongProofLength` for a proof that is too long
    /// (step 4a) or too short (step 5, `sn` not 0).
    public static func rootFromInclusionProof(
        leafHash: Hash,
        index: UInt64,
        size: UInt64,
        proof: [Hash],
        sha: SHA256
    ) throws(MerkleProofError) -> Hash {
        // 1. leaf_index must be below tree_size.
        guard index < size else { throw indexOutOfRange(index: index, size: size) }
        // 2. fn is the leaf's index, sn the last leaf's, as the path climbs.
        var fn = index
        var sn = size - 1
        // 3.
        var r = leafHash
        // 4.
        for p in proof {
            // a. Nothing is left to climb: the proof is too long.
            guard sn != 0 else { throw wrongInclusionLength(proof.count, index: index, size: size) }
            // b. A right child, or the last node of its level (whose sibling is to its left).
            if fn & 1 == 1 || fn == sn {
                r = sha.nodeHash(p, r)
                // ii. Skip the levels where the right-edge node has no sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = sha.nodeHash(r, p)
            }
            // c.
            fn >>= 1
            sn >>= 1
        }
        // 5. The path must reach the root (the caller compares r with it).
        guard sn == 0 else { throw wrongInclusionLength(proof.count, index: index, size: size) }
        return r
    }

    static func indexOutOfRange(index: UInt64, size: UInt64) -> MerkleProofError {
        MerkleProofError(
            .indexOutOfRange,
            "leaf index \(index) is not in a tree of \(MerkleProofError.counted(size, "leaf", "leaves"))"
        )
    }

    static func wrongInclusionLength(_ count: Int, index: UInt64, size: UInt64) -> MerkleProofError {
        let expected = inclusionProofLength(index: index, size: size)
        let has = MerkleProofError.counted(count, "hash", "hashes")
        return MerkleProofError(
            .wrongProofLength,
            "inclusion proof has \(has); a tree of \(size) needs \(expected) for index \(index)"
        )
    }
}
