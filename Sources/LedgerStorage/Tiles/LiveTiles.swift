public import LedgerCore

/// The C2SP `tlog-tiles` resources of a ledger that is being written, read on request: hash tiles from the tree
/// files (tile level `L` is tree level `8·L`), entry bundles from the segments. What `groupledger serve` answers
/// at `/tile/…`, where `publish` writes the same bytes to a directory.
///
/// Only tiles within a tree size already committed are served: the nodes and records below a committed size never
/// change, so a tile read while the writer appends is the tile every later reader gets.
public struct LiveTiles: Sendable {
    let layout: LedgerLayout
    let metadata: LedgerMetadata

    public init(layout: LedgerLayout, metadata: LedgerMetadata) {
        self.layout = layout
        self.metadata = metadata
    }

    /// The bytes of `tile` in the tree of `size` leaves, or `nil` when that tree does not hold all of it (an index
    /// or width past its end). A partial tile narrower than what the tree holds is served: it is a prefix of the
    /// full tile.
    ///
    /// - Throws: ``LedgerError`` `.corrupt` when a tree file or segment is shorter than the size says, `.io`.
    public func bytes(of tile: Tile, treeSize size: UInt64) throws(LedgerError) -> [UInt8]? {
        let (first, overflow) = tile.index.multipliedReportingOverflow(by: UInt64(Tile.fullWidth))
        let count = TileGeometry.hashCount(level: tile.kind.hashLevel, treeSize: size)
        guard !overflow, first < count, UInt64(tile.width) <= count - first else { return nil }
        let last = first + UInt64(tile.width) - 1
        switch tile.kind {
        case .hashes(let level):
            let levels = TreeLevelReader(layout)
            defer { levels.close() }
            return try levels.hashes(level: Tile.height * level, first..<last + 1).bytes
        case .entries:
            var bundle: [UInt8] = []
            try LedgerReader(layout: layout, metadata: metadata).forEach(from: first, through: last) { entry in
                EntryBundle.append(entry.record.encoded(), to: &bundle)
            }
            return bundle
        }
    }
}
