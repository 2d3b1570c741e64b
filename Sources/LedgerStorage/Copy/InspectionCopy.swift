public import LedgerCore
import SystemPackage

/// A copy of a ledger to hand to an inspector: the records, content, index, tree and cosigned checkpoints up to
/// the head, and nothing that grants power over the ledger — no signing key (whichever directory holds it), no
/// lock, no quarantined bytes.
///
/// It is consistent while a writer appends: it copies exactly the prefix that one head describes (segments are
/// append-only, so that prefix does not move), then verifies the copy. Should a concurrent `withhold` have zeroed
/// content past the copied head, or a writer have changed the files under the copy, the check fails and the copy
/// is made again from the newer head, at most ``maxAttempts`` times.
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
    }

    let source: LedgerLayout
    let destination: LedgerLayout
    private let sha = SHA256()

    /// - Parameters:
    ///   - source: the ledger to copy.
    ///   - destination: a directory that does not exist yet, or is empty.
    public init(from source: String, to destination: String) {
        self.source = LedgerLayout(root: source)
        self.destination = LedgerLayout(root: destination)
    }

    /// Makes the copy and verifies it.
    ///
    /// - Throws: ``LedgerError`` `.cannotCreate` when the destination holds files, `.notALedger`/`.missingInput`
    ///   for a source that is not a ledger, `.corrupt` when the source's head cannot be read, `.io`.
    public func make() throws(LedgerError) -> Outcome {
        let metadata = try LedgerMetadata.read(source)
        try prepareDestination()
        var attempt = 1
        while true {
            let head = try readHead()
            try copy(at: head, metadata: metadata)
            let report = try Verifier(root: destination.root).run()
            let unchanged = try readHead() == head
            if report.isIntact || attempt == InspectionCopy.maxAttempts || unchanged {
                return Outcome(size: head.size, report: report, attempts: attempt)
            }
            try clearDestination()
            attempt += 1
        }
    }

    private func readHead() throws(LedgerError) -> HeadState {
        guard let head = try HeadFile.read(source, sha: sha) else {
            throw LedgerError(.corrupt, "head: neither slot holds a valid head; run `groupledger verify`")
        }
        return head
    }

    private func prepareDestination() throws(LedgerError) {
        if Directory.exists(destination.root) {
            guard try Directory.list(destination.root, name: destination.root).isEmpty else {
                throw LedgerError(
                    .cannotCreate,
                    "\(destination.root) is not empty; choose a new directory for the copy"
                )
            }
        } else {
            try Directory.create(destination.root, name: destination.root, mode: 0o750)
            try Directory.sync(Directory.parent(of: destination.root), name: "the parent of \(destination.root)")
        }
    }

    /// Removes what an earlier attempt copied.
    private func clearDestination() throws(LedgerError) {
        for directory in subdirectories(of: destination) where Directory.exists(directory) {
            for name in try Directory.list(directory, name: destination.relative(directory)) {
                Directory.removeFile(directory + "/" + name)
            }
        }
        for file in [destination.headPath, destination.metadataPath] { Directory.removeFile(file) }
    }

    private func subdirectories(of layout: LedgerLayout) -> [String] {
        [
            layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory, layout.treeDirectory,
            layout.quarantineDirectory, CheckpointStore(layout: layout).directory,
        ]
    }

    private func copy(at head: HeadState, metadata: LedgerMetadata) throws(LedgerError) {
        for directory in subdirectories(of: destination) {
            try Directory.create(directory, name: destination.relative(directory), existingOK: true)
        }
        try Directory.writeAtomically(
            metadata.encoded,
            to: destination.metadataPath,
            directory: destination.root,
            name: "LEDGER"
        )
        for first in try SegmentList.read(source) where first <= head.activeSegment {
            let active = first == head.activeSegment
            try copyFile(
                source.segmentPath(first),
                to: destination.segmentPath(first),
                length: active ? head.segmentLength : nil,
                mode: LedgerLayout.segmentMode
            )
            try copyFile(
                source.contentPath(first),
                to: destination.contentPath(first),
                length: active ? head.contentLength : nil,
                mode: LedgerLayout.contentMode
            )
            try copyFile(
                source.indexPath(first),
                to: destination.indexPath(first),
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
                to: destination.treeDirectory + name,
                length: nodes * UInt64(Hash.byteCount),
                mode: FilePermissions(rawValue: 0o644)
            )
        }
        let checkpoints = CheckpointStore(layout: source).directory
        if Directory.exists(checkpoints) {
            for name in try Directory.list(checkpoints, name: "checkpoints") where name.hasSuffix(".note") {
                try copyFile(
                    checkpoints + "/" + name,
                    to: CheckpointStore(layout: destination).directory + "/" + name,
                    length: nil,
                    mode: FilePermissions(rawValue: 0o644)
                )
            }
        }
        let headFile = try HeadFile.open(destination, create: true)
        defer { headFile.close() }
        try headFile.write(head, sha: sha, durably: true)
        for directory in subdirectories(of: destination) + [destination.root] {
            try Directory.sync(directory, name: destination.relative(directory))
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
            name: destination.relative(to),
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
