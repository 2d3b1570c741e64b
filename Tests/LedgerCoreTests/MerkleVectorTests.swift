import LedgerCore
import Testing

/// Known answers for the RFC 6962 reference tree of 8 leaves used across the CT ecosystem.
///
/// Source: github.com/transparency-dev/merkle —
/// - `testonly/constants.go` (commit 582a6ad1): `LeafInputs`, `NodeHashes`, `RootHashes`, `CompactTrees`;
/// - `proof/verify_test.go` (commit 02194e9a): `inclusionProofs`, `consistencyProofs`. Its inclusion vectors
///   number leaves from 1 (`{1, 8, …}` is leaf 0); they are converted to 0-based indices below.
/// The roots were also recomputed independently with Python's hashlib when these vectors were added.
@Suite struct MerkleVectorTests {
    static let leafInputs: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(bytes)

    /// `nodeHashes[level][index]` for every complete node of the 8-leaf tree.
    static let nodeHashes: [[Hash]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ].map { $0.map(hash) }

    /// `roots[n]` is the head of the tree of the first n leaves.
    static let roots: [Hash] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map(hash)

    /// `CompactTrees()`: the frontier hashes after each append, as (level, index) into `nodeHashes`.
    static let compactTrees: [[(Int, Int)]] = [
        [], [(0, 0)], [(1, 0)], [(1, 0), (0, 2)], [(2, 0)], [(2, 0), (0, 4)], [(2, 0), (1, 2)],
        [(2, 0), (1, 2), (0, 6)], [(3, 0)],
    ]

    struct InclusionVector: Sendable, CustomStringConvertible {
        let index: UInt64
        let size: UInt64
        let proof: [Hash]
        var description: String { "leaf \(index) of \(size)" }
    }

    static let inclusionVectors: [InclusionVector] = [
        InclusionVector(index: 0, size: 1, proof: []),
        InclusionVector(
            index: 0,
            size: 8,
            proof: [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ].map(hash)
        ),
        InclusionVector(
            index: 5,
            size: 8,
            proof: [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map(hash)
        ),
        InclusionVector(
            index: 2,
            size: 3,
            proof: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"].map(hash)
        ),
        InclusionVector(
            index: 1,
            size: 5,
            proof: [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ].map(hash)
        ),
    ]

    struct ConsistencyVector: Sendable, CustomStringConvertible {
        let oldSize: UInt64
        let newSize: UInt64
        let proof: [Hash]
        var description: String { "\(oldSize) → \(newSize)" }
    }

    static let consistencyVectors: [ConsistencyVector] = [
        ConsistencyVector(oldSize: 1, newSize: 1, proof: []),
        ConsistencyVector(
            oldSize: 1,
            newSize: 8,
            proof: [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ].map(hash)
        ),
        ConsistencyVector(
            oldSize: 6,
            newSize: 8,
            proof: [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map(hash)
        ),
        ConsistencyVector(
            oldSize: 2,
            newSize: 5,
            proof: [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ].map(hash)
        ),
        ConsistencyVector(
            oldSize: 6,
            newSize: 7,
            proof: [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map(hash)
        ),
    ]

    static func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex) }

    static func hash(_ hex: String) -> Hash { Hash(hex: hex)! }

    static let tree: InMemoryTreeHashes = {
        let sha = SHA256()
        return InMemoryTreeHashes(leafHashes: leafInputs.map { sha.leafHash($0) }, using: sha)
    }()

    @Test func leafHashes() {
        let sha = SHA256()
        #expect(Self.leafInputs.map { sha.leafHash($0) } == Self.nodeHashes[0])
    }

    @Test func everyStoredNode() {
        for (level, hashes) in Self.nodeHashes.enumerated() {
            for (index, expected) in hashes.enumerated() {
                #expect(Self.tree.hash(of: TreeNode(level: level, index: UInt64(index))) == expected)
            }
        }
        #expect(Self.tree.hash(of: TreeNode(level: 1, index: 4)) == nil)
        #expect(Self.tree.hash(of: TreeNode(level: 4, index: 0)) == nil)
    }

    @Test func rootsForEverySize() throws {
        let sha = SHA256()
        var frontier = MerkleFrontier()
        #expect(frontier.root(using: sha) == SHA256.emptyTreeRoot)
        for size in 0...8 {
            #expect(try Merkle.rootHash(size: UInt64(size), reader: Self.tree, sha: sha) == Self.roots[size])
            #expect(frontier.root(using: sha) == Self.roots[size])
            #expect(frontier.hashes == Self.compactTrees[size].map { Self.nodeHashes[$0.0][$0.1] })
            if size < 8 {
                frontier.append(sha.leafHash(Self.leafInputs[size]), using: sha)
            }
        }
    }

    @Test func frontierReportsEachNewNode() {
        let sha = SHA256()
        var frontier = MerkleFrontier()
        var formed: [TreeNode: Hash] = [:]
        for input in Self.leafInputs {
            for (node, hash) in frontier.append(sha.leafHash(input), using: sha) {
                #expect(formed.updateValue(hash, forKey: node) == nil, "node \(node) formed twice")
            }
        }
        #expect(formed.count == 15)
        for (node, hash) in formed {
            #expect(Self.nodeHashes[node.level][Int(node.index)] == hash)
        }
    }

    @Test(arguments: inclusionVectors) func inclusion(_ vector: InclusionVector) throws {
        let sha = SHA256()
        let proof = try Merkle.inclusionProof(index: vector.index, size: vector.size, reader: Self.tree, sha: sha)
        #expect(proof == vector.proof)
        try Merkle.verifyInclusion(
            leafHash: Self.nodeHashes[0][Int(vector.index)],
            index: vector.index,
            size: vector.size,
            proof: vector.proof,
            root: Self.roots[Int(vector.size)],
            sha: sha
        )
    }

    @Test(arguments: consistencyVectors) func consistency(_ vector: ConsistencyVector) throws {
        let sha = SHA256()
        let proof = try Merkle.consistencyProof(
            from: vector.oldSize,
            to: vector.newSize,
            reader: Self.tree,
            sha: sha
        )
        #expect(proof == vector.proof)
        try Merkle.verifyConsistency(
            oldSize: vector.oldSize,
            newSize: vector.newSize,
            oldRoot: Self.roots[Int(vector.oldSize)],
            newRoot: Self.roots[Int(vector.newSize)],
            proof: vector.proof,
            sha: sha
        )
    }
}
