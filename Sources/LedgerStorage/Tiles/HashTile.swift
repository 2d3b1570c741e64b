public import LedgerCore

/// The bytes of a tlog-tiles hash tile: its hashes concatenated, 32 bytes each, 8,192 bytes when full.
public enum HashTile {
    /// The hashes of a tile's bytes; throws `.corrupt`, naming `name`, unless they are a whole number of hashes,
    /// at most a full tile's 256.
    public static func decode(_ bytes: [UInt8], name: String) throws(LedgerError) -> [Hash] {
        guard bytes.count % Hash.byteCount == 0, bytes.count <= Tile.fullWidth * Hash.byteCount else {
            throw LedgerError(
                .corrupt,
                "\(name) is \(bytes.count) bytes long, not a multiple of \(Hash.byteCount) up to "
                    + "\(Tile.fullWidth * Hash.byteCount)"
            )
        }
        return bytes.withUnsafeBytes { buffer in
            stride(from: 0, to: buffer.count, by: Hash.byteCount).map { Hash(loadingFrom: buffer, at: $0) }
        }
    }

    /// The bytes of a tile holding `hashes`.
    public static func encode(_ hashes: some Collection<Hash>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * Hash.byteCount)
        for hash in hashes { hash.append(to: &bytes) }
        return bytes
    }

    /// The root of the complete subtree whose lowest nodes are `hashes`, a power-of-two count of them: for a full
    /// tile, the hash that the tile level above holds for it (RFC 6962 `MTH` of the range it covers).
    public static func subtreeRoot(_ hashes: some Collection<Hash>, sha: SHA256) -> Hash {
        precondition(hashes.count > 0 && hashes.count & (hashes.count - 1) == 0, "not a power of two: \(hashes.count)")
        var level = Array(hashes)
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { sha.nodeHash(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }
}
