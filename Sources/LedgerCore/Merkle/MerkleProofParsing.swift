extension Merkle {
    /// Reads proof hashes written one per line in standard padded base64, as in C2SP tlog-proof and the
    /// checkpoint-style text formats (RFC 9162 §2.1.3 and §2.1.4 proofs are sequences of 32-byte hashes).
    ///
    /// Throws `MerkleProofError.Code.malformedHash` for any line that is not the canonical base64 of exactly
    /// 32 bytes, including an empty line: split off the proof's terminator before calling.
    public static func proofHashes<Lines: Sequence>(
        base64Lines lines: Lines
    ) throws(MerkleProofError) -> [Hash] where Lines.Element: StringProtocol {
        var hashes: [Hash] = []
        for (number, line) in lines.enumerated() {
            guard let hash = Hash(base64: line) else {
                throw MerkleProofError(.malformedHash, "proof line \(number + 1) is not the base64 of 32 bytes")
            }
            hashes.append(hash)
        }
        return hashes
    }

    /// Reads proof hashes stored back to back, 32 bytes each; throws `MerkleProofError.Code.malformedHash` when
    /// the byte count is not a multiple of 32.
    public static func proofHashes(concatenated bytes: some Collection<UInt8>) throws(MerkleProofError) -> [Hash] {
        guard bytes.count % Hash.byteCount == 0 else {
            throw MerkleProofError(
                .malformedHash,
                "proof of \(bytes.count) bytes is not a whole number of \(Hash.byteCount)-byte hashes"
            )
        }
        var hashes: [Hash] = []
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let end = bytes.index(start, offsetBy: Hash.byteCount)
            hashes.append(Hash(bytes: bytes[start..<end])!)
            start = end
        }
        return hashes
    }
}
