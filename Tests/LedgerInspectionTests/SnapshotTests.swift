import Foundation
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage
import Synchronization
import Testing

@testable import LedgerInspection

/// Saving the model and resuming it at start: the same model as a build from record 0, never a snapshot of
/// another ledger, a rolled-back one, a damaged file or another configuration.
@Suite struct SnapshotTests {
    /// A model built from record 0 in one catch-up.
    static func fullBuild(_ root: String, size: UInt64) throws -> Inspection {
        let inspection = Inspection(configuration: .default)
        try inspection.catchUp(reader: LedgerReader(root: root), size: size)
        return inspection
    }

    /// Whether two views hold the same state, findings and indexes.
    static func expectSame(_ found: InspectionView, _ expected: InspectionView) {
        #expect(found.size == expected.size)
        #expect(found.state == expected.state)
        #expect(found.audit.findings == expected.audit.findings)
        #expect(found.audit.directives == expected.audit.directives)
        #expect(found.catalog == expected.catalog)
        #expect(found.timelines == expected.timelines)
        #expect(found.histories == expected.histories)
        #expect(found.parties == expected.parties)
        #expect(found.text == expected.text)
        #expect(found.province() == expected.province())
    }

    /// The snapshot file of the ledger at `root`.
    static func snapshotPath(_ root: String) -> String { root + "/views/inspection.snapshot" }

    @Test func aResumedModelCatchesUpToWhatABuildFromRecordZeroGives() throws {
        let ledger = try ProvinceLedger("resume")
        defer { ledger.remove() }
        let reader = try ledger.reader()
        let first = Inspection(configuration: .default)
        try first.catchUp(reader: reader, size: ledger.commitSizes[1])
        #expect(try first.save(reader: reader) == ledger.commitSizes[1])
        #expect(FileManager.default.fileExists(atPath: Self.snapshotPath(ledger.root)))
        #expect(!FileManager.default.fileExists(atPath: Self.snapshotPath(ledger.root) + ".tmp"))

        var warnings: [String] = []
        let atSave = try Inspection.resume(
            reader: reader,
            size: ledger.commitSizes[1],
            configuration: .default
        ) { warnings.append($0) }
        Self.expectSame(atSave.view, first.view)

        let resumed = try Inspection.resume(reader: reader, size: ledger.size, configuration: .default) {
            warnings.append($0)
        }
        #expect(warnings.isEmpty)
        Self.expectSame(resumed.view, try Self.fullBuild(ledger.root, size: ledger.size).view)

        try resumed.save(reader: reader)
        let again = try Inspection.resume(reader: reader, size: ledger.size, configuration: .default) {
            warnings.append($0)
        }
        #expect(warnings.isEmpty)
        Self.expectSame(again.view, resumed.view)
        let group = try #require(again.view.state.groups.keys.min())
        #expect(
            try again.view.groupState(group, at: .seq(500), reader: reader)
                == Projector.replay(try ledger.records(), through: .seq(500)).groups[group]
        )
    }

    @Test func noSnapshotBuildsQuietly() throws {
        let ledger = try ProvinceLedger("none", commits: 1)
        defer { ledger.remove() }
        var warnings: [String] = []
        let inspection = try Inspection.resume(reader: ledger.reader(), size: ledger.size, configuration: .default) {
            warnings.append($0)
        }
        #expect(warnings.isEmpty)
        Self.expectSame(inspection.view, try Self.fullBuild(ledger.root, size: ledger.size).view)
    }

    /// The snapshot holds what the content files hold (post text in the index): another local user must not read it
    /// (under the usual umask 022 a plain write would make it 0644).
    @Test func theSnapshotIsReadableByItsOwnerOnly() throws {
        let ledger = try ProvinceLedger("mode", commits: 1)
        defer { ledger.remove() }
        let inspection = try Inspection.resume(reader: ledger.reader(), size: ledger.size, configuration: .default) {
            _ in
        }
        try inspection.save(reader: ledger.reader())
        let attributes = try FileManager.default.attributesOfItem(atPath: ledger.root + "/views/inspection.snapshot")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: ledger.root + "/views")
        #expect((directory[.posixPermissions] as? Int) == 0o700)
    }

    /// Resumes `ledger` with a snapshot file made by `damage`, expecting a warning containing `reason` (or one of
    /// `otherReasons`) and a model built from record 0.
    static func expectIgnored(
        _ ledger: ProvinceLedger,
        reason: String,
        otherReasons: [String] = [],
        configurationName: String = "default",
        size: UInt64? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var warnings: [String] = []
        let size = size ?? ledger.size
        let inspection = try Inspection.resume(
            reader: ledger.reader(),
            size: size,
            configuration: .default,
            configurationName: configurationName
        ) { warnings.append($0) }
        #expect(warnings.count == 1, sourceLocation: sourceLocation)
        let reasons = [reason] + otherReasons
        #expect(
            reasons.contains { warnings.first?.contains($0) == true },
            "\(warnings)",
            sourceLocation: sourceLocation
        )
        #expect(warnings.first?.contains("views/inspection.snapshot") == true, sourceLocation: sourceLocation)
        expectSame(inspection.view, try fullBuild(ledger.root, size: size).view)
    }

    @Test func aDamagedSnapshotIsIgnoredWithAWarningAndRebuilt() throws {
        let ledger = try ProvinceLedger("damaged", commits: 2)
        defer { ledger.remove() }
        let reader = try ledger.reader()
        let inspection = try Self.fullBuild(ledger.root, size: ledger.size)
        try inspection.save(reader: reader)
        let path = Self.snapshotPath(ledger.root)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))

        var flipped = original
        flipped[flipped.count - 100] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "is damaged")

        try original.prefix(original.count / 2).write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "is cut short")

        try Data("not a snapshot".utf8).write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "is not an inspection snapshot")

        var header = original
        for offset in 0..<8 { header[InspectionSnapshot.magic.count + offset] = 0x7F }
        try header.write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "rolled back")

        try original.write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "rule configuration", configurationName: "strict")
    }

    /// Writes a snapshot of `ledger` at its full size whose payload is `payload`, with a matching header and hash.
    static func writeSnapshot(_ ledger: ProvinceLedger, payload: [UInt8]) throws {
        let file = ByteSink()
        file.put(raw: InspectionSnapshot.magic)
        file.put(ledger.size)
        file.put(raw: try ledger.reader().head().frontier.root(using: SHA256()).bytes)
        file.put("default")
        file.put(UInt64(payload.count))
        file.put(raw: SHA256().hash(payload).bytes)
        file.put(raw: payload)
        try FileManager.default.createDirectory(atPath: ledger.root + "/views", withIntermediateDirectories: true)
        try Data(file.bytes).write(to: URL(fileURLWithPath: Self.snapshotPath(ledger.root)))
    }

    @Test func aTamperedPayloadWithAMatchingHashIsStillCheckedForSense() throws {
        let ledger = try ProvinceLedger("tampered", commits: 1)
        defer { ledger.remove() }
        let inspection = try Self.fullBuild(ledger.root, size: ledger.size)
        let sink = ByteSink()
        try inspection.builder.withLock { try $0.write(to: sink) }
        let payload = sink.finished()

        // The last index's last key loses its last bytes (which key is last depends on the process's hashing).
        try Self.writeSnapshot(ledger, payload: payload.dropLast(3))
        try Self.expectIgnored(ledger, reason: "ends in the middle", otherReasons: ["cannot fit in the rest"])
        try Self.writeSnapshot(ledger, payload: payload + [0])
        try Self.expectIgnored(ledger, reason: "goes on after its last index")
    }

    @Test func aHostileCountOrLengthIsRefusedBeforeAnythingIsAllocated() throws {
        let ledger = try ProvinceLedger("hostile", commits: 1)
        defer { ledger.remove() }
        // The table of shared strings claims 2^62 entries: reserving them would take exabytes.
        let count = ByteSink()
        count.put(UInt64(1) << 62)
        count.put(raw: [UInt8](repeating: 0, count: 64))
        try Self.writeSnapshot(ledger, payload: count.bytes)
        try Self.expectIgnored(ledger, reason: "cannot fit in the rest of the file")

        // One string 4 GiB long.
        let length = ByteSink()
        length.put(UInt64(1))
        length.put(UInt32.max)
        length.put(raw: [UInt8](repeating: 0x41, count: 64))
        try Self.writeSnapshot(ledger, payload: length.bytes)
        try Self.expectIgnored(ledger, reason: "ends in the middle of a string")

        // A variable-length count of an index's records far beyond the file (2^63), and one past 64 bits.
        for encoded: [UInt8] in [
            [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
        ] {
            let source = ByteSource([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x41] + encoded + [1, 2, 3])
            #expect(throws: SnapshotError.self) { try source.takeIndex() }
        }
    }

    @Test func aSnapshotOfTheFormerFormatIsIgnoredAndRebuilt() throws {
        let ledger = try ProvinceLedger("former", commits: 1)
        defer { ledger.remove() }
        try Self.fullBuild(ledger.root, size: ledger.size).save(reader: ledger.reader())
        let path = Self.snapshotPath(ledger.root)
        var file = try Data(contentsOf: URL(fileURLWithPath: path))
        let former = Array("GroupLedger inspection snapshot 2\n".utf8)
        #expect(former.count == InspectionSnapshot.magic.count)
        file.replaceSubrange(0..<former.count, with: former)
        try file.write(to: URL(fileURLWithPath: path))
        try Self.expectIgnored(ledger, reason: "is not an inspection snapshot of this version")
    }

    @Test func aModelSavedAfterAnyCommitResumesAndCatchesUpLikeABuild() throws {
        let ledger = try ProvinceLedger("every-commit")
        defer { ledger.remove() }
        let reader = try ledger.reader()
        let expected = try Self.fullBuild(ledger.root, size: ledger.size).view
        for size in ledger.commitSizes.dropLast() {
            try Self.fullBuild(ledger.root, size: size).save(reader: reader)
            var warnings: [String] = []
            let resumed = try Inspection.resume(reader: reader, size: ledger.size, configuration: .default) {
                warnings.append($0)
            }
            #expect(warnings.isEmpty)
            Self.expectSame(resumed.view, expected)
        }
    }

    @Test func aSnapshotOfAnotherOrARolledBackLedgerIsNotUsed() throws {
        let ledger = try ProvinceLedger("original", commits: 2, withholding: false)
        defer { ledger.remove() }
        let inspection = try Self.fullBuild(ledger.root, size: ledger.size)
        try inspection.save(reader: ledger.reader())
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: Self.snapshotPath(ledger.root)))

        let replaced = try ProvinceLedger("replaced", commits: 3)
        defer { replaced.remove() }
        try FileManager.default.createDirectory(atPath: replaced.root + "/views", withIntermediateDirectories: true)
        try snapshot.write(to: URL(fileURLWithPath: Self.snapshotPath(replaced.root)))
        // The same events, but every content is committed to with a salt of its own: another root.
        try Self.expectIgnored(replaced, reason: "does not match the ledger's records")

        try Self.expectIgnored(replaced, reason: "rolled back", size: ledger.size - 10)
        #expect(replaced.size == ledger.size + 1)
    }

    @Test func aWithholdingRemovesTheTextFromTheModelAndTheSavedSnapshot() throws {
        let ledger = try ProvinceLedger("withhold-snapshot", withholding: false)
        defer { ledger.remove() }
        let reader = try ledger.reader()
        let inspection = Inspection(configuration: .default)
        try inspection.catchUp(reader: reader, size: ledger.size)
        try inspection.save(reader: reader)
        let path = Self.snapshotPath(ledger.root)
        let secretWord = Array("tuyet".utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).contains(secretWord))

        let size = try ledger.withholdClassified()
        try inspection.catchUp(reader: reader, size: size)
        #expect(!FileManager.default.fileExists(atPath: path))
        Self.expectSame(inspection.view, try Self.fullBuild(ledger.root, size: size).view)
        try inspection.save(reader: reader)
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!saved.contains(secretWord))
        #expect(!saved.contains(Array("TUYỆT".utf8)))
    }
}

extension Data {
    /// Whether `bytes` occur in it.
    func contains(_ bytes: [UInt8]) -> Bool { range(of: Data(bytes)) != nil }
}
