import LedgerCore
import LedgerStorage
import Testing

@Suite struct TilePathTests {
    @Test(arguments: [
        (UInt64(0), "000"), (7, "007"), (999, "999"), (1000, "x001/000"), (1_234_067, "x001/x234/067"),
        (1_000_000, "x001/x000/000"), (UInt64.max, "x018/x446/x744/x073/x709/x551/615"),
    ])
    func encodesIndicesInThreeDigitGroups(index: UInt64, encoded: String) {
        #expect(Tile.encode(index: index) == encoded)
    }

    @Test func writesTheSpecsPaths() {
        // c2sp.org/tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
        #expect(Tile(.hashes(level: 0), index: 1_234_067).path == "tile/0/x001/x234/067")
        #expect(Tile(.hashes(level: 0), index: 1_234_067, width: 8).path == "tile/0/x001/x234/067.p/8")
        #expect(Tile(.hashes(level: 63), index: 0, width: 1).path == "tile/63/000.p/1")
        #expect(Tile(.entries, index: 1_234_067).path == "tile/entries/x001/x234/067")
        #expect(Tile(.entries, index: 2, width: 255).path == "tile/entries/002.p/255")
        #expect(Tile(.entries, index: 2, width: 255).partialDirectory == "tile/entries/002.p")
        #expect(Tile(.entries, index: 2, width: 255).full.path == "tile/entries/002")
    }

    @Test(arguments: [
        "tile/0/000", "tile/0/x001/x234/067", "tile/0/x001/x234/067.p/8", "tile/5/999.p/255", "tile/63/000.p/1",
        "tile/entries/000", "tile/entries/x001/000.p/1", "tile/1/x018/x446/x744/x073/x709/x551/615",
    ])
    func readsBackWhatItWrites(path: String) throws {
        let tile = try #require(Tile(path: path))
        #expect(tile.path == path)
    }

    @Test(arguments: [
        "tile/00/000", "tile/64/000", "tile/-1/000", "tile/0/1", "tile/0/0000", "tile/0/x001", "tile/0/001/002",
        "tile/0/x000/001", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/08", "tile/0/000.p", "tile/0/.p/5",
        "tiles/0/000", "tile/entries/000.p/", "tile/0/x018/x446/x744/x073/x709/x551/616", "tile/0/000/", "tile/0",
        "tile/0/000.p/1/2", "tile/level/000", "tile/0/+01", "tile/0/x1/000",
    ])
    func rejectsWhatItNeverWrites(path: String) {
        #expect(Tile(path: path) == nil)
    }

    @Test func describesTheSpecsExampleTrees() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0 tile of width
        // 112, one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile of width 1"
        #expect(TileGeometry.levels(treeSize: 70_000) == 0..<3)
        #expect(TileGeometry.fullTiles(.hashes(level: 0), treeSize: 70_000) == 0..<273)
        #expect(
            TileGeometry.partialTile(.hashes(level: 0), treeSize: 70_000)
                == Tile(.hashes(level: 0), index: 273, width: 112)
        )
        #expect(TileGeometry.fullTiles(.entries, treeSize: 70_000) == 0..<273)
        #expect(TileGeometry.partialTile(.entries, treeSize: 70_000) == Tile(.entries, index: 273, width: 112))
        #expect(TileGeometry.fullTiles(.hashes(level: 1), treeSize: 70_000) == 0..<1)
        #expect(
            TileGeometry.partialTile(.hashes(level: 1), treeSize: 70_000)
                == Tile(.hashes(level: 1), index: 1, width: 17)
        )
        #expect(TileGeometry.fullTiles(.hashes(level: 2), treeSize: 70_000).isEmpty)
        #expect(
            TileGeometry.partialTile(.hashes(level: 2), treeSize: 70_000) == Tile(.hashes(level: 2), index: 0, width: 1)
        )
        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
        #expect(TileGeometry.levels(treeSize: 256) == 0..<2)
        #expect(TileGeometry.fullTiles(.hashes(level: 0), treeSize: 256) == 0..<1)
        #expect(TileGeometry.partialTile(.hashes(level: 0), treeSize: 256) == nil)
        #expect(
            TileGeometry.partialTile(.hashes(level: 1), treeSize: 256) == Tile(.hashes(level: 1), index: 0, width: 1)
        )
        // "Empty tiles MUST NOT be served."
        #expect(TileGeometry.levels(treeSize: 0).isEmpty)
        #expect(TileGeometry.partialTile(.hashes(level: 0), treeSize: 0) == nil)
        #expect(TileGeometry.levels(treeSize: UInt64.max) == 0..<8)
        #expect(
            TileGeometry.partialTile(.hashes(level: 7), treeSize: UInt64.max)
                == Tile(.hashes(level: 7), index: 0, width: 255)
        )
    }

    @Test func findsTheTilesThatGrowthChanges() {
        let level0 = Tile.Kind.hashes(level: 0)
        // Within one tile: only the new partial tile.
        #expect(TileGeometry.changes(level0, from: 600, to: 610) == (512 / 256..<2, Tile(level0, index: 2, width: 98)))
        #expect(TileGeometry.changes(.hashes(level: 1), from: 600, to: 610) == (0..<0, nil))
        // Across a tile boundary: the completed tile and the new partial one.
        #expect(TileGeometry.changes(level0, from: 610, to: 770) == (2..<3, Tile(level0, index: 3, width: 2)))
        #expect(
            TileGeometry.changes(.hashes(level: 1), from: 610, to: 770) == (
                0..<0, Tile(.hashes(level: 1), index: 0, width: 3)
            )
        )
        // Ending on a boundary: no partial tile at that level.
        #expect(TileGeometry.changes(level0, from: 600, to: 768) == (2..<3, nil))
        #expect(TileGeometry.changes(level0, from: 0, to: 70_000) == (0..<273, Tile(level0, index: 273, width: 112)))
        #expect(TileGeometry.changes(level0, from: 70_000, to: 70_000) == (273..<273, nil))
    }

    @Test(arguments: [UInt64(1), 2, 255, 256, 257, 600, 65_535, 65_536, 65_537, 70_000, 16_777_216])
    func tileHoldingEachPositionIsFullOrTheRightEdge(size: UInt64) {
        for level in TileGeometry.levels(treeSize: size) {
            let count = TileGeometry.hashCount(level: level, treeSize: size)
            for position in [0, count / 2, count - 1] {
                let tile = TileGeometry.tile(.hashes(level: level), holding: position, treeSize: size)
                #expect(tile?.index == position / 256)
                #expect(tile.map { position % 256 < UInt64($0.width) } == true)
                #expect(tile?.isPartial == (position / 256 == count / 256))
            }
            #expect(TileGeometry.tile(.hashes(level: level), holding: count, treeSize: size) == nil)
        }
    }

    @Test func entryBundlesAreLengthPrefixedBigEndian() throws {
        let entries: [[UInt8]] = [[], [0x41], Array(repeating: 7, count: 300), Array(repeating: 9, count: 65_535)]
        let bundle = EntryBundle.encode(entries)
        #expect(Array(bundle.prefix(8)) == [0x00, 0x00, 0x00, 0x01, 0x41, 0x01, 0x2C, 0x07])
        #expect(bundle.count == entries.reduce(0) { $0 + 2 + $1.count })
        #expect(try EntryBundle.decode(bundle, name: "bundle") == entries)
        let truncated = #expect(throws: LedgerError.self) { try EntryBundle.decode(bundle.dropLast(), name: "b") }
        #expect(truncated?.code == .corrupt)
        let cut = #expect(throws: LedgerError.self) { try EntryBundle.decode([0x00, 0x01, 0x41, 0x00], name: "b") }
        #expect(cut?.message.contains("byte 3") == true)
    }

    @Test func hashTilesAreConcatenatedHashes() throws {
        let sha = SHA256()
        let hashes = (0..<4).map { sha.leafHash([UInt8($0)]) }
        let bytes = HashTile.encode(hashes)
        #expect(bytes.count == 128)
        #expect(try HashTile.decode(bytes, name: "tile") == hashes)
        #expect(throws: LedgerError.self) { try HashTile.decode(Array(bytes.dropLast()), name: "tile") }
        let root = HashTile.subtreeRoot(hashes, sha: sha)
        #expect(root == sha.nodeHash(sha.nodeHash(hashes[0], hashes[1]), sha.nodeHash(hashes[2], hashes[3])))
    }
}
