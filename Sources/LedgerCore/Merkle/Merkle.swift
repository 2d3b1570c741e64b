/// The RFC 9162 Merkle tree algorithms over a log's leaf hashes, as static functions over sizes and hashes.
///
/// `Merkle` is a namespace: the tree itself lives in storage behind a `TreeHashReader` (or is summarised by a
/// `MerkleFrontier`). Leaf indices are 0-based and sizes count leaves. Hashing is RFC 9162 §2.1.1 with SHA-256,
/// done by the caller's `SHA256`, which is not thread-safe: pass one per thread.
///
/// Proof generation works like Go's `golang.org/x/mod/sumdb/tlog`: each proof hash is `MTH` of some range of
/// leaves, that range is split into the O(log n) complete subtrees it is made of, all of them are read in one
/// `TreeHashReader.hashes(of:)` call, and each incomplete range is hashed from its complete parts. So a tree
/// head or proof for any size up to the stored tree costs O(log n) stored hashes and O(log n) hashing,
/// whatever n is.
public enum Merkle {
    /// The Merkle Tree Hash of the first `size` leaves of the stored tree, `MTH(D[0:size])` (RFC 9162 §2.1.1).
    ///
    /// `size` may be any size up to the stored tree's; the empty tree's hash is `SHA256.emptyTreeRoot`,
    /// returned without calling `reader`. Reads at most 64 complete nodes, one per set bit of `size`.
    public static func rootHash(size: UInt64, reader: some TreeHashReader, sha: SHA256) throws -> Hash {
        guard size > 0 else { return SHA256.emptyTreeRoot }
        return try rangeHashes([TreeNode.subtrees(ofTreeSize: size)], reader: reader, sha: sha)[0]
    }

    /// Reads the nodes of every range in `ranges` with one call and hashes each range from its complete
    /// subtrees, returning one hash per range.
    static func rangeHashes(_ ranges: [[TreeNode]], reader: some TreeHashReader, sha: SHA256) throws -> [Hash] {
        let stored = try read(ranges.flatMap { $0 }, from: reader)
        var hashes: [Hash] = []
        var offset = 0
        for range in ranges {
            hashes.append(fold(stored[offset..<offset + range.count], sha: sha))
            offset += range.count
        }
        return hashes
    }

    /// The hashes of `nodes` from `reader`, which is not called for no nodes; a result of the wrong length is
    /// `MerkleProofError.Code.nodeUnavailable`.
    static func read(_ nodes: [TreeNode], from reader: some TreeHashReader) throws -> [Hash] {
        guard !nodes.isEmpty else { return [] }
        let stored = try reader.hashes(of: nodes)
        guard stored.count == nodes.count else {
            let gave = MerkleProofError.counted(stored.count, "hash", "hashes")
            throw MerkleProofError(
                .nodeUnavailable,
                "tree hash reader gave \(gave) for \(MerkleProofError.counted(nodes.count, "node", "nodes"))"
            )
        }
        return stored
    }

    /// `MTH` of a range from the hashes of its complete subtrees, largest (leftmost) first.
    ///
    /// RFC 9162 §2.1.1 splits `D[0:n]` into the complete `D[0:k]`, k the largest power of two below n, and the
    /// rest, so `MTH` is the right fold `HASH(0x01 || c1 || HASH(0x01 || c2 || … ck))`.
    static func fold(_ subtreeHashes: some BidirectionalCollection<Hash>, sha: SHA256) -> Hash {
        var hash = subtreeHashes.last!
        for left in subtreeHashes.dropLast().reversed() {
            hash = sha.nodeHash(left, hash)
        }
        return hash
    }

    /// The largest power of two below `n`, the `k` of RFC 9162 §2.1.1; `n` is at least 2.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
