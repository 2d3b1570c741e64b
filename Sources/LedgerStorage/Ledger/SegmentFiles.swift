import LedgerCore
import SystemPackage

/// The three open files of one segment — records, content, index — and how far its index file is written.
struct SegmentFiles {
    var firstSeq: UInt64
    var segment: LedgerFile
    var content: LedgerFile
    var index: LedgerFile
    var indexLength: UInt64

    func close() {
        segment.close()
        content.close()
        index.close()
    }

    /// Opens the files of the existing segment that starts at `firstSeq`, whose index holds `indexEntries` entries.
    static func open(_ layout: LedgerLayout, firstSeq: UInt64, indexEntries: Int) throws(LedgerError) -> SegmentFiles {
        func open(_ path: String) throws(LedgerError) -> LedgerFile {
            try LedgerFile.open(path, name: layout.relative(path), .readWrite)
        }
        let segment = try open(layout.segmentPath(firstSeq))
        let content: LedgerFile
        do { content = try open(layout.contentPath(firstSeq)) } catch {
            segment.close()
            throw error
        }
        let index: LedgerFile
        do { index = try open(layout.indexPath(firstSeq)) } catch {
            segment.close()
            content.close()
            throw error
        }
        return SegmentFiles(
            firstSeq: firstSeq,
            segment: segment,
            content: content,
            index: index,
            indexLength: UInt64(indexEntries * RecordIndex.entrySize)
        )
    }

    /// Creates a segment (with its header, synced), its content and index files, and syncs their directories.
    static func create(
        _ layout: LedgerLayout,
        firstSeq: UInt64,
        origin: String,
        sha: SHA256
    ) throws(LedgerError) -> SegmentFiles {
        func create(_ path: String, _ permissions: FilePermissions) throws(LedgerError) -> LedgerFile {
            try LedgerFile.open(
                path,
                name: layout.relative(path),
                .readWrite,
                options: [.create, .exclusiveCreate],
                permissions: permissions
            )
        }
        let paths = [layout.segmentPath(firstSeq), layout.contentPath(firstSeq), layout.indexPath(firstSeq)]
        let modes = [LedgerLayout.segmentMode, LedgerLayout.contentMode, LedgerLayout.segmentMode]
        var created: [LedgerFile] = []
        do {
            for (path, mode) in zip(paths, modes) { created.append(try create(path, mode)) }
            try created[0].write(SegmentFormat.header(firstSeq: firstSeq, origin: origin, sha: sha), at: 0)
            try created[0].syncData()
            try created[1].syncData()
            for directory in [layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory] {
                try Directory.sync(directory, name: layout.relative(directory))
            }
        } catch {
            // Remove what was created (it holds no record), so that the next attempt can create it again; after a
            // failed sync, touch nothing more: the writer stops, and the next open quarantines a torn segment.
            for file in created { file.close() }
            if error.code != .syncFailed {
                for path in paths.prefix(created.count) { Directory.removeFile(path) }
            }
            throw error
        }
        return SegmentFiles(
            firstSeq: firstSeq,
            segment: created[0],
            content: created[1],
            index: created[2],
            indexLength: 0
        )
    }

    /// Removes the files of a segment that holds no acknowledged record: its index and content first, then the
    /// segment, so that a crash midway leaves a torn append that recovery quarantines.
    static func remove(_ layout: LedgerLayout, firstSeq: UInt64) {
        for path in [layout.indexPath(firstSeq), layout.contentPath(firstSeq), layout.segmentPath(firstSeq)] {
            Directory.removeFile(path)
        }
    }
}
