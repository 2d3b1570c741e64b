import LedgerCore
import Testing

/// Altered proofs and claims must be rejected: every single-bit change of a proof hash (every bit for trees of
/// up to 8 leaves and a few larger cases, one deterministic bit per hash up to 64 leaves), wrong indices and
/// sizes, truncated and extended proofs, wrong and swapped roots, for every index and pair of sizes up to 64.
///
/// Wrong sizes need care: a verifier sees only the shape of a proof (its length and which side each hash is
/// on), so a proof stays valid for a claim of another size with the same shape (leaf 0 of 5 and of 6, say).
/// The tests therefore expect acceptance exactly when the reference shapes in `MerkleTestSupport.swift` agree.
@Suite struct MerkleRejectionTests {
    let sha = SHA256()
    let leaves = MerkleFixture.leafHashes
    let roots = MerkleFixture.roots
    let reference = ReferenceMerkleTree(leafHashes: MerkleFixture.leafHashes)

    /// The largest tree size these suites alter proofs for (the positive suites go up to 130).
    static let maxSize = 64
    /// Trees up to this size get every bit of every proof hash flipped, as do `everyBitCases`.
    static let everyBitUpTo = 8
    /// Larger (size, index or old size) cases around powers of two that also get every bit flipped.
    static let everyBitCases: Set<[Int]> = [[13, 5], [32, 31], [33, 32], [33, 16], [40, 17], [64, 63], [64, 1]]

    /// The bits to flip in hash `position` of a proof for `size` and `index` (or old size): all 256, or one
    /// that moves with the position, the index and the size so that every bit is hit across the cases.
    static func bits(size: Int, index: Int, position: Int) -> [Int] {
        if size <= everyBitUpTo || everyBitCases.contains([size, index]) { return Array(0..<256) }
        return [(position * 67 + index * 31 + size * 7) % 256]
    }

    /// Every proof with each bit flipped in turn, described.
    static func flips(of proof: [Hash], size: Int, index: Int) -> [(proof: [Hash], what: String)] {
        proof.indices.flatMap { position in
            bits(size: size, index: index, position: position).map { bit in
                var flipped = proof
                flipped[position] = MerkleFixture.flipping(bit, of: proof[position])
                return (flipped, "hash \(position) bit \(bit)")
            }
        }
    }

    func inclusionError(_ leaf: Hash, _ index: Int, _ size: Int, _ proof: [Hash], root: Hash) -> MerkleProofError? {
        do {
            try Merkle.verifyInclusion(
                leafHash: leaf,
                index: UInt64(index),
                size: UInt64(size),
                proof: proof,
                root: root,
                sha: sha
            )
            return nil
        } catch {
            return error
        }
    }

    func consistencyError(_ m: Int, _ n: Int, _ proof: [Hash], old: Hash, new: Hash) -> MerkleProofError? {
        do {
            try Merkle.verifyConsistency(
                oldSize: UInt64(m),
                newSize: UInt64(n),
                oldRoot: old,
                newRoot: new,
                proof: proof,
                sha: sha
            )
            return nil
        } catch {
            return error
        }
    }

    @Test func inclusionWithAnyFlippedBitIsRejected() {
        var failures: [String] = []
        var probes = 0
        for size in 1...Self.maxSize {
            for index in 0..<size {
                let proof = reference.path(index, 0..<size)
                for (flipped, what) in Self.flips(of: proof, size: size, index: index) {
                    probes += 1
                    let error = inclusionError(leaves[index], index, size, flipped, root: roots[size])
                    if error?.code != .rootMismatch {
                        failures.append("leaf \(index) of \(size), \(what): \(String(describing: error))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
        #expect(probes > 20_000)
    }

    @Test func inclusionWithWrongIndexLeafOrRootIsRejected() {
        var failures: [String] = []
        for size in 1...Self.maxSize {
            for index in 0..<size {
                let proof = reference.path(index, 0..<size)
                let claim = "leaf \(index) of \(size)"
                // For one size, the path's shape picks out the leaf, so any other index must fail.
                for other in Set([index - 1, index + 1, index ^ 1, index ^ 2, size - 1 - index, 0, size - 1])
                where other != index && (0..<size).contains(other) {
                    if inclusionError(leaves[index], other, size, proof, root: roots[size]) == nil {
                        failures.append("\(claim) accepted as index \(other)")
                    }
                }
                let outside = inclusionError(leaves[index], size, size, proof, root: roots[size])
                if outside?.code != .indexOutOfRange { failures.append("\(claim) not out of range at index \(size)") }
                let otherLeaf = leaves[(index + 1) % MerkleFixture.maxSize]
                if inclusionError(otherLeaf, index, size, proof, root: roots[size])?.code != .rootMismatch {
                    failures.append("\(claim) did not reject another leaf")
                }
                for wrongRoot in [roots[size - 1], SHA256.emptyTreeRoot, Hash.zero]
                where inclusionError(leaves[index], index, size, proof, root: wrongRoot)?.code != .rootMismatch {
                    failures.append("\(claim) did not reject root \(wrongRoot.hexPrefix())")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
    }

    @Test func inclusionWithWrongSizeIsRejectedUnlessShapesAgree() {
        var failures: [String] = []
        var acceptedWithEqualShapes = 0
        for size in 1...Self.maxSize {
            for index in 0..<size {
                let proof = reference.path(index, 0..<size)
                for other in Set([size - 1, size + 1, size * 2, size / 2, size + 3])
                where other != size && index < other {
                    let sameShape =
                        ReferenceMerkleTree.inclusionShape(index, other)
                        == ReferenceMerkleTree.inclusionShape(index, size)
                    let accepted = inclusionError(leaves[index], index, other, proof, root: roots[size]) == nil
                    if accepted != sameShape {
                        failures.append("leaf \(index) of \(size) as size \(other): accepted \(accepted)")
                    }
                    if accepted { acceptedWithEqualShapes += 1 }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
        #expect(acceptedWithEqualShapes > 0, "the shape rule was exercised")
    }

    @Test func inclusionWithTruncatedOrExtendedProofIsRejected() {
        var failures: [String] = []
        for size in 1...Self.maxSize {
            for index in 0..<size {
                let proof = reference.path(index, 0..<size)
                var variants: [(proof: [Hash], what: String)] = [
                    (proof + [Hash.zero], "zero appended"),
                    (proof + [roots[size]], "root appended"),
                    ([Hash.zero] + proof, "zero prepended"),
                    ([leaves[index]] + proof, "leaf prepended"),
                ]
                if !proof.isEmpty {
                    variants.append((Array(proof.dropLast()), "last removed"))
                    variants.append((Array(proof.dropFirst()), "first removed"))
                }
                for (variant, what) in variants {
                    let error = inclusionError(leaves[index], index, size, variant, root: roots[size])
                    if error?.code != .wrongProofLength {
                        failures.append("leaf \(index) of \(size), \(what): \(String(describing: error))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
    }

    @Test func consistencyWithAnyFlippedBitIsRejected() {
        var failures: [String] = []
        var probes = 0
        for newSize in 2...Self.maxSize {
            for oldSize in 1..<newSize {
                let proof = reference.proof(oldSize, newSize)
                for (flipped, what) in Self.flips(of: proof, size: newSize, index: oldSize) {
                    probes += 1
                    let error = consistencyError(oldSize, newSize, flipped, old: roots[oldSize], new: roots[newSize])
                    if error?.code != .oldRootMismatch && error?.code != .newRootMismatch {
                        failures.append("\(oldSize) → \(newSize), \(what): \(String(describing: error))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
        #expect(probes > 20_000)
    }

    @Test func consistencyWithWrongOrSwappedRootsIsRejected() {
        var failures: [String] = []
        for newSize in 2...Self.maxSize {
            for oldSize in 1..<newSize {
                let proof = reference.proof(oldSize, newSize)
                let (old, new) = (roots[oldSize], roots[newSize])
                let claim = "\(oldSize) → \(newSize)"
                if consistencyError(oldSize, newSize, proof, old: new, new: old) == nil {
                    failures.append("\(claim) accepted swapped roots")
                }
                // A power-of-two old tree's root starts the walk (RFC 9162 §2.1.4.2 step 2), so it can only
                // fail to lead to the new root.
                let wrongOld = oldSize & (oldSize - 1) == 0 ? MerkleProofError.Code.newRootMismatch : .oldRootMismatch
                if consistencyError(oldSize, newSize, proof, old: roots[oldSize - 1], new: new)?.code != wrongOld {
                    failures.append("\(claim) did not reject old root of \(oldSize - 1) as \(wrongOld)")
                }
                if consistencyError(oldSize, newSize, proof, old: old, new: roots[newSize - 1])?.code
                    != .newRootMismatch
                {
                    failures.append("\(claim) did not reject new root of \(newSize - 1)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
    }

    @Test func consistencyWithWrongSizesIsRejectedUnlessShapesAgree() {
        var failures: [String] = []
        var acceptedWithEqualShapes = 0
        for newSize in 2...Self.maxSize {
            for oldSize in 1..<newSize {
                let proof = reference.proof(oldSize, newSize)
                let shape = ReferenceMerkleTree.consistencyShape(oldSize, newSize)
                let claims =
                    [oldSize - 1, oldSize + 1, oldSize ^ 1, oldSize ^ 2].map { ($0, newSize) }
                    + [newSize - 1, newSize + 1, newSize * 2, newSize / 2].map { (oldSize, $0) }
                for (m, n) in claims where 0 < m && m < n && (m, n) != (oldSize, newSize) {
                    let other = ReferenceMerkleTree.consistencyShape(m, n)
                    let sameShape =
                        other.startsAtOldRoot == shape.startsAtOldRoot
                        && other.leftSiblings == shape.leftSiblings
                    let accepted =
                        consistencyError(m, n, proof, old: roots[oldSize], new: roots[newSize]) == nil
                    if accepted != sameShape {
                        failures.append("\(oldSize) → \(newSize) as \(m) → \(n): accepted \(accepted)")
                    }
                    if accepted { acceptedWithEqualShapes += 1 }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
        #expect(acceptedWithEqualShapes > 0, "the shape rule was exercised")
    }

    @Test func consistencyWithTruncatedOrExtendedProofIsRejected() {
        var failures: [String] = []
        for newSize in 2...Self.maxSize {
            for oldSize in 1..<newSize {
                let proof = reference.proof(oldSize, newSize)
                let (old, new) = (roots[oldSize], roots[newSize])
                let variants: [(proof: [Hash], what: String)] = [
                    (Array(proof.dropLast()), "last removed"),
                    (Array(proof.dropFirst()), "first removed"),
                    ([], "emptied"),
                    (proof + [Hash.zero], "zero appended"),
                    (proof + [new], "new root appended"),
                    ([old] + proof, "old root prepended"),
                    ([proof[0]] + proof, "first repeated"),
                ]
                for (variant, what) in variants {
                    let error = consistencyError(oldSize, newSize, variant, old: old, new: new)
                    if error?.code != .wrongProofLength {
                        failures.append("\(oldSize) → \(newSize), \(what): \(String(describing: error))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong, e.g. \(failures.prefix(3))")
    }
}
