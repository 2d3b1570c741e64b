import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// Issue #11, D7: a hash changed in the middle of a `tree/level-NN` passes the cheap check on open (level lengths
/// and the frontier's nodes); the next open for writing must still find it and rebuild the files, as the messages
/// of `prove` and `publish` say.
@Suite struct TreeRepairTests {
    /// 41 records: the frontier is nodes (5, 0), (3, 4) and (0, 40); the damaged nodes are none of them, and each
    /// is on the inclusion path of record 5.
    private func fixture(_ label: String) throws -> LedgerFixture {
        try LedgerFixture(label, batches: (0..<8).map { batch in (0..<5).map { Events.post(batch * 5 + $0) } })
    }

    private func proof(_ root: String, index: UInt64) throws -> TlogProof {
        let reader = try LedgerReader(root: root)
        return try ProofBuilder(reader: reader).inclusionProof(index: index, checkpointNote: try reader.checkpoint())
    }

    @Test(arguments: [(0, 4), (1, 3), (2, 0), (3, 1), (4, 1)])
    func aNodeChangedMidLevelIsRebuiltByTheNextOpenForWriting(level: Int, index: Int) throws {
        let fixture = try fixture("tree-repair-\(level)")
        defer { fixture.remove() }
        let good = try proof(fixture.root, index: 5)
        let path = fixture.root + "/tree/level-0\(level)"
        var bytes = Bytes.read(path)
        bytes[32 * index + 20] ^= 0x40  // past the 8 bytes a message prints
        Bytes.write(bytes, path)
        let broken = #expect(throws: LedgerError.self) { try proof(fixture.root, index: 5) }
        #expect(broken?.code == .corrupt)
        #expect(broken?.message.contains("open the ledger for writing to rebuild") == true)

        let writer = try Ledger.open(at: fixture.root)
        #expect(writer.recovery.rebuiltTree, "the damaged level \(level) was not found")
        writer.close()
        #expect(try proof(fixture.root, index: 5) == good)
        #expect(Bytes.read(path) != bytes)

        // The writer's close vouched for the rebuilt files: the next open trusts them and rebuilds nothing.
        let again = try Ledger.open(at: fixture.root)
        #expect(!again.recovery.rebuiltTree)
        again.close()
    }

    /// A reader that finds the files damaged withdraws the writer's note, so the next open checks every node even
    /// if the change left the files' times as they were.
    @Test func aReaderThatFindsDamageMakesTheNextOpenCheckEveryNode() throws {
        let fixture = try fixture("tree-repair-reader")
        defer { fixture.remove() }
        let note = fixture.root + "/tree/checked"
        #expect(FileManager.default.fileExists(atPath: note))
        let path = fixture.root + "/tree/level-00"
        var bytes = Bytes.read(path)
        bytes[32 * 5 + 31] ^= 1
        Bytes.write(bytes, path)
        _ = #expect(throws: LedgerError.self) { try proof(fixture.root, index: 5) }
        #expect(!FileManager.default.fileExists(atPath: note))
        let writer = try Ledger.open(at: fixture.root)
        #expect(writer.recovery.rebuiltTree)
        writer.close()
        _ = try proof(fixture.root, index: 5)
    }

    /// `publish` prints two different hashes when a stored leaf hash differs from its record's only after the
    /// first 8 bytes.
    @Test func aMismatchPrintsTwoDifferentHashes() throws {
        let fixture = try TileFixture("tree-repair-publish", records: 300)
        defer { fixture.remove() }
        let level0 = fixture.root + "/tree/level-00"
        var bytes = Bytes.read(level0)
        bytes[32 * 5 + 30] ^= 1
        Bytes.write(bytes, level0)
        let error = try #require(#expect(throws: LedgerError.self) { try fixture.publish() })
        let message = error.message
        let computed = try #require(message.firstRange(of: "hashes to ")).upperBound
        let held = try #require(message.firstRange(of: " holds ")).upperBound
        let first = message[computed...].prefix { $0.isHexDigit }
        let second = message[held...].prefix { $0.isHexDigit }
        #expect(first.count == 62 && second.count == 62, "\(message)")
        #expect(first != second, "\(message)")
    }
}
