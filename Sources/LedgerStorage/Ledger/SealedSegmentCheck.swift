import LedgerCore
import SystemPackage

/// The cheap check `open` makes of the sealed segments before the head's (their headers, their record counts,
/// that each ends where its index says); full re-hashing is `verify`'s.
enum SealedSegmentCheck {
    /// Checks the sealed segments before the head's cheaply: headers, record counts from the index, and that each
    /// ends where its index says. Full re-hashing is `verify`'s job.
    static func check(
        _ layout: LedgerLayout,
        segments: [UInt64],
        next: UInt64,
        origin: String,
        sha: SHA256
    ) throws(LedgerError) {
        for (position, first) in segments.enumerated() {
            let following = position + 1 < segments.count ? segments[position + 1] : next
            let name = layout.relative(layout.segmentPath(first))
            let file = try LedgerFile.open(layout.segmentPath(first), name: name, .readOnly)
            defer { file.close() }
            let header = try file.read(at: 0, count: min(SegmentFormat.headerSize, Int(try file.size())))
            if let problem = SegmentFormat.headerProblem(header, expectedFirstSeq: first, origin: origin, sha: sha) {
                throw LedgerError(.corrupt, "\(name): \(problem)", at: .init(file: name))
            }
            let expectedCount = Int(following - first)
            // The index is derived and unsynced: if it does not lead to the end of the segment (after a power cut
            // it can have the right size and zeroed entries), rebuild it from the segment before judging.
            if let indexed = try lastFrameOffset(layout, first: first, expectedCount: expectedCount),
                try sealedSegment(file, endsAfterFrameAt: indexed)
            {
                continue
            }
            let entries = try DerivedFiles.rebuildIndex(layout, first: first, sha: sha)
            guard entries.count == expectedCount else {
                throw LedgerError(
                    .corrupt,
                    "\(name) holds \(entries.count) records but the next segment starts at "
                        + "seq \(following): records \(first + UInt64(entries.count))..<\(following) are missing"
                )
            }
            guard try sealedSegment(file, endsAfterFrameAt: UInt64(entries.last!.frameOffset)) else {
                throw LedgerError(
                    .corrupt,
                    "\(name) is \(try file.size()) bytes but its last record ends earlier: a sealed segment was "
                        + "extended"
                )
            }
            try DerivedFiles.writeIndex(layout, first: first, entries: entries)
        }
    }

    /// Whether the frame at `offset` is the last thing in `file`.
    private static func sealedSegment(_ file: LedgerFile, endsAfterFrameAt offset: UInt64) throws(LedgerError) -> Bool {
        let size = try file.size()
        guard offset + 4 <= size else { return false }
        let length = UInt64(BigEndian.read(UInt32.self, from: try file.read(at: offset, count: 4), at: 0))
        return offset + 4 + length + UInt64(Hash.byteCount) == size
    }

    /// The frame offset of a sealed segment's last record, read from its index file, or `nil` when the index does
    /// not hold exactly `expectedCount` entries (then it is rebuilt from the segment).
    private static func lastFrameOffset(
        _ layout: LedgerLayout,
        first: UInt64,
        expectedCount: Int
    ) throws(LedgerError) -> UInt64? {
        let path = layout.indexPath(first)
        guard expectedCount > 0, Directory.exists(path) else { return nil }
        let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
        defer { file.close() }
        guard try file.size() == UInt64(expectedCount * RecordIndex.entrySize) else { return nil }
        let bytes = try file.read(at: UInt64((expectedCount - 1) * RecordIndex.entrySize + 16), count: 4)
        return UInt64(BigEndian.read(UInt32.self, from: bytes, at: 0))
    }
}
