import LedgerCore
import Testing

/// Proofs and tree heads for a 1,000,000-leaf tree read O(log n) stored nodes in one call.
///
/// The tree has identical leaves, so every node of a level has the same hash and the reader below can serve
/// any node at once without storing a million leaves; its proofs still verify against its tree heads. (It
/// cannot tell leaves apart, so index mix-ups are the other suites' business.) No timing is asserted.
@Suite struct MerkleReadCostTests {
    /// A consistent tree of identical leaves, recording what it is asked for.
    final class UniformTree: TreeHashReader {
        let levelHashes: [Hash]
        let size: UInt64
        private(set) var calls = 0
        private(set) var nodes: [TreeNode] = []

        init(size: UInt64, sha: SHA256) {
            var hashes = [sha.leafHash(Array("same".utf8))]
            while hashes.count < 64 {
                hashes.append(sha.nodeHash(hashes.last!, hashes.last!))
            }
            levelHashes = hashes
            self.size = size
        }

        func hashes(of nodes: [TreeNode]) throws -> [Hash] {
            calls += 1
            self.nodes += nodes
            #expect(nodes.allSatisfy { $0.isComplete(inTreeOfSize: size) })
            return nodes.map { levelHashes[$0.level] }
        }

        func reset() {
            calls = 0
            nodes = []
        }
    }

    static let size: UInt64 = 1_000_000
    /// Two stored nodes per level, as in `MerkleExhaustiveTests.readBound`: 40 for a million leaves.
    static let bound = MerkleExhaustiveTests.readBound(size)

    @Test(arguments: [0, 1, 2, 999, 262_143, 500_000, 524_287, 524_288, 999_998, 999_999] as [UInt64])
    func inclusionProofReadsLogarithmicallyMany(index: UInt64) throws {
        let sha = SHA256()
        let tree = UniformTree(size: Self.size, sha: sha)
        let root = try Merkle.rootHash(size: Self.size, reader: tree, sha: sha)
        #expect(tree.calls == 1)
        #expect(tree.nodes.count == Self.size.nonzeroBitCount)
        tree.reset()
        let proof = try Merkle.inclusionProof(index: index, size: Self.size, reader: tree, sha: sha)
        #expect(tree.calls == 1)
        #expect(tree.nodes.count <= Self.bound)
        #expect(proof.count == Merkle.inclusionProofLength(index: index, size: Self.size))
        try Merkle.verifyInclusion(
            leafHash: tree.levelHashes[0],
            index: index,
            size: Self.size,
            proof: proof,
            root: root,
            sha: sha
        )
    }

    @Test(arguments: [1, 2, 3, 4096, 65_535, 500_000, 524_288, 999_999] as [UInt64])
    func consistencyProofReadsLogarithmicallyMany(oldSize: UInt64) throws {
        let sha = SHA256()
        let tree = UniformTree(size: Self.size, sha: sha)
        let oldRoot = try Merkle.rootHash(size: oldSize, reader: tree, sha: sha)
        let newRoot = try Merkle.rootHash(size: Self.size, reader: tree, sha: sha)
        tree.reset()
        let proof = try Merkle.consistencyProof(from: oldSize, to: Self.size, reader: tree, sha: sha)
        #expect(tree.calls == 1)
        #expect(tree.nodes.count <= Self.bound)
        #expect(proof.count == Merkle.consistencyProofLength(oldSize: oldSize, newSize: Self.size))
        try Merkle.verifyConsistency(
            oldSize: oldSize,
            newSize: Self.size,
            oldRoot: oldRoot,
            newRoot: newRoot,
            proof: proof,
            sha: sha
        )
    }

    @Test func theLargestTreesStillWork() throws {
        let sha = SHA256()
        let size = UInt64.max
        let tree = UniformTree(size: size, sha: sha)
        let root = try Merkle.rootHash(size: size, reader: tree, sha: sha)
        #expect(tree.nodes.count == 64)
        for index in [0, 1 << 63, size - 2, size - 1] as [UInt64] {
            let proof = try Merkle.inclusionProof(index: index, size: size, reader: tree, sha: sha)
            try Merkle.verifyInclusion(
                leafHash: tree.levelHashes[0],
                index: index,
                size: size,
                proof: proof,
                root: root,
                sha: sha
            )
        }
        let oldSize: UInt64 = 1 << 63 + 12_345
        let proof = try Merkle.consistencyProof(from: oldSize, to: size, reader: tree, sha: sha)
        let oldRoot = try Merkle.rootHash(size: oldSize, reader: tree, sha: sha)
        try Merkle.verifyConsistency(
            oldSize: oldSize,
            newSize: size,
            oldRoot: oldRoot,
            newRoot: root,
            proof: proof,
            sha: sha
        )
    }
}
