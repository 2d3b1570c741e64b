import LedgerCore

/// Shared fixtures for the Merkle suites: leaf hashes computed once, the tree over them, and a naive reference.
enum MerkleFixture {
    /// The largest tree size the exhaustive suites cover.
    static let maxSize = 130

    /// Leaf hashes of `maxSize` distinct entries ("leaf 0", "leaf 1", …).
    static let leafHashes: [Hash] = {
        let sha = SHA256()
        return (0..<maxSize).map { sha.leafHash(Array("leaf \($0)".utf8)) }
    }()

    /// Every complete node of the tree of all `leafHashes`; proofs for smaller sizes are made from it too.
    static let tree = InMemoryTreeHashes(leafHashes: leafHashes, using: SHA256())

    /// `roots[n]` is the reference `MTH(D[0:n])` for n in 0...maxSize.
    static let roots: [Hash] = {
        let reference = ReferenceMerkleTree(leafHashes: leafHashes)
        return (0...maxSize).map { reference.mth(0..<$0) }
    }()

    /// `hash` with bit `bit` (0 = most significant bit of the first byte) inverted.
    static func flipping(_ bit: Int, of hash: Hash) -> Hash {
        var bytes = hash.bytes
        bytes[bit / 8] ^= 0x80 >> UInt8(bit % 8)
        return Hash(bytes: bytes)!
    }
}

/// RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally over a list of leaf hashes, as the independent
/// reference for `Merkle`. Ranges are 0-based leaf ranges `D[lo:hi]`; `MTH` results are memoised, nothing else.
final class ReferenceMerkleTree {
    let leafHashes: [Hash]
    private let sha = SHA256()
    private var memo: [Range<Int>: Hash] = [:]

    init(leafHashes: [Hash]) {
        self.leafHashes = leafHashes
    }

    /// k: the largest power of two smaller than n (n > 1).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n {
            k *= 2
        }
        return k
    }

    /// MTH(D[range]).
    func mth(_ range: Range<Int>) -> Hash {
        if range.isEmpty { return sha.hash([]) }
        if range.count == 1 { return leafHashes[range.lowerBound] }
        if let hash = memo[range] { return hash }
        let k = Self.split(range.count)
        let hash = sha.nodeHash(
            mth(range.lowerBound..<range.lowerBound + k),
            mth(range.lowerBound + k..<range.upperBound)
        )
        memo[range] = hash
        return hash
    }

    /// PATH(m, D[range]), m relative to the range.
    func path(_ m: Int, _ range: Range<Int>) -> [Hash] {
        if range.count == 1 { return [] }
        let k = Self.split(range.count)
        let left = range.lowerBound..<range.lowerBound + k
        let right = range.lowerBound + k..<range.upperBound
        return m < k ? path(m, left) + [mth(right)] : path(m - k, right) + [mth(left)]
    }

    /// SUBPROOF(m, D[range], b), m relative to the range.
    func subproof(_ m: Int, _ range: Range<Int>, _ b: Bool) -> [Hash] {
        if m == range.count { return b ? [] : [mth(range)] }
        let k = Self.split(range.count)
        let left = range.lowerBound..<range.lowerBound + k
        let right = range.lowerBound + k..<range.upperBound
        return m <= k ? subproof(m, left, b) + [mth(right)] : subproof(m - k, right, false) + [mth(left)]
    }

    /// PROOF(m, D[0:n]) for 0 < m < n.
    func proof(_ m: Int, _ n: Int) -> [Hash] { subproof(m, 0..<n, true) }

    /// The sides of the inclusion path of leaf m in a tree of n leaves, leaf level first: `true` where the
    /// sibling is on the left. A verifier sees only this shape, so (m, n) pairs with equal shapes are
    /// indistinguishable to it, and pairs with different shapes must be told apart.
    static func inclusionShape(_ m: Int, _ n: Int) -> [Bool] {
        if n == 1 { return [] }
        let k = split(n)
        return m < k ? inclusionShape(m, k) + [false] : inclusionShape(m - k, n - k) + [true]
    }

    /// The shape of PROOF(m, D[0:n]) as a verifier sees it: whether the walk starts from the old root (which the
    /// proof then omits) or from the first proof hash, then per later hash, deepest first, whether it is a left
    /// sibling (in both trees) rather than a right one (in the new tree only).
    static func consistencyShape(_ m: Int, _ n: Int) -> (startsAtOldRoot: Bool, leftSiblings: [Bool]) {
        func walk(_ m: Int, _ n: Int, _ b: Bool) -> (Bool, [Bool]) {
            if m == n { return (b, []) }
            let k = split(n)
            if m <= k {
                let (start, sides) = walk(m, k, b)
                return (start, sides + [false])
            }
            let (start, sides) = walk(m - k, n - k, false)
            return (start, sides + [true])
        }
        return walk(m, n, true)
    }
}

/// A reader that forwards to another and records what was asked of it.
final class RecordingReader<Base: TreeHashReader>: TreeHashReader {
    let base: Base
    private(set) var calls = 0
    private(set) var nodes: [TreeNode] = []

    init(_ base: Base) {
        self.base = base
    }

    func hashes(of nodes: [TreeNode]) throws -> [Hash] {
        calls += 1
        self.nodes += nodes
        return try base.hashes(of: nodes)
    }

    func reset() {
        calls = 0
        nodes = []
    }
}
