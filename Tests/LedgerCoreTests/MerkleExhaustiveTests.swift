import LedgerCore
import Testing

/// Every tree size 0...130, every leaf, every pair of sizes: `Merkle` against the literal RFC 9162 reference in
/// `MerkleTestSupport.swift`. All proofs come from the one 130-leaf store, so they also show that a proof for a
/// smaller size reads only nodes complete at that size.
@Suite struct MerkleExhaustiveTests {
    let sha = SHA256()
    let leaves = MerkleFixture.leafHashes
    let roots = MerkleFixture.roots
    let reader = RecordingReader(MerkleFixture.tree)

    @Test func rootsFromFrontierStoreAndReference() throws {
        var frontier = MerkleFrontier()
        var grown = InMemoryTreeHashes()
        for size in 0...MerkleFixture.maxSize {
            let n = UInt64(size)
            #expect(frontier.size == n)
            #expect(frontier.root(using: sha) == roots[size], "frontier root of \(size)")
            #expect(try Merkle.rootHash(size: n, reader: MerkleFixture.tree, sha: sha) == roots[size])
            #expect(try Merkle.rootHash(size: n, reader: grown, sha: sha) == roots[size])
            #expect(try MerkleFrontier(size: n, reader: MerkleFixture.tree) == frontier)
            #expect(try MerkleFrontier(size: n, hashes: frontier.hashes) == frontier)
            #expect(frontier.nodes.map { grown.hash(of: $0) } == frontier.hashes)
            guard size < MerkleFixture.maxSize else { break }
            let formed = frontier.append(leaves[size], using: sha)
            let stored = grown.append(leaves[size], using: sha)
            #expect(formed.map(\.node) == stored.map(\.node))
            #expect(formed.map(\.hash) == stored.map(\.hash))
            #expect(formed.first?.node == TreeNode(level: 0, index: n))
            #expect(formed.count == 1 + (~n).trailingZeroBitCount, "one new node per merge")
        }
        #expect(grown == MerkleFixture.tree)
    }

    @Test func rootHashReadsOneNodePerSetBit() throws {
        for size in 1...UInt64(MerkleFixture.maxSize) {
            reader.reset()
            _ = try Merkle.rootHash(size: size, reader: reader, sha: sha)
            #expect(reader.calls == 1)
            #expect(reader.nodes == TreeNode.subtrees(ofTreeSize: size))
            #expect(reader.nodes.count == size.nonzeroBitCount)
        }
    }

    @Test func inclusionProofsForEveryLeafOfEverySize() throws {
        let reference = ReferenceMerkleTree(leafHashes: leaves)
        for size in 1...MerkleFixture.maxSize {
            let n = UInt64(size)
            for index in 0..<size {
                let i = UInt64(index)
                reader.reset()
                let proof = try Merkle.inclusionProof(index: i, size: n, reader: reader, sha: sha)
                #expect(proof == reference.path(index, 0..<size), "PATH(\(index), D[\(size)])")
                #expect(proof.count == Merkle.inclusionProofLength(index: i, size: n))
                #expect(reader.calls == (proof.isEmpty ? 0 : 1))
                #expect(reader.nodes.allSatisfy { $0.isComplete(inTreeOfSize: n) })
                #expect(reader.nodes.count <= Self.readBound(n))
                #expect(
                    throws: Never.self,
                    "leaf \(index) of \(size)",
                    performing: {
                        try Merkle.verifyInclusion(
                            leafHash: leaves[index],
                            index: i,
                            size: n,
                            proof: proof,
                            root: roots[size],
                            sha: sha
                        )
                    }
                )
            }
        }
    }

    @Test func consistencyProofsForEveryPairOfSizes() throws {
        let reference = ReferenceMerkleTree(leafHashes: leaves)
        for newSize in 0...MerkleFixture.maxSize {
            for oldSize in 0...newSize {
                let (m, n) = (UInt64(oldSize), UInt64(newSize))
                reader.reset()
                let proof = try Merkle.consistencyProof(from: m, to: n, reader: reader, sha: sha)
                if 0 < oldSize && oldSize < newSize {
                    #expect(proof == reference.proof(oldSize, newSize), "PROOF(\(oldSize), D[\(newSize)])")
                    #expect(proof.count == Merkle.consistencyProofLength(oldSize: m, newSize: n))
                    #expect(reader.calls == 1)
                    #expect(reader.nodes.allSatisfy { $0.isComplete(inTreeOfSize: n) })
                    #expect(reader.nodes.count <= Self.readBound(n))
                } else {
                    #expect(proof.isEmpty)
                    #expect(reader.calls == 0)
                }
                #expect(
                    throws: Never.self,
                    "\(oldSize) → \(newSize)",
                    performing: {
                        try Merkle.verifyConsistency(
                            oldSize: m,
                            newSize: n,
                            oldRoot: roots[oldSize],
                            newRoot: roots[newSize],
                            proof: proof,
                            sha: sha
                        )
                    }
                )
            }
        }
    }

    /// O(log n): at most two stored nodes per level of a tree of `size` leaves (one complete sibling and one
    /// part of an incomplete one).
    static func readBound(_ size: UInt64) -> Int { 2 * (UInt64.bitWidth - (size - 1).leadingZeroBitCount) }

    @Test func proofLengthsMatchTheReferenceShapes() {
        for size in 1...MerkleFixture.maxSize {
            for index in 0..<size {
                let shape = ReferenceMerkleTree.inclusionShape(index, size)
                #expect(Merkle.inclusionProofLength(index: UInt64(index), size: UInt64(size)) == shape.count)
            }
            for oldSize in 1..<size {
                let shape = ReferenceMerkleTree.consistencyShape(oldSize, size)
                let expected = shape.leftSiblings.count + (shape.startsAtOldRoot ? 0 : 1)
                #expect(Merkle.consistencyProofLength(oldSize: UInt64(oldSize), newSize: UInt64(size)) == expected)
            }
        }
    }
}
