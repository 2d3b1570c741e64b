import LedgerCore
import Testing

/// `TreeNode` addressing and `MerkleFrontier` reloading; appending is covered against the stores and the
/// reference in `MerkleExhaustiveTests` and against the published nodes in `MerkleVectorTests`.
@Suite struct MerkleFrontierTests {
    let sha = SHA256()

    @Test func nodeAddressing() {
        let node = TreeNode(level: 3, index: 5)
        #expect(node.leafCount == 8)
        #expect(node.firstLeaf == 40)
        #expect(node.lastLeaf == 47)
        #expect(node.isComplete(inTreeOfSize: 48))
        #expect(!node.isComplete(inTreeOfSize: 47))
        #expect(node.description == "(level 3, index 5)")
        let top = TreeNode(level: 63, index: 1)
        #expect(top.firstLeaf == 1 << 63)
        #expect(top.lastLeaf == .max)
        #expect(TreeNode(level: 0, index: .max).lastLeaf == .max)
    }

    @Test func treeSizesSplitIntoOneSubtreePerSetBit() {
        #expect(TreeNode.subtrees(ofTreeSize: 0) == [])
        #expect(TreeNode.subtrees(ofTreeSize: 1) == [TreeNode(level: 0, index: 0)])
        #expect(
            TreeNode.subtrees(ofTreeSize: 0b1011)
                == [TreeNode(level: 3, index: 0), TreeNode(level: 1, index: 4), TreeNode(level: 0, index: 10)]
        )
        let largest = TreeNode.subtrees(ofTreeSize: .max)
        #expect(largest.count == 64)
        #expect(largest.first == TreeNode(level: 63, index: 0))
        #expect(largest.last == TreeNode(level: 0, index: .max - 1))
        for size in UInt64(1)...300 {
            let nodes = TreeNode.subtrees(ofTreeSize: size)
            #expect(nodes.reduce(0) { $0 + $1.leafCount } == size)
            #expect(zip(nodes, nodes.dropFirst()).allSatisfy { $0.lastLeaf + 1 == $1.firstLeaf && $0.level > $1.level })
        }
    }

    @Test func frontierReloadsOnlyWithOneHashPerSetBit() throws {
        var frontier = MerkleFrontier()
        for leaf in MerkleFixture.leafHashes.prefix(11) {
            frontier.append(leaf, using: sha)
        }
        #expect(frontier.size == 11)
        #expect(frontier.hashes.count == 3)
        #expect(frontier.nodes == TreeNode.subtrees(ofTreeSize: 11))
        let reloaded = try MerkleFrontier(size: 11, hashes: frontier.hashes)
        #expect(reloaded == frontier)
        #expect(reloaded.root(using: sha) == MerkleFixture.roots[11])
        #expect(
            throws: MerkleProofError(.malformedFrontier, "a tree of 11 leaves has 3 complete subtrees, not 2")
        ) {
            _ = try MerkleFrontier(size: 11, hashes: Array(frontier.hashes.dropLast()))
        }
        #expect(throws: MerkleProofError.self) { _ = try MerkleFrontier(size: 0, hashes: [Hash.zero]) }
        #expect(try MerkleFrontier(size: 0, hashes: []) == MerkleFrontier())
    }

    @Test func reloadedFrontierKeepsGrowingTheSameTree() throws {
        var frontier = try MerkleFrontier(size: 57, reader: MerkleFixture.tree)
        for leaf in MerkleFixture.leafHashes[57...] {
            frontier.append(leaf, using: sha)
        }
        #expect(frontier.root(using: sha) == MerkleFixture.roots[MerkleFixture.maxSize])
        #expect(frontier == (try MerkleFrontier(size: UInt64(MerkleFixture.maxSize), reader: MerkleFixture.tree)))
    }

    @Test func storeAnswersOnlyForCompleteNodes() throws {
        let tree = InMemoryTreeHashes(leafHashes: MerkleFixture.leafHashes.prefix(6), using: sha)
        #expect(tree.size == 6)
        #expect(tree.hash(of: TreeNode(level: 1, index: 2)) != nil)
        #expect(tree.hash(of: TreeNode(level: 0, index: 6)) == nil)
        #expect(tree.hash(of: TreeNode(level: 2, index: 1)) == nil)
        #expect(tree.hash(of: TreeNode(level: 3, index: 0)) == nil)
        #expect(tree.hash(of: TreeNode(level: 0, index: .max)) == nil)
        #expect(InMemoryTreeHashes().size == 0)
        #expect(
            throws: MerkleProofError(.nodeUnavailable, "node (level 2, index 1) is not complete in a tree of 6 leaves")
        ) {
            _ = try tree.hashes(of: [TreeNode(level: 0, index: 0), TreeNode(level: 2, index: 1)])
        }
    }
}
