import LedgerCore

/// Writes the hash tiles and entry bundles of one publication, checking each against the ledger as it goes, and
/// counts them in ``publication``.
///
/// Level 0 tiles and entry bundles are built from the records themselves: each leaf hash is recomputed from the
/// record bytes put in the bundle and must equal the ledger's `tree/level-00`. Tiles above are copied from the
/// tree files (tile level `L` is tree level `8·L`). Every full tile, at any level, is hashed and must equal the
/// node the level above holds for it, so every hash published is tied to a record or to the root.
struct TileWriter {
    let out: TileDirectory
    let levels: TreeLevelReader
    var publication: TilePublication
    private let sha = SHA256()

    init(out: TileDirectory, levels: TreeLevelReader, publication: TilePublication) {
        self.out = out
        self.levels = levels
        self.publication = publication
    }

    /// Writes the entry bundles and level 0 tiles that growing the tree from `oldSize` to `newSize` changes,
    /// reading records from the start of the first changed tile (at most 255 already published ones).
    mutating func writeLevelZero(from oldSize: UInt64, to newSize: UInt64, reader: LedgerReader) throws(LedgerError) {
        guard newSize > oldSize else { return }
        let width = UInt64(Tile.fullWidth)
        var next = oldSize / width * width
        var bundle: [UInt8] = []
        var leaves: [Hash] = []
        try reader.forEach(from: next, through: newSize - 1) { entry throws(LedgerError) in
            guard entry.record.seq == next else {
                throw LedgerError(.corrupt, "\(entry.location): found record \(entry.record.seq) where \(next) belongs")
            }
            let bytes = entry.record.encoded()
            guard bytes.count <= EntryBundle.maximumEntrySize else {
                throw LedgerError(.corrupt, "\(entry.location): record \(next) is \(bytes.count) bytes, too long")
            }
            EntryBundle.append(bytes, to: &bundle)
            leaves.append(sha.leafHash(bytes))
            next += 1
            if leaves.count == Tile.fullWidth || next == newSize {
                try writeLevelZeroTile(index: (next - 1) / width, leaves: leaves, bundle: bundle)
                leaves.removeAll(keepingCapacity: true)
                bundle.removeAll(keepingCapacity: true)
            }
        }
        guard next == newSize else {
            throw LedgerError(.corrupt, "the ledger's segments end at record \(next), before record \(newSize - 1)")
        }
    }

    /// Writes the hash tiles of tile level `level` (1 or more) that growing the tree from `oldSize` to `newSize`
    /// changes.
    mutating func writeHashTiles(level: Int, from oldSize: UInt64, to newSize: UInt64) throws(LedgerError) {
        let kind = Tile.Kind.hashes(level: level)
        let (full, partial) = TileGeometry.changes(kind, from: oldSize, to: newSize)
        for index in full {
            try writeHashTile(Tile(kind, index: index))
        }
        if let partial { try writeHashTile(partial) }
    }

    private mutating func writeLevelZeroTile(index: UInt64, leaves: [Hash], bundle: [UInt8]) throws(LedgerError) {
        let tile = Tile(.hashes(level: 0), index: index, width: leaves.count)
        let first = index * UInt64(Tile.fullWidth)
        let stored = try levels.hashes(level: 0, first..<first + UInt64(leaves.count))
        if let position = leaves.indices.first(where: { leaves[$0] != stored.hashes[$0] }) {
            let (computed, held) = leaves[position].hexPrefixes(against: stored.hashes[position])
            TreeStore.distrust(levels.layout)
            throw LedgerError(
                .corrupt,
                "record \(first + UInt64(position)) hashes to \(computed), but tree/"
                    + "\(TreeStore.fileName(level: 0)) holds \(held) for it; open the ledger for writing to "
                    + "rebuild the tree files (`groupledger publish` tries that itself)"
            )
        }
        try checkFullTile(tile, hashes: leaves)
        try out.write(bundle, to: Tile(.entries, index: index, width: leaves.count).path)
        publication.entryBundlesWritten += 1
        try out.write(stored.bytes, to: tile.path)
        publication.hashTilesWritten += 1
    }

    private mutating func writeHashTile(_ tile: Tile) throws(LedgerError) {
        let first = tile.index * UInt64(Tile.fullWidth)
        let stored = try levels.hashes(level: Tile.height * tile.kind.hashLevel, first..<first + UInt64(tile.width))
        try checkFullTile(tile, hashes: stored.hashes)
        try out.write(stored.bytes, to: tile.path)
        publication.hashTilesWritten += 1
    }

    /// Checks that a full tile hashes to the node that the tile level above holds for it.
    private func checkFullTile(_ tile: Tile, hashes: [Hash]) throws(LedgerError) {
        guard !tile.isPartial else { return }
        let parentLevel = Tile.height * (tile.kind.hashLevel + 1)
        let parent = try levels.hashes(level: parentLevel, tile.index..<tile.index + 1).hashes[0]
        let root = HashTile.subtreeRoot(hashes, sha: sha)
        guard root == parent else {
            let (computed, held) = root.hexPrefixes(against: parent)
            TreeStore.distrust(levels.layout)
            throw LedgerError(
                .corrupt,
                "\(tile.path) hashes to \(computed), but tree/\(TreeStore.fileName(level: parentLevel)) "
                    + "holds \(held) for it; open the ledger for writing to rebuild the tree files "
                    + "(`groupledger publish` tries that itself)"
            )
        }
    }
}
