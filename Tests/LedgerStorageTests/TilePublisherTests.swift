import Foundation
import LedgerCore
import LedgerStorage
import SystemPackage
import Testing

@Suite struct TilePublisherTests {
    @Test func publishesEveryTileOfA600RecordLedger() throws {
        let fixture = try TileFixture("tiles-600", records: 600)
        defer { fixture.remove() }
        let publication = try fixture.publish()
        #expect(publication.previousSize == nil)
        #expect(publication.size == 600)
        #expect(publication.hashTilesWritten == 4)
        #expect(publication.entryBundlesWritten == 3)
        #expect(publication.checkpointWritten)
        #expect(publication.partialTilesRemoved == 0)
        // 600 = 2 · 256 + 88 leaves; 2 level 0 tiles are full, so level 1 holds 2 hashes.
        #expect(
            Set(fixture.published.keys) == [
                "checkpoint", "tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2",
                "tile/entries/000", "tile/entries/001", "tile/entries/002.p/88",
            ]
        )
        #expect(fixture.published["checkpoint"] == Data(try fixture.checkpointNote()))
        try TilePublisherTests.checkPublished(fixture, size: 600)
    }

    @Test func incrementalPublishWritesOnlyWhatChanged() throws {
        var fixture = try TileFixture("tiles-incremental", records: 600)
        defer { fixture.remove() }
        try fixture.publish()
        let at600 = fixture.published

        // Ten more records stay inside level 0 tile 2: its partial tile and bundle, and the checkpoint.
        try fixture.append(10)
        let publication = try fixture.publish()
        #expect(publication.previousSize == 600)
        #expect(publication.hashTilesWritten == 1)
        #expect(publication.entryBundlesWritten == 1)
        #expect(publication.filesWritten == 3)
        #expect(publication.partialTilesRemoved == 0)
        let at610 = fixture.published
        let (written, removed) = TileFixture.changes(from: at600, to: at610)
        #expect(written == ["checkpoint", "tile/0/002.p/98", "tile/entries/002.p/98"])
        #expect(removed.isEmpty)  // a client holding the size-600 checkpoint still finds 002.p/88
        try TilePublisherTests.checkPublished(fixture, size: 610)

        // 160 more complete tile 2: it replaces both of its partial versions, and level 1 grows to 3 hashes.
        try fixture.append(160)
        let crossing = try fixture.publish()
        #expect(crossing.hashTilesWritten == 3)
        #expect(crossing.entryBundlesWritten == 2)
        #expect(crossing.filesWritten == 6)
        #expect(crossing.partialTilesRemoved == 4)
        let change = TileFixture.changes(from: at610, to: fixture.published)
        #expect(
            change.written == [
                "checkpoint", "tile/0/002", "tile/0/003.p/2", "tile/entries/002", "tile/entries/003.p/2",
                "tile/1/000.p/3",
            ]
        )
        #expect(
            change.removed == [
                "tile/0/002.p/88", "tile/0/002.p/98", "tile/entries/002.p/88", "tile/entries/002.p/98",
            ]
        )
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/tile/0/002.p"))
        #expect(FileManager.default.fileExists(atPath: fixture.out + "/tile/1/000.p/2"))  // level 1 is still partial
        try TilePublisherTests.checkPublished(fixture, size: 770)
        // A client still holding the size-610 checkpoint falls back to the full tile for the removed 002.p/98.
        let stale = TileHashReader(directory: fixture.out, treeSize: 610)
        #expect(try Merkle.rootHash(size: 610, reader: stale, sha: SHA256()) == fixture.rootHash(size: 610))
        #expect(try stale.entries(of: Tile(.entries, index: 2, width: 98)).count == 98)
        // The tiles of 770 still prove the earlier trees: a consistency proof from them verifies.
        let tiles = TileHashReader(directory: fixture.out, treeSize: 770)
        for old: UInt64 in [600, 610] {
            let proof = try Merkle.consistencyProof(from: old, to: 770, reader: tiles, sha: SHA256())
            try Merkle.verifyConsistency(
                oldSize: old,
                newSize: 770,
                oldRoot: fixture.rootHash(size: old),
                newRoot: fixture.rootHash(),
                proof: proof,
                sha: SHA256()
            )
        }
    }

    @Test func publishesACheckpointSmallerThanTheLedgerThenCatchesUp() throws {
        let fixture = try TileFixture("tiles-behind", records: 600)
        defer { fixture.remove() }
        try fixture.publish(size: 300)
        #expect(
            Set(fixture.published.keys) == [
                "checkpoint", "tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1", "tile/entries/000",
                "tile/entries/001.p/44",
            ]
        )
        try TilePublisherTests.checkPublished(fixture, size: 300)
        let caughtUp = try fixture.publish()
        #expect(caughtUp.previousSize == 300)
        #expect(caughtUp.hashTilesWritten == 3)  // 0/001, 0/002.p/88, 1/000.p/2
        #expect(caughtUp.entryBundlesWritten == 2)
        #expect(caughtUp.partialTilesRemoved == 2)  // 0/001.p/44 and entries/001.p/44
        try TilePublisherTests.checkPublished(fixture, size: 600)
    }

    @Test func republishingWritesOnlyANewCheckpoint() throws {
        let fixture = try TileFixture("tiles-again", records: 300)
        defer { fixture.remove() }
        try fixture.publish()
        let before = fixture.published
        let again = try fixture.publish()
        #expect(again.filesWritten == 0)
        #expect(again.previousSize == 300)
        #expect(fixture.published == before)

        // The same tree head signed anew (say, with a cosignature added): only `checkpoint` changes.
        let resigned = try fixture.checkpointNote(signer: Ed25519NoteSigner.generate(name: "example.org/test"))
        let publication = try TilePublisher(reader: fixture.reader).publish(to: fixture.out, checkpointNote: resigned)
        #expect(publication.filesWritten == 1)
        #expect(publication.checkpointWritten)
        #expect(TileFixture.changes(from: before, to: fixture.published).written == ["checkpoint"])
    }

    @Test func refusesToRollBack() throws {
        var fixture = try TileFixture("tiles-rollback", records: 600)
        defer { fixture.remove() }
        try fixture.append(10)
        try fixture.publish()
        let before = fixture.published
        let error = #expect(throws: LedgerError.self) { try fixture.publish(size: 600) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("roll the log back") == true)
        #expect(fixture.published == before)
    }

    @Test func refusesAForkedLedger() throws {
        let published = try TileFixture("tiles-fork-a", records: 300)
        defer { published.remove() }
        try published.publish()
        let before = published.published
        // Another ledger of the same origin, larger, whose first 300 records differ.
        let other = try TileFixture("tiles-fork-b", records: 400, group: "g-2")
        defer { other.remove() }
        try #require(try other.rootHash(size: 300) != published.rootHash())
        let error = #expect(throws: LedgerError.self) {
            try TilePublisher(reader: other.reader).publish(to: published.out, checkpointNote: other.checkpointNote())
        }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("forked") == true)
        #expect(published.published == before)

        // The same size with another root is a fork too.
        let sameSize = #expect(throws: LedgerError.self) {
            try TilePublisher(reader: other.reader)
                .publish(to: published.out, checkpointNote: other.checkpointNote(size: 300))
        }
        #expect(sameSize?.code == .refused)
        #expect(published.published == before)
    }

    @Test func refusesACheckpointThatIsNotTheLedgers() throws {
        let fixture = try TileFixture("tiles-foreign", records: 20)
        defer { fixture.remove() }
        let publisher = try TilePublisher(reader: fixture.reader)
        func refusal(_ note: [UInt8]) -> LedgerError? {
            #expect(throws: LedgerError.self) { try publisher.publish(to: fixture.out, checkpointNote: note) }
        }
        func note(origin: String = "example.org/test", size: UInt64 = 20, root: Hash? = nil) throws -> [UInt8] {
            let checkpoint = try Checkpoint(origin: origin, size: size, rootHash: root ?? fixture.rootHash())
            let signer = try Ed25519NoteSigner.generate(name: origin)
            return try Note.sign(text: checkpoint.text, signers: [signer]).format()
        }
        #expect(refusal(try note(root: SHA256().leafHash([1])))?.code == .refused)
        #expect(refusal(try note(size: 21))?.code == .refused)
        #expect(refusal(try note(origin: "example.org/other"))?.code == .refused)
        #expect(refusal(Array("example.org/test\n20\n".utf8))?.code == .badInput)
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/checkpoint"))

        // A directory whose checkpoint is unreadable is not overwritten.
        try FileManager.default.createDirectory(atPath: fixture.out, withIntermediateDirectories: true)
        Bytes.write(Array("not a checkpoint\n".utf8), fixture.out + "/checkpoint")
        #expect(refusal(try fixture.checkpointNote())?.code == .corrupt)
        #expect(Bytes.read(fixture.out + "/checkpoint") == Array("not a checkpoint\n".utf8))
    }

    @Test func damagedTreeFilesAreNotPublished() throws {
        let fixture = try TileFixture("tiles-damaged", records: 600)
        defer { fixture.remove() }
        // A leaf hash that does not match its record.
        let level0 = fixture.root + "/tree/level-00"
        var bytes = Bytes.read(level0)
        bytes[32 * 5] ^= 1
        Bytes.write(bytes, level0)
        let leaf = #expect(throws: LedgerError.self) { try fixture.publish() }
        #expect(leaf?.code == .corrupt)
        #expect(leaf?.message.contains("record 5 ") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/checkpoint"))
        bytes[32 * 5] ^= 1
        Bytes.write(bytes, level0)

        // A level 1 hash that is not the root of the level 0 tile below it (not on the head's frontier).
        let level8 = fixture.root + "/tree/level-08"
        var node = Bytes.read(level8)
        node[0] ^= 1
        Bytes.write(node, level8)
        let tile = #expect(throws: LedgerError.self) { try fixture.publish() }
        #expect(tile?.code == .corrupt)
        #expect(tile?.message.contains("tile/0/000 hashes to") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/checkpoint"))
    }

    @Test func oneWriterPerDirectory() throws {
        let fixture = try TileFixture("tiles-lock", records: 10)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.out, withIntermediateDirectories: true)
        let holder = try LedgerFile.open(fixture.out, name: fixture.out, .readOnly, followLinks: true)
        defer { holder.close() }
        #expect(try holder.tryLockExclusive())
        let error = #expect(throws: LedgerError.self) { try fixture.publish() }
        #expect(error?.code == .locked)
    }

    /// A lock freed moments later (as when a child spawned at that instant held a copy of its descriptor until its
    /// `exec`) is waited for, not refused.
    @Test func aDirectoryLockFreedMomentsLaterIsTaken() throws {
        let fixture = try TileFixture("tiles-lock-freed", records: 10)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.out, withIntermediateDirectories: true)
        let holder = try LedgerFile.open(fixture.out, name: fixture.out, .readOnly, followLinks: true)
        #expect(try holder.tryLockExclusive())
        Thread {
            usleep(30_000)
            holder.close()
        }.start()
        #expect(try fixture.publish().size == 10)
        try Self.checkPublished(fixture, size: 10)
    }

    /// Checks the published tree of `size` against the ledger: every file is a tile of that tree (or a
    /// checkpoint), every hash tile holds the ledger's tree nodes, every entry bundle holds the records, whose
    /// leaf hashes are the level 0 tiles' and have inclusion proofs from the tiles, and the tiles give the
    /// ledger's root at every size up to `size`.
    static func checkPublished(_ fixture: TileFixture, size: UInt64) throws {
        let reader = try fixture.reader
        let tree = try TreeStore(reader.layout, writable: false)
        defer { tree.close() }
        let sha = SHA256()
        var records: [[UInt8]] = []
        try reader.forEach(from: 0, through: size - 1) { records.append($0.record.encoded()) }
        let tiles = TileHashReader(directory: fixture.out, treeSize: size)
        let root = try fixture.rootHash(size: size)
        let note = try Note.parse(Bytes.read(fixture.out + "/checkpoint"))
        #expect(try Checkpoint(note: note) == Checkpoint(origin: "example.org/test", size: size, rootHash: root))

        var entriesSeen: UInt64 = 0
        for (path, bytes) in fixture.published where path != "checkpoint" {
            let tile = try #require(Tile(path: path), "\(path) is not a tile path")
            let first = tile.index * 256
            switch tile.kind {
            case .hashes(let level):
                let nodes = (first..<first + UInt64(tile.width)).map { TreeNode(level: 8 * level, index: $0) }
                #expect(Array(bytes) == HashTile.encode(try tree.hashes(of: nodes)), "\(path)")
            case .entries:
                let entries = try EntryBundle.decode(Array(bytes), name: path)
                #expect(try entries == tiles.entries(of: tile))
                #expect(entries.count == tile.width)
                let leaves = try tiles.hashes(of: Tile(.hashes(level: 0), index: tile.index, width: tile.width))
                for (offset, entry) in entries.enumerated() {
                    let index = first + UInt64(offset)
                    #expect(entry == records[Int(index)], "entry \(index) of \(path)")
                    #expect(sha.leafHash(entry) == leaves[offset], "leaf hash of entry \(index)")
                    let proof = try Merkle.inclusionProof(index: index, size: size, reader: tiles, sha: sha)
                    try Merkle.verifyInclusion(
                        leafHash: sha.leafHash(entry),
                        index: index,
                        size: size,
                        proof: proof,
                        root: root,
                        sha: sha
                    )
                }
                if !tile.isPartial || tile == TileGeometry.partialTile(.entries, treeSize: size) {
                    entriesSeen += UInt64(entries.count)
                }
            }
        }
        #expect(entriesSeen == size)
        #expect(try Merkle.rootHash(size: size, reader: tiles, sha: sha) == root)
        for smaller in 1..<size {
            #expect(
                try Merkle.rootHash(size: smaller, reader: tiles, sha: sha)
                    == Merkle.rootHash(size: smaller, reader: tree, sha: sha),
                "root at \(smaller)"
            )
        }
    }
}
