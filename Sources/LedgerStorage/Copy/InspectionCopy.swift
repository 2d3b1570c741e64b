public import LedgerCore
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// A copy of a ledger to hand to an inspector: the records, content, index, tree and cosigned checkpoints up to
/// the head, and nothing that grants power over the ledger — no signing key (whichever directory holds it), no
/// lock, no quarantined bytes.
///
/// It is consistent while a writer appends: it copies exactly the prefix that one head describes (segments are
/// append-only, so that prefix does not move), then verifies the copy. Records past the head that the writer
/// adopts (a head lost in a crash, or lowered to hide them) are copied too, with the head as it is, so that the
/// copy shows an inspector what the ledger shows, warnings included. Should a concurrent `withhold` have zeroed
/// content past the copied head, or a writer have changed the files under the copy, the check fails and the copy
/// is made again from the newer head, at most ``maxAttempts`` times.
///
/// Content whose withholding the copied records already hold is zeroed in the copy even where the ledger still
/// stores it (a `withhold` cut short by a crash, or running meanwhile): the copy never carries text the ledger
/// decided to withhold. Each attempt is built in a new directory of mode 0700 beside the destination, made with
/// `mkdir` so that nobody else can have put links in it, and renamed to the destination once it is complete.
public struct InspectionCopy {
    /// How many times a copy is made before giving up on a ledger that keeps changing under it.
    public static let maxAttempts = 3
    /// How much of a file is read at a time.
    static let chunkBytes = 8 << 20

    /// What was copied.
    public struct Outcome: Sendable {
        /// The number of records in the copy.
        public let size: UInt64
        /// The verification of the copy (intact unless the source itself is damaged).
        public let report: VerificationReport
        /// How many copies were made (more than one when a writer changed the ledger meanwhile).
        public let attempts: Int
        /// What the copy's readers will warn about (records past the head), one sentence each.
        public let warnings: [String]
    }

    let source: LedgerLayout
    let destination: String
    private let sha = SHA256()

    /// - Parameters:
    ///   - source: the ledger to copy.
    ///   - destination: a directory that does not exist yet.
    public init(from source: String, to destination: String) {
        self.source = LedgerLayout(root: source)
        self.destination = LedgerLayout(root: destination).root
    }

    /// Makes the copy and verifies it.
    ///
    /// - Throws: ``LedgerError`` `.cannotCreate` when the destination exists, `.notALedger`/`.missingInput` for a
    ///   source that is not a ledger, `.corrupt` when the source's head cannot be read, `.refused` for a source
    ///   whose directories are links, `.io`.
    public func make() throws(LedgerError) -> Outcome {
        let metadata = try LedgerMetadata.read(source)
        guard !Directory.exists(destination), !Directory.isLink(destination) else {
            throw LedgerError(.cannotCreate, "\(destination) exists; name a new directory for the copy")
        }
        var attempt = 1
        while true {
            let extent = try LedgerReader(layout: source, metadata: metadata).extent()
            let head = extent.head
            let partial = LedgerLayout(root: destination + ".partial-\(getpid())-\(attempt)")
            try Directory.create(partial.root, name: partial.root, mode: 0o700)
            let report: VerificationReport
            let copied: LedgerReader.Extent
            do {
                try copy(at: head, pastHead: extent.pastHead > 0, metadata: metadata, into: partial)
                copied = try LedgerReader(layout: partial, metadata: metadata).extent()
                try withholdPending(in: partial, size: copied.size)
                report = try Verifier(root: partial.root).run()
            } catch {
                Directory.removeTree(partial.root)
                throw error
            }
            let unchanged = try readHead() == head
            if report.isIntact || attempt == InspectionCopy.maxAttempts || unchanged {
                try Directory.rename(partial.root, destination, name: destination)
                try Directory.sync(Directory.parent(of: destination), name: "the parent of \(destination)")
                return Outcome(size: copied.size, report: report, attempts: attempt, warnings: copied.warnings)
            }
            Directory.removeTree(partial.root)
            attempt += 1
        }
    }

    private func readHead() throws(LedgerError) -> HeadState {
        guard let head = try HeadFile.read(source, sha: sha) else {
            throw LedgerError(.corrupt, "head: neither slot holds a valid head; run `groupledger verify`")
        }
        return head
    }

    private func subdirectories(of layout: LedgerLayout) -> [String] {
        [
            layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory, layout.treeDirectory,
            layout.quarantineDirectory, CheckpointStore(layout: layout).directory,
        ]
    }

    /// Copies what `head` describes; with `pastHead`, the segments, content and index files whole from the head's
    /// segment on, so that the records past the head come along (a torn tail after them too, which the copy's
    /// verification then reports).
    private func copy(
        at head: HeadState,
        pastHead: Bool,
        metadata: LedgerMetadata,
        into copy: LedgerLayout
    ) throws(LedgerError) {
        for directory in subdirectories(of: source) where Directory.exists(directory) || Directory.isLink(directory) {
            _ = try Directory.mode(ofDirectory: directory, name: source.relative(directory) + "/")
        }
        for directory in subdirectories(of: copy) {
            try Directory.create(directory, name: directory)
        }
        try Directory.writeAtomically(metadata.encoded, to: copy.metadataPath, directory: copy.root, name: "LEDGER")
        for first in try SegmentList.read(source) where first <= head.activeSegment || pastHead {
            let active = first == head.activeSegment && !pastHead
            try copyFile(
                source.segmentPath(first),
                to: copy.segmentPath(first),
                length: active ? head.segmentLength : nil,
                mode: LedgerLayout.segmentMode
            )
            try copyFile(
                source.contentPath(first),
                to: copy.contentPath(first),
                length: active ? head.contentLength : nil,
                mode: LedgerLayout.contentMode
            )
            try copyFile(
                source.indexPath(first),
                to: copy.indexPath(first),
                length: active ? (head.size - first) * UInt64(RecordIndex.entrySize) : nil,
                mode: LedgerLayout.segmentMode
            )
        }
        for level in 0..<64 {
            let nodes = head.size >> UInt64(level)
            guard nodes > 0 else { break }
            let name = "/" + TreeStore.fileName(level: level)
            try copyFile(
                source.treeDirectory + name,
                to: copy.treeDirectory + name,
                length: nodes * UInt64(Hash.byteCount),
                mode: FilePermissions(rawValue: 0o644)
            )
        }
        try copyCheckpoints(origin: metadata.origin, size: head.size, into: copy)
        let headFile = try HeadFile.open(copy, create: true)
        defer { headFile.close() }
        try headFile.write(head, sha: sha, durably: true)
        for directory in subdirectories(of: copy) + [copy.root] {
            try Directory.sync(directory, name: directory)
        }
    }

    /// Zeroes, in the copy, the content of every record that a withholding event of the copy names.
    private func withholdPending(in copy: LedgerLayout, size: UInt64) throws(LedgerError) {
        guard size > 1 else { return }
        let reader = LedgerReader(layout: copy, metadata: try LedgerMetadata.read(copy))
        var targets: [UInt64] = []
        try reader.forEach(from: 1, through: size - 1) { entry in
            guard entry.record.flags.contains(.ledgerEvent),
                entry.envelope.type == EventType.ledgerContentWithheld.rawValue,
                let target = entry.envelope.data?["seq"]?.numberValue?.int64Value, target >= 0, UInt64(target) < size
            else { return }
            targets.append(UInt64(target))
        }
        for target in targets {
            guard let entry = try reader.contentEntry(seq: target, headSize: size), !entry.isErased else { continue }
            try entry.erase(named: copy.relative(entry.path))
        }
    }

    /// Copies the cosigned checkpoints: only files named as one that hold a checkpoint of this log no larger than
    /// the copy, so that nothing else put in `checkpoints/` (a key, say) travels with the copy.
    private func copyCheckpoints(origin: String, size: UInt64, into copy: LedgerLayout) throws(LedgerError) {
        let from = CheckpointStore(layout: source).directory
        let to = CheckpointStore(layout: copy).directory
        guard Directory.exists(from) else { return }
        for name in try Directory.list(from, name: "checkpoints") where CheckpointStore.isNoteName(name) {
            let bytes = try Directory.readFile(from + "/" + name, limit: Note.maximumByteCount, followLinks: false)
            guard let note = try? Note.parse(bytes), let checkpoint = try? Checkpoint(note: note),
                checkpoint.origin == origin, checkpoint.size <= size
            else { continue }
            try Directory.writeAtomically(bytes, to: to + "/" + name, directory: to, name: "checkpoints/" + name)
        }
    }

    /// Copies the first `length` bytes of `from` (all of it when `nil`; nothing when it does not exist) and syncs.
    private func copyFile(
        _ from: String,
        to: String,
        length: UInt64?,
        mode: FilePermissions
    ) throws(LedgerError) {
        guard Directory.exists(from) else { return }
        let input = try LedgerFile.open(from, name: source.relative(from), .readOnly)
        defer { input.close() }
        let output = try LedgerFile.open(
            to,
            name: to,
            .writeOnly,
            options: [.create, .exclusiveCreate],
            permissions: mode
        )
        defer { output.close() }
        let end = min(length ?? UInt64.max, try input.size())
        var offset: UInt64 = 0
        while offset < end {
            let chunk = try input.read(upTo: Int(min(UInt64(InspectionCopy.chunkBytes), end - offset)), at: offset)
            guard !chunk.isEmpty else { break }
            try output.write(chunk, at: offset)
            offset += UInt64(chunk.count)
        }
        try output.syncData()
    }
}
