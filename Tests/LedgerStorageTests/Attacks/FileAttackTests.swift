import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

#if canImport(Glibc)
import Glibc
#endif

/// SECURITY.md, attackers "another local user" and "insider without the key": links, FIFOs and loose modes in the
/// ledger directory must neither redirect the writer's writes, block a reader, nor expose secret content (D3, D5).
@Suite struct FileAttackTests {
    /// Every file the writer opens for writing, relative to the ledger root.
    static let writtenFiles = [
        "lock", "head", "index/\(LedgerLayout.stem(0)).idx", "tree/level-00",
        "content/\(LedgerLayout.stem(0)).content", "segments/\(LedgerLayout.stem(0)).seg",
    ]

    @Test(arguments: writtenFiles)
    func aSymbolicLinkInPlaceOfALedgerFileIsRefused(file: String) throws {
        let fixture = try LedgerFixture("symlink", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        // The target the attacker wants overwritten: a file of another user, here a copy of the real one.
        let path = fixture.root + "/" + file
        let target = fixture.dir.path + "/victim"
        try FileManager.default.copyItem(atPath: path, toPath: target)
        let victim = Bytes.read(target)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)

        let error = #expect(throws: LedgerError.self) {
            let ledger = try Ledger.open(at: fixture.root)
            defer { ledger.close() }
            _ = try ledger.append([Events.post(2)])
        }
        #expect(error?.code == .refused)
        #expect(error?.location.file == file)
        #expect(error?.message.contains("symbolic link") == true)
        #expect(Bytes.read(target) == victim)
    }

    @Test(arguments: ["segments", "content", "index", "tree", "keys", "quarantine", "checkpoints"])
    func aSymbolicLinkInPlaceOfALedgerDirectoryIsRefused(directory: String) throws {
        let fixture = try LedgerFixture("symlink-dir", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let path = fixture.root + "/" + directory
        let elsewhere = fixture.dir.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: path, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        let before = TemporaryDirectory.snapshot(elsewhere)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains(directory + "/ is a symbolic link") == true)
        #expect(TemporaryDirectory.snapshot(elsewhere) == before)
    }

    /// A FIFO where a content file belongs: opening it must fail at once, not wait for a writer of the FIFO.
    @Test func aFIFOInPlaceOfALedgerFileIsRefusedWithoutBlocking() throws {
        let fixture = try LedgerFixture("fifo", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let path = fixture.root + "/content/\(LedgerLayout.stem(0)).content"
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let error = #expect(throws: LedgerError.self) { try LedgerReader(root: fixture.root).entry(1) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("not a regular file") == true)
        let writer = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(writer?.code == .refused)
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// With the usual umask 022, secret content must still be readable by the owner only (D5).
    @Test func contentIsPrivateWhateverTheUmask() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let fixture = try LedgerFixture(
            "modes",
            batches: (1...30).map { [Events.post($0, text: "TỐI MẬT: kế hoạch \($0)")] },
            options: {
                var options = LedgerOptions()
                options.segmentRollBytes = 4096
                return options
            }()
        )
        defer { fixture.remove() }
        let segments = try SegmentList.read(LedgerLayout(root: fixture.root))
        #expect(segments.count > 1, "rolled segments are created with the same modes")
        for first in segments {
            let stem = LedgerLayout.stem(first)
            #expect(try mode(fixture.root + "/content/\(stem).content") == 0o600)
            #expect(try mode(fixture.root + "/segments/\(stem).seg") == 0o640)
            #expect(try mode(fixture.root + "/index/\(stem).idx") == 0o640)
        }
        #expect(try mode(fixture.root + "/keys") == 0o700)
    }

    /// A ledger made by an earlier version, with content readable by all: the writer narrows the modes on open.
    @Test func looseModesFromAnEarlierVersionAreNarrowedOnOpen() throws {
        let fixture = try LedgerFixture("modes-old", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let content = fixture.root + "/content/\(LedgerLayout.stem(0)).content"
        let segment = fixture.firstSegment
        #expect(chmod(content, 0o644) == 0 && chmod(segment, 0o666) == 0)
        try Ledger.open(at: fixture.root).close()
        #expect(try mode(content) == 0o600)
        #expect(try mode(segment) == 0o640)
    }

    /// `checkpoint --add` writes into checkpoints/ without opening the writer: it must refuse a link there too.
    @Test func storingACosignedCheckpointRefusesALinkedDirectory() throws {
        let fixture = try LedgerFixture("checkpoints-link", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let elsewhere = fixture.dir.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root + "/checkpoints",
            withDestinationPath: elsewhere
        )
        let reader = try LedgerReader(root: fixture.root)
        let keys = try LogKeys.load(reader.layout).map { $0.verifier as any NoteVerifier }
        let error = #expect(throws: LedgerError.self) {
            try CheckpointStore(layout: reader.layout).add(try reader.checkpoint(), logVerifiers: keys, reader: reader)
        }
        #expect(error?.code == .refused)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }
}
