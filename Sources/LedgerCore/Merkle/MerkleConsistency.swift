extension Merkle {
    /// The consistency proof between the trees of the first `oldSize` and `newSize` leaves:
    /// `PROOF(oldSize, D[0:newSize])` of RFC 9162 §2.1.4.1, deepest hash first.
    ///
    /// Empty when `oldSize` is 0 or equals `newSize` (nothing to prove; see `verifyConsistency`). Each hash is
    /// `MTH` of a range hashed from its complete parts; all parts are read with one `reader` call, O(log newSize)
    /// nodes. Throws `MerkleProofError.Code.sizesOutOfOrder` if `oldSize > newSize`, and whatever `reader` throws.
    public static func consistencyProof(
        from oldSize: UInt64,
        to newSize: UInt64,
        reader: some TreeHashReader,
        sha: SHA256
    ) throws -> [Hash] {
        guard oldSize <= newSize else { throw sizesOutOfOrder(oldSize: oldSize, newSize: newSize) }
        guard oldSize > 0 && oldSize < newSize else { return [] }
        // SUBPROOF(m, D[lo:hi], b) with m < hi - lo recurses into the half holding the old tree's end and adds MTH
        // of the other half; it ends when the old tree's end is the end of the range, adding MTH of the range
        // unless it is the whole old tree (b true: the verifier has that root). Walk from the root down.
        var ranges: [[TreeNode]] = []
        var low: UInt64 = 0
        var high = newSize
        var isOldRoot = true  // b: D[low:high] still starts at leaf 0, so at the end it is the old tree.
        while oldSize < high {
            let middle = low + largestPowerOfTwo(below: high - low)
            if oldSize <= middle {
                ranges.append(TreeNode.subtrees(from: middle, to: high))
                high = middle
            } else {
                ranges.append(TreeNode.subtrees(from: low, to: middle))
                low = middle
                isOldRoot = false
            }
        }
        if !isOldRoot {
            ranges.append(TreeNode.subtrees(from: low, to: high))
        }
        return try rangeHashes(Array(ranges.reversed()), reader: reader, sha: sha)
    }

    /// The number of hashes in the consistency proof from `oldSize` to `newSize` leaves, `0 < oldSize < newSize`.
    ///
    /// It is the length of the walk of RFC 9162 §2.1.4.2: after dropping the trailing set bits of `oldSize - 1`
    /// (step 4) the walk climbs like an inclusion proof, plus the starting hash, which the proof omits when
    /// `oldSize` is a power of two (step 2 takes it from the old root).
    public static func consistencyProofLength(oldSize: UInt64, newSize: UInt64) -> Int {
        precondition(0 < oldSize && oldSize < newSize, "no consistency proof from \(oldSize) to \(newSize) leaves")
        let shift = UInt64((~(oldSize - 1)).trailingZeroBitCount)
        let walk = inclusionProofLength(index: (oldSize - 1) >> shift, size: ((newSize - 1) >> shift) + 1)
        let isPowerOfTwo = oldSize & (oldSize - 1) == 0
        return walk + (isPowerOfTwo ? 0 : 1)
    }

    /// Checks that `proof` shows the tree of `newSize` leaves with head `newRoot` extends the tree of `oldSize`
    /// leaves with head `oldRoot` (RFC 9162 §2.1.4.2).
    ///
    /// RFC 9162 defines the proof for `0 < oldSize < newSize`; the other cases are decided here:
    /// - `oldSize > newSize` is rejected (`sizesOutOfOrder`): a log never shrinks.
    /// - `oldSize == newSize` needs an empty proof and `newRoot == oldRoot` (and, for size 0, both equal to
    ///   `SHA256.emptyTreeRoot`): one size has one tree.
    /// - `oldSize == 0 < newSize` needs an empty proof and `oldRoot == SHA256.emptyTreeRoot`. Every tree extends
    ///   the empty tree, so no proof can say anything about `newRoot`, which is accepted as it is: its
    ///   authenticity comes from its signature, not from this check.
    /// - Otherwise the proof must have exactly `consistencyProofLength(oldSize:newSize:)` hashes.
    ///
    /// When `oldSize` is a power of two the walk starts from `oldRoot` itself (step 2), so the old-root check
    /// of step 7 always holds and a wrong `oldRoot` shows as `newRootMismatch`; it is rejected all the same.
    public static func verifyConsistency(
        oldSize: UInt64,
        newSize: UInt64,
        oldRoot: Hash,
        newRoot: Hash,
        proof: [Hash],
        sha: SHA256
    ) throws(MerkleProofError) {
        guard oldSize <= newSize else { throw sizesOutOfOrder(oldSize: oldSize, newSize: newSize) }
        guard oldSize > 0 && oldSize < newSize else {
            try verifyTrivialConsistency(oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof)
            return
        }
        // 1. An empty path proves nothing.
        guard !proof.isEmpty else { throw wrongConsistencyLength(0, oldSize: oldSize, newSize: newSize) }
        // 2. A power-of-two old tree is a complete subtree of the new one, so its root starts the walk.
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        // 3.
        var fn = oldSize - 1
        var sn = newSize - 1
        // 4. Climb to the largest complete subtree ending with the old tree's last leaf.
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5. fr rebuilds the old root and sr the new one, from that subtree's hash.
        var fr = path[0]
        var sr = path[0]
        // 6.
        for c in path.dropFirst() {
            // a. Nothing is left to climb: the proof is too long.
            guard sn != 0 else { throw wrongConsistencyLength(proof.count, oldSize: oldSize, newSize: newSize) }
            // b. A left sibling is in both trees; a right sibling only in the new one.
            if fn & 1 == 1 || fn == sn {
                fr = sha.nodeHash(c, fr)
                sr = sha.nodeHash(c, sr)
                // ii. Skip the levels where the right-edge node has no sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = sha.nodeHash(sr, c)
            }
            // c.
            fn >>= 1
            sn >>= 1
        }
        // 7. The walk must reach the new root and rebuild both roots.
        guard sn == 0 else { throw wrongConsistencyLength(proof.count, oldSize: oldSize, newSize: newSize) }
        guard fr == oldRoot else {
            throw MerkleProofError(
                .oldRootMismatch,
                "consistency proof \(oldSize) → \(newSize) leads to old root \(fr.hexPrefix())…, "
                    + "not \(oldRoot.hexPrefix())…"
            )
        }
        guard sr == newRoot else {
            throw MerkleProofError(
                .newRootMismatch,
                "consistency proof \(oldSize) → \(newSize) leads to new root \(sr.hexPrefix())…, "
                    + "not \(newRoot.hexPrefix())…"
            )
        }
    }

    /// The cases outside RFC 9162's `0 < oldSize < newSize`, as documented on `verifyConsistency`.
    static func verifyTrivialConsistency(
        oldSize: UInt64,
        newSize: UInt64,
        oldRoot: Hash,
        newRoot: Hash,
        _ proof: [Hash]
    ) throws(MerkleProofError) {
        guard proof.isEmpty else {
            let has = MerkleProofError.counted(proof.count, "hash", "hashes")
            throw MerkleProofError(
                .wrongProofLength,
                "consistency proof has \(has); proving \(oldSize) → \(newSize) needs 0"
            )
        }
        if oldSize == 0 && oldRoot != SHA256.emptyTreeRoot {
            throw MerkleProofError(
                .oldRootMismatch,
                "old root \(oldRoot.hexPrefix())… is not the empty tree's root, SHA-256 of nothing"
            )
        }
        if oldSize == newSize && newRoot != oldRoot {
            throw MerkleProofError(
                .newRootMismatch,
                "new root \(newRoot.hexPrefix())… differs from old root \(oldRoot.hexPrefix())… of the same size "
                    + "\(oldSize)"
            )
        }
    }

    static func sizesOutOfOrder(oldSize: UInt64, newSize: UInt64) -> MerkleProofError {
        MerkleProofError(
            .sizesOutOfOrder,
            "a tree of \(MerkleProofError.counted(oldSize, "leaf", "leaves")) cannot grow into one of \(newSize)"
        )
    }

    static func wrongConsistencyLength(_ count: Int, oldSize: UInt64, newSize: UInt64) -> MerkleProofError {
        let expected = consistencyProofLength(oldSize: oldSize, newSize: newSize)
        let has = MerkleProofError.counted(count, "hash", "hashes")
        return MerkleProofError(
            .wrongProofLength,
            "consistency proof has \(has); proving \(oldSize) → \(newSize) needs \(expected)"
        )
    }
}
