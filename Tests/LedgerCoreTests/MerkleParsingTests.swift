import LedgerCore
import Testing

/// Reading proof hashes from text and bytes: exactly 32 bytes each, nothing else.
@Suite struct MerkleParsingTests {
    let hashes = Array(MerkleFixture.leafHashes.prefix(3))

    @Test func base64LinesRoundTrip() throws {
        #expect(try Merkle.proofHashes(base64Lines: hashes.map(\.base64)) == hashes)
        let text = hashes.map(\.base64).joined(separator: "\n")
        #expect(try Merkle.proofHashes(base64Lines: text.split(separator: "\n")) == hashes)
        #expect(try Merkle.proofHashes(base64Lines: [String]()) == [])
    }

    @Test(arguments: [
        Base64.encode([UInt8](repeating: 7, count: 31)),
        Base64.encode([UInt8](repeating: 7, count: 33)),
        Base64.encode([UInt8](repeating: 7, count: 64)),
        "",
        " " + Hash.zero.base64,
        Hash.zero.hex,
        String(Hash.zero.base64.dropLast()),
    ])
    func badLinesAreRejected(_ line: String) {
        let lines = [hashes[0].base64, line, hashes[1].base64]
        #expect(throws: MerkleProofError(.malformedHash, "proof line 2 is not the base64 of 32 bytes")) {
            _ = try Merkle.proofHashes(base64Lines: lines)
        }
    }

    @Test func concatenatedBytes() throws {
        var bytes: [UInt8] = []
        for hash in hashes {
            hash.append(to: &bytes)
        }
        #expect(try Merkle.proofHashes(concatenated: bytes) == hashes)
        #expect(try Merkle.proofHashes(concatenated: bytes[32...]) == Array(hashes[1...]))
        #expect(try Merkle.proofHashes(concatenated: [UInt8]()) == [])
        #expect(throws: MerkleProofError(.malformedHash, "proof of 95 bytes is not a whole number of 32-byte hashes")) {
            _ = try Merkle.proofHashes(concatenated: bytes.dropLast())
        }
        #expect(throws: MerkleProofError.self) { _ = try Merkle.proofHashes(concatenated: bytes + [0]) }
    }
}
