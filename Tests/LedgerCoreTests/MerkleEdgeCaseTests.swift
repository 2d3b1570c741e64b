import LedgerCore
import Testing

/// The documented edge cases of verification and generation, with their error codes and messages.
@Suite struct MerkleEdgeCaseTests {
    let sha = SHA256()
    let leaves = MerkleFixture.leafHashes
    let roots = MerkleFixture.roots
    let empty = SHA256.emptyTreeRoot

    func inclusion(_ leaf: Hash, _ index: UInt64, _ size: UInt64, _ proof: [Hash], _ root: Hash) throws {
        try Merkle.verifyInclusion(leafHash: leaf, index: index, size: size, proof: proof, root: root, sha: sha)
    }

    func consistency(_ m: UInt64, _ n: UInt64, _ old: Hash, _ new: Hash, _ proof: [Hash] = []) throws {
        try Merkle.verifyConsistency(oldSize: m, newSize: n, oldRoot: old, newRoot: new, proof: proof, sha: sha)
    }

    @Test func noLeafIsInTheEmptyTreeOrPastTheEnd() {
        #expect(throws: MerkleProofError(.indexOutOfRange, "leaf index 0 is not in a tree of 0 leaves")) {
            try inclusion(empty, 0, 0, [], empty)
        }
        #expect(throws: MerkleProofError(.indexOutOfRange, "leaf index 3 is not in a tree of 3 leaves")) {
            try inclusion(leaves[2], 3, 3, [], roots[3])
        }
        #expect(
            throws: MerkleProofError(.indexOutOfRange, "leaf index 18446744073709551615 is not in a tree of 3 leaves")
        ) {
            try inclusion(leaves[2], .max, 3, [], roots[3])
        }
    }

    @Test func aSingleLeafIsItsOwnRoot() throws {
        try inclusion(leaves[0], 0, 1, [], leaves[0])
        #expect(
            throws: MerkleProofError(.wrongProofLength, "inclusion proof has 1 hash; a tree of 1 needs 0 for index 0")
        ) {
            try inclusion(leaves[0], 0, 1, [leaves[0]], leaves[0])
        }
        #expect(throws: MerkleProofError.self) { try inclusion(leaves[0], 0, 1, [], leaves[1]) }
    }

    @Test func proofLengthErrorsSayWhatWasNeeded() throws {
        let proof = try Merkle.inclusionProof(index: 2, size: 8, reader: MerkleFixture.tree, sha: sha)
        let long = proof + [roots[8], roots[7]]
        #expect(
            throws: MerkleProofError(.wrongProofLength, "inclusion proof has 5 hashes; a tree of 8 needs 3 for index 2")
        ) {
            try inclusion(leaves[2], 2, 8, long, roots[8])
        }
        let consistency = try Merkle.consistencyProof(from: 6, to: 8, reader: MerkleFixture.tree, sha: sha)
        #expect(throws: MerkleProofError(.wrongProofLength, "consistency proof has 2 hashes; proving 6 → 8 needs 3")) {
            try self.consistency(6, 8, roots[6], roots[8], Array(consistency.dropLast()))
        }
        #expect(throws: MerkleProofError(.wrongProofLength, "consistency proof has 0 hashes; proving 4 → 8 needs 1")) {
            try self.consistency(4, 8, roots[4], roots[8])
        }
    }

    @Test func rootMismatchesNameBothRoots() throws {
        let proof = try Merkle.inclusionProof(index: 2, size: 8, reader: MerkleFixture.tree, sha: sha)
        let error = #expect(throws: MerkleProofError.self) { try inclusion(leaves[2], 2, 8, proof, roots[7]) }
        #expect(error?.code == .rootMismatch)
        #expect(error?.message.contains(roots[8].hexPrefix()) == true)
        #expect(error?.message.contains(roots[7].hexPrefix()) == true)
        #expect(error?.description == error?.message)
    }

    @Test func consistencyFromTheEmptyTreeChecksOnlyTheOldRoot() throws {
        // Every tree extends the empty one: nothing can be proved about the new root, so any is accepted.
        try consistency(0, 5, empty, roots[5])
        try consistency(0, 5, empty, Hash.zero)
        try consistency(0, 0, empty, empty)
        let notEmpty = #expect(throws: MerkleProofError.self) { try consistency(0, 5, roots[5], roots[5]) }
        #expect(notEmpty?.code == .oldRootMismatch)
        #expect(throws: MerkleProofError.self) { try consistency(0, 0, roots[1], roots[1]) }
        let differ = #expect(throws: MerkleProofError.self) { try consistency(0, 0, empty, Hash.zero) }
        #expect(differ?.code == .newRootMismatch)
        #expect(throws: MerkleProofError(.wrongProofLength, "consistency proof has 1 hash; proving 0 → 5 needs 0")) {
            try consistency(0, 5, empty, roots[5], [empty])
        }
    }

    @Test func consistencyBetweenEqualSizesNeedsEqualRootsAndNoProof() throws {
        for size in [1, 2, 7, 8, 130] {
            try consistency(UInt64(size), UInt64(size), roots[size], roots[size])
            let differ = #expect(throws: MerkleProofError.self) {
                try consistency(UInt64(size), UInt64(size), roots[size], roots[size - 1])
            }
            #expect(differ?.code == .newRootMismatch)
            let extra = #expect(throws: MerkleProofError.self) {
                try consistency(UInt64(size), UInt64(size), roots[size], roots[size], [roots[size]])
            }
            #expect(extra?.code == .wrongProofLength)
        }
    }

    @Test func consistencyNeverGoesBackwards() {
        #expect(throws: MerkleProofError(.sizesOutOfOrder, "a tree of 8 leaves cannot grow into one of 7")) {
            try consistency(8, 7, roots[8], roots[7])
        }
        #expect(throws: MerkleProofError(.sizesOutOfOrder, "a tree of 1 leaf cannot grow into one of 0")) {
            try consistency(1, 0, roots[1], empty)
        }
        #expect(throws: MerkleProofError(.sizesOutOfOrder, "a tree of 8 leaves cannot grow into one of 7")) {
            _ = try Merkle.consistencyProof(from: 8, to: 7, reader: MerkleFixture.tree, sha: sha)
        }
    }

    @Test func generationRejectsImpossibleRequests() {
        let tree = MerkleFixture.tree
        #expect(throws: MerkleProofError(.indexOutOfRange, "leaf index 5 is not in a tree of 5 leaves")) {
            _ = try Merkle.inclusionProof(index: 5, size: 5, reader: tree, sha: sha)
        }
        let beyond = #expect(throws: MerkleProofError.self) {
            _ = try Merkle.rootHash(size: 131, reader: tree, sha: sha)
        }
        #expect(beyond?.code == .nodeUnavailable)
        #expect(beyond?.message == "node (level 0, index 130) is not complete in a tree of 130 leaves")
        #expect(throws: MerkleProofError.self) {
            _ = try Merkle.inclusionProof(index: 0, size: 200, reader: tree, sha: sha)
        }
        #expect(throws: MerkleProofError.self) {
            _ = try Merkle.consistencyProof(from: 3, to: 131, reader: tree, sha: sha)
        }
    }

    /// A reader that breaks its contract by returning one hash too few.
    struct ShortReader: TreeHashReader {
        func hashes(of nodes: [TreeNode]) throws -> [Hash] { nodes.dropLast().map { _ in Hash.zero } }
    }

    /// A reader whose storage fails.
    struct FailingReader: TreeHashReader {
        struct Broken: Error, Equatable {}
        func hashes(of nodes: [TreeNode]) throws -> [Hash] { throw Broken() }
    }

    @Test func readerFailuresSurface() {
        #expect(throws: MerkleProofError(.nodeUnavailable, "tree hash reader gave 1 hash for 2 nodes")) {
            _ = try Merkle.rootHash(size: 3, reader: ShortReader(), sha: sha)
        }
        #expect(throws: FailingReader.Broken()) {
            _ = try Merkle.inclusionProof(index: 1, size: 3, reader: FailingReader(), sha: sha)
        }
        #expect(throws: FailingReader.Broken()) { _ = try MerkleFrontier(size: 3, reader: FailingReader()) }
    }

    @Test func nothingToReadNeverAsksTheReader() throws {
        #expect(try Merkle.rootHash(size: 0, reader: FailingReader(), sha: sha) == empty)
        #expect(try Merkle.inclusionProof(index: 0, size: 1, reader: FailingReader(), sha: sha) == [])
        #expect(try Merkle.consistencyProof(from: 0, to: 9, reader: FailingReader(), sha: sha) == [])
        #expect(try Merkle.consistencyProof(from: 9, to: 9, reader: FailingReader(), sha: sha) == [])
        #expect(try MerkleFrontier(size: 0, reader: FailingReader()) == MerkleFrontier())
    }
}
