import LedgerCore
import SystemPackage

/// Rebuilds the files derived from the segments — index files and tree files — which may lag behind the records
/// after a crash, and reads what they need back.
enum DerivedFiles {
    /// Rewrites the tree files from the leaf hashes stored in the segments' frames (checked while reading).
    static func rebuildTree(
        _ tree: TreeStore,
        layout: LedgerLayout,
        segments: [UInt64],
        size: UInt64,
        sha: SHA256
    ) throws(LedgerError) {
        try tree.truncate(toTreeSize: 0)
        var frontier = MerkleFrontier()
        for first in segments {
            let path = layout.segmentPath(first)
            let name = layout.relative(path)
            let file = try LedgerFile.open(path, name: name, .readOnly)
            let bytes = try file.readAll()
            file.close()
            var nodes = TreeRuns()
            let stop = try withRawBytes(bytes) { buffer throws(LedgerError) in
                FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) { frame, _ in
                    if frontier.size < size { frontier.append(frame.leafHash, using: sha) { nodes.add($0, $1) } }
                }
            }
            if let stop, frontier.size < size {
                throw LedgerError(
                    .corrupt,
                    "\(name): damaged frame at byte \(stop.offset) (\(stop.description))",
                    at: .init(file: name, offset: stop.offset)
                )
            }
            try tree.write(nodes)
        }
    }

    /// Writes a segment's index file in full (it is derived data, so no sync).
    static func writeIndex(_ layout: LedgerLayout, first: UInt64, entries: [RecordIndex.Entry]) throws(LedgerError) {
        let contentOffsets = try contentOffsets(layout, first: first)
        var bytes = [UInt8]()
        bytes.reserveCapacity(entries.count * RecordIndex.entrySize)
        for (position, var entry) in entries.enumerated() {
            entry.contentOffset = contentOffsets[first + UInt64(position)] ?? RecordIndex.noContent
            RecordIndex.append(entry, to: &bytes)
        }
        let path = layout.indexPath(first)
        let file = try LedgerFile.open(
            path,
            name: layout.relative(path),
            .writeOnly,
            options: [.create],
            permissions: LedgerLayout.segmentMode
        )
        defer { file.close() }
        try file.write(bytes, at: 0)
        try file.truncate(to: UInt64(bytes.count))
    }

    private static func contentOffsets(_ layout: LedgerLayout, first: UInt64) throws(LedgerError) -> [UInt64: UInt32] {
        let path = layout.contentPath(first)
        guard Directory.exists(path) else { return [:] }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        var offsets: [UInt64: UInt32] = [:]
        _ = ContentFormat.scan(try file.readAll()) { offsets[$0.seq] = UInt32($0.offset) }
        return offsets
    }

    /// Rebuilds a sealed segment's index from its records.
    static func rebuildIndex(
        _ layout: LedgerLayout,
        first: UInt64,
        sha: SHA256
    ) throws(LedgerError)
        -> [RecordIndex.Entry]
    {
        let path = layout.segmentPath(first)
        let name = layout.relative(path)
        let file = try LedgerFile.open(path, name: name, .readOnly)
        defer { file.close() }
        let bytes = try file.readAll()
        let decoder = EnvelopeDecoder()
        var entries: [RecordIndex.Entry] = []
        let stop = try withRawBytes(bytes) { buffer throws(LedgerError) in
            try FrameScanner(sha: sha).scan(buffer, from: SegmentFormat.headerSize) {
                frame,
                record throws(LedgerError) in
                let (seq, _) = Record.peekSeqAndPrev(record)
                let envelope = try decoder.decodeStored(Array(record[Record.headerSize...]), seq: seq)
                entries.append(
                    RecordIndex.Entry(
                        id: IdDigest(id: envelope.id, sha: sha),
                        frameOffset: UInt32(frame.offset),
                        contentOffset: RecordIndex.noContent
                    )
                )
            }
        }
        if let stop {
            throw LedgerError(
                .corrupt,
                "\(name): damaged frame at byte \(stop.offset) (\(stop.description))",
                at: .init(file: name, offset: stop.offset)
            )
        }
        return entries
    }
}
