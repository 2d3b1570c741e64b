public import LedgerCore

/// Reads a published tlog-tiles tree of a given size from its directory, the way a tile client does: hash tiles
/// and entry bundles by path, and any complete tree node from the tile that holds it.
///
/// As a ``TreeHashReader`` it gives `Merkle` every node a tree head or proof needs, so tree heads and proofs can be
/// computed from the published files alone. A node at tree level `8·L + d` is hashed from the `2^d` tile level `L`
/// hashes below it. Partial tiles are read at the width ``treeSize`` implies; if one was removed, the full tile
/// that superseded it is read instead (c2sp.org/tlog-tiles allows both).
///
/// Keeps the last tiles it read; not thread-safe.
public final class TileHashReader: TreeHashReader {
    /// The published directory, the log's prefix.
    public let directory: String
    /// The tree size whose tiles are read.
    public let treeSize: UInt64
    private let sha = SHA256()
    private var cache: [Tile: [Hash]] = [:]

    /// A reader of the tree of `treeSize` leaves published in `directory`.
    public init(directory: String, treeSize: UInt64) {
        self.directory = directory
        self.treeSize = treeSize
    }

    /// The hashes of `tile`, which must be a hash tile; a missing partial tile is read from its full tile.
    public func hashes(of tile: Tile) throws(LedgerError) -> [Hash] {
        if let cached = cache[tile] { return cached }
        let (bytes, name, isFallback) = try read(tile)
        var hashes = try HashTile.decode(bytes, name: name)
        let expected = isFallback ? Tile.fullWidth : tile.width
        guard hashes.count == expected else {
            throw LedgerError(.corrupt, "\(name) holds \(hashes.count) hashes, not \(expected)")
        }
        hashes.removeLast(hashes.count - tile.width)
        if cache.count >= 64 { cache.removeAll(keepingCapacity: true) }
        cache[tile] = hashes
        return hashes
    }

    /// The entries of the entry bundle `tile`; a missing partial bundle is read from its full bundle.
    public func entries(of tile: Tile) throws(LedgerError) -> [[UInt8]] {
        let (bytes, name, isFallback) = try read(tile)
        var entries = try EntryBundle.decode(bytes, name: name)
        let expected = isFallback ? Tile.fullWidth : tile.width
        guard entries.count == expected else {
            throw LedgerError(.corrupt, "\(name) holds \(entries.count) entries, not \(expected)")
        }
        entries.removeLast(entries.count - tile.width)
        return entries
    }

    public func hashes(of nodes: [TreeNode]) throws -> [Hash] {
        var out: [Hash] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            let level = node.level / Tile.height
            let depth = UInt64(node.level % Tile.height)
            let first = node.index << depth
            let last = first + (1 << depth) - 1
            guard node.isComplete(inTreeOfSize: treeSize),
                let tile = TileGeometry.tile(.hashes(level: level), holding: last, treeSize: treeSize)
            else {
                throw LedgerError(.notFound, "node \(node) is not complete in the published tree of size \(treeSize)")
            }
            let offset = Int(first - tile.index * UInt64(Tile.fullWidth))
            let hashes = try hashes(of: tile)
            out.append(HashTile.subtreeRoot(hashes[offset..<offset + (1 << Int(depth))], sha: sha))
        }
        return out
    }

    /// The bytes of `tile`, or of its full tile if a partial tile is missing, with the path read for messages.
    private func read(_ tile: Tile) throws(LedgerError) -> (bytes: [UInt8], name: String, isFallback: Bool) {
        if let bytes = try TileDirectory.readIfPresent(directory + "/" + tile.path) {
            return (bytes, tile.path, false)
        }
        if tile.isPartial, let bytes = try TileDirectory.readIfPresent(directory + "/" + tile.full.path) {
            return (bytes, tile.full.path, true)
        }
        throw LedgerError(.missingInput, "\(directory)/\(tile.path) is missing")
    }
}
