/// Which tiles a tlog-tiles tree of a given size consists of, and which of them a tree's growth changes.
///
/// At tile level `L` a tree of `size` leaves has `size >> 8L` hashes: `size >> 8(L+1)` full tiles and, unless the
/// count is a multiple of 256, one partial tile of width `(size >> 8L) mod 256` after them. Entry bundles follow
/// level 0. For example (c2sp.org/tlog-tiles), a tree of 70,000 leaves has 273 full level 0 tiles and a partial
/// one of width 112, one full level 1 tile and a partial one of width 17, and a partial level 2 tile of width 1.
public enum TileGeometry {
    /// The number of hashes at tile level `level` of a tree of `size` leaves.
    public static func hashCount(level: Int, treeSize size: UInt64) -> UInt64 {
        let shift = Tile.height * level
        return shift < 64 ? size >> UInt64(shift) : 0
    }

    /// The tile levels that hold at least one hash in a tree of `size` leaves: none for the empty tree.
    public static func levels(treeSize size: UInt64) -> Range<Int> {
        var count = 0
        while hashCount(level: count, treeSize: size) > 0 { count += 1 }
        return 0..<count
    }

    /// The indices of the full tiles of `kind` in a tree of `size` leaves.
    public static func fullTiles(_ kind: Tile.Kind, treeSize size: UInt64) -> Range<UInt64> {
        0..<hashCount(level: kind.hashLevel, treeSize: size) / UInt64(Tile.fullWidth)
    }

    /// The partial tile of `kind` in a tree of `size` leaves, or `nil` if that level has none (its hash count is a
    /// multiple of 256, including 0).
    public static func partialTile(_ kind: Tile.Kind, treeSize size: UInt64) -> Tile? {
        let count = hashCount(level: kind.hashLevel, treeSize: size)
        let width = Int(count % UInt64(Tile.fullWidth))
        return width == 0 ? nil : Tile(kind, index: count / UInt64(Tile.fullWidth), width: width)
    }

    /// The tile of `kind` that holds hash (or entry) `position` of its level in a tree of `size` leaves: full if
    /// the tree fills it, else the partial tile; `nil` if the tree does not have that position.
    public static func tile(_ kind: Tile.Kind, holding position: UInt64, treeSize size: UInt64) -> Tile? {
        guard position < hashCount(level: kind.hashLevel, treeSize: size) else { return nil }
        let index = position / UInt64(Tile.fullWidth)
        return fullTiles(kind, treeSize: size).contains(index)
            ? Tile(kind, index: index) : partialTile(kind, treeSize: size)
    }

    /// What growing a tree from `oldSize` to `newSize` leaves changes at one level: the tiles of `kind` that are
    /// full at `newSize` but were not at `oldSize`, and the partial tile at `newSize` if it differs from the one at
    /// `oldSize` (it is the same resource when the level's hash count did not change).
    public static func changes(
        _ kind: Tile.Kind,
        from oldSize: UInt64,
        to newSize: UInt64
    ) -> (full: Range<UInt64>, partial: Tile?) {
        precondition(oldSize <= newSize, "a tree cannot shrink from \(oldSize) to \(newSize) leaves")
        let full = fullTiles(kind, treeSize: oldSize).upperBound..<fullTiles(kind, treeSize: newSize).upperBound
        let level = kind.hashLevel
        let grew = hashCount(level: level, treeSize: oldSize) != hashCount(level: level, treeSize: newSize)
        return (full, grew ? partialTile(kind, treeSize: newSize) : nil)
    }
}
