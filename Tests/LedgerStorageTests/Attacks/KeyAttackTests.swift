import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

#if canImport(Glibc)
import Glibc
#endif

/// SECURITY.md, attacker "insider without the key": whoever can write to the key directory cannot make the
/// ledger adopt a key of theirs (D6), and the key need not travel with the ledger at all (D10).
@Suite struct KeyAttackTests {
    @Test func aKeyFileSlippedIntoKeysIsRefusedNotAnnounced() throws {
        let fixture = try LedgerFixture("slipped-key", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let intruder = try LogKeys.make(origin: "example.org/test")
        try LogKeys.store(intruder, in: layout)
        let before = try LedgerReader(root: fixture.root).head()
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("keys/\(LogKeys.fileName(intruder))") == true)
        #expect(error?.message.contains("never announced") == true)
        #expect(try LedgerReader(root: fixture.root).head() == before)
    }

    /// An intent that the intruder signed with a key of their own does not count: it must verify with a key the
    /// ledger announced.
    @Test func anIntentSignedByAnotherKeyDoesNotCount() throws {
        let fixture = try LedgerFixture("forged-intent", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let intruder = try LogKeys.make(origin: "example.org/test")
        let accomplice = try LogKeys.make(origin: "example.org/test")
        try RotationIntent.write(for: intruder, signedBy: [accomplice], origin: "example.org/test", layout: layout)
        try LogKeys.store(intruder, in: layout)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
    }

    @Test func aKeyFileNotNamedAfterItsKeyIsRefused() throws {
        let fixture = try LedgerFixture("renamed-key", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let keys = fixture.root + "/keys/"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: keys).first)
        try FileManager.default.moveItem(atPath: keys + name, toPath: keys + "00000000.skey")
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("keys/00000000.skey holds the key") == true)
    }

    @Test func aKeyDirectoryOthersCanWriteIsRefused() throws {
        let fixture = try LedgerFixture("open-keys", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        #expect(chmod(fixture.root + "/keys", 0o777) == 0)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains("chmod 700") == true)
    }

    /// An intent left by a rotation that crashed before its key file was written is removed at open.
    @Test func anIntentWithoutItsKeyIsRemovedAtOpen() throws {
        let fixture = try LedgerFixture("orphan-intent", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let planned = try LogKeys.make(origin: "example.org/test")
        try RotationIntent.write(
            for: planned,
            signedBy: try LogKeys.load(layout),
            origin: "example.org/test",
            layout: layout
        )
        let ledger = try Ledger.open(at: fixture.root)
        #expect(ledger.verifierKeys.count == 1)
        ledger.close()
        #expect(!FileManager.default.fileExists(atPath: layout.keysDirectory + "/" + RotationIntent.fileName(planned)))
    }

    private func options(keys: String?) -> LedgerOptions {
        var options = LedgerOptions()
        options.keyDirectory = keys
        return options
    }

    @Test func keysCanLiveOutsideTheLedger() throws {
        let dir = TemporaryDirectory("outside-keys")
        defer { dir.remove() }
        let root = dir.path + "/ledger"
        let keys = dir.path + "/keys-elsewhere"
        let ledger = try Ledger.create(at: root, origin: "example.org/test", options: options(keys: keys))
        _ = try ledger.append([Events.post(1)])
        let rotated = try ledger.rotateKey(actor: "vp-ubnd")
        ledger.close()
        #expect(!FileManager.default.fileExists(atPath: root + "/keys"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: keys).filter { $0.hasSuffix(".skey") }.count == 2)

        // Without the key directory the writer cannot sign, and says where the keys may be.
        let missing = #expect(throws: LedgerError.self) { try Ledger.open(at: root) }
        #expect(missing?.code == .missingInput)
        #expect(missing?.message.contains("--key-dir") == true)
        // Keys in two places are refused rather than mixed.
        try FileManager.default.createDirectory(atPath: root + "/keys", withIntermediateDirectories: false)
        let twice = #expect(throws: LedgerError.self) { try Ledger.open(at: root, options: options(keys: keys)) }
        #expect(twice?.code == .refused)
        try FileManager.default.removeItem(atPath: root + "/keys")

        let reopened = try Ledger.open(at: root, options: options(keys: keys))
        #expect(reopened.verifierKeys.contains(rotated))
        _ = try reopened.append([Events.post(2)])
        reopened.close()
        #expect(try Verifier(root: root).run().isIntact)
        // One key directory per ledger: another ledger cannot be created on it.
        let shared = #expect(throws: LedgerError.self) {
            try Ledger.create(at: dir.path + "/second", origin: "example.org/test", options: options(keys: keys))
        }
        #expect(shared?.code == .cannotCreate)
    }

    /// The inspection copy carries no key, verifies, and is consistent although a writer appends meanwhile.
    @Test func anInspectionCopyHoldsNoKeyAndIsConsistentUnderAWriter() throws {
        let fixture = try LedgerFixture("inspection-copy", batches: (1...20).map { [Events.post($0)] })
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.withhold(seq: 3, reason: "R7a-classified", actor: "vp-ubnd")
        let writer = Thread {
            for n in 100..<400 { _ = try? ledger.append([Events.post(n), Events.joined(n)]) }
        }
        writer.start()
        var copies: [String] = []
        for attempt in 0..<5 {
            let destination = fixture.dir.path + "/copy-\(attempt)"
            let outcome = try InspectionCopy(from: fixture.root, to: destination).make()
            #expect(outcome.report.isIntact, "\(outcome.report.problem?.message ?? "")")
            #expect(!FileManager.default.fileExists(atPath: destination + "/keys"))
            #expect(!FileManager.default.fileExists(atPath: destination + "/lock"))
            #expect(try LedgerReader(root: destination).extent().size == outcome.size)
            copies.append(destination)
        }
        while writer.isExecuting || !writer.isFinished { usleep(10_000) }
        ledger.close()
        // Every copy is a prefix of the ledger: the ledger verifies against each copy's signed checkpoint.
        for copy in copies {
            var anchors = VerificationAnchors()
            anchors.checkpoints = [(copy, try LedgerReader(root: copy).checkpoint())]
            anchors.logKeys = try LogKeys.load(LedgerLayout(root: fixture.root)).map(\.vkey)
            let report = try Verifier(root: fixture.root).run(anchors: anchors)
            #expect(report.isIntact, "\(report.problem?.message ?? "")")
            #expect(report.anchoredSize == (try LedgerReader(root: copy).head().size))
        }
        let refused = #expect(throws: LedgerError.self) {
            try InspectionCopy(from: fixture.root, to: copies[0]).make()
        }
        #expect(refused?.code == .cannotCreate)
    }

    /// A withholding whose content a crash left in place is carried out in the copy: the copy holds no text the
    /// ledger decided to withhold. And only real checkpoints travel in checkpoints/.
    @Test func anInspectionCopyCarriesNoWithheldTextAndNoStrayFiles() throws {
        let fixture = try LedgerFixture("copy-withheld", batches: [[Events.post(1, text: "TOP SECRET PLAN")]])
        defer { fixture.remove() }
        let content = fixture.root + "/content/\(LedgerLayout.stem(0)).content"
        let saved = Bytes.read(content)
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.withhold(seq: 1, reason: "R7a-classified", actor: "vp-ubnd")
        ledger.close()
        // The crash between the withholding event and the zeroing: the text is still stored.
        Bytes.write(saved, content)
        let keyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/keys").first)
        try FileManager.default.createDirectory(
            atPath: fixture.root + "/checkpoints",
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(
            atPath: fixture.root + "/keys/" + keyFile,
            toPath: fixture.root + "/checkpoints/00000000000000000099.note"
        )

        let copy = fixture.dir.path + "/copy"
        let outcome = try InspectionCopy(from: fixture.root, to: copy).make()
        #expect(outcome.report.isIntact, "\(outcome.report.problem?.message ?? "")")
        #expect(outcome.report.withheld == 1)
        for (name, bytes) in TemporaryDirectory.snapshot(copy) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("TOP SECRET"), "\(name) holds the withheld text")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("PRIVATE+KEY"), "\(name) holds a key")
        }
        #expect(
            TemporaryDirectory.snapshot(fixture.root).values.contains {
                String(decoding: $0, as: UTF8.self).contains("TOP SECRET")
            }
        )
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.dir.path).filter { $0.contains(".partial-") }
                .isEmpty
        )
    }

    /// The key directory named by another spelling of keys/ is keys/; one others can write to is refused before
    /// any key is made; one reached through a link outside the ledger is followed once.
    @Test func theKeyDirectoryIsCheckedWhenTheLedgerIsCreated() throws {
        let dir = TemporaryDirectory("key-dir-checks")
        defer { dir.remove() }
        let fixture = try LedgerFixture("key-dir-alias", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let alias = fixture.root + "/./keys/"
        let sameKeys = try Ledger.open(at: fixture.root, options: options(keys: alias))
        #expect(sameKeys.layout.keysInside)
        sameKeys.close()

        let open = dir.path + "/open-keys"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: false)
        #expect(chmod(open, 0o1777) == 0)
        let refused = #expect(throws: LedgerError.self) {
            try Ledger.create(at: dir.path + "/l1", origin: "example.org/test", options: options(keys: open))
        }
        #expect(refused?.code == .refused)
        #expect(try FileManager.default.contentsOfDirectory(atPath: open).isEmpty)

        let real = dir.path + "/real-keys"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false)
        #expect(chmod(real, 0o700) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/keys-link", withDestinationPath: real)
        let linked = try Ledger.create(
            at: dir.path + "/l2",
            origin: "example.org/test",
            options: options(keys: dir.path + "/keys-link")
        )
        linked.close()
        let reopened = try Ledger.open(at: dir.path + "/l2", options: options(keys: dir.path + "/keys-link"))
        _ = try reopened.append([Events.post(2)])
        reopened.close()
    }
}
