import LedgerCore
import SystemPackage

extension Ledger {
    /// Refuses to write through a ledger whose directories were replaced by links (which would redirect the
    /// writer's files elsewhere), or whose keys are in two places.
    static func checkDirectories(_ layout: LedgerLayout) throws(LedgerError) {
        var directories = [
            layout.segmentsDirectory, layout.contentDirectory, layout.indexDirectory, layout.quarantineDirectory,
            layout.treeDirectory, CheckpointStore(layout: layout).directory,
        ]
        if layout.keysInside {
            directories.append(layout.keysDirectory)
        } else if Directory.exists(layout.keysInsidePath) {
            throw LedgerError(
                .refused,
                "the ledger holds keys/, and the key directory given (--key-dir or $GROUPLEDGER_KEY_DIR) is another "
                    + "one, \(layout.keysDirectory): keep the keys in one place; either move every key file from "
                    + "\(layout.keysInsidePath) into \(layout.keysDirectory) and then remove the empty keys/, or "
                    + "leave out the key directory"
            )
        }
        for directory in directories where Directory.exists(directory) || Directory.isLink(directory) {
            _ = try Directory.mode(ofDirectory: directory, name: layout.relative(directory) + "/")
        }
    }

    /// Narrows the modes of segment, index and content files made by versions that created them readable by every
    /// user (FORMAT.md §Permissions), so that secret content is not left readable.
    static func narrowModes(_ layout: LedgerLayout, segments: [UInt64]) throws(LedgerError) {
        for first in segments {
            let files = [
                (layout.segmentPath(first), LedgerLayout.segmentMode),
                (layout.contentPath(first), LedgerLayout.contentMode),
                (layout.indexPath(first), LedgerLayout.segmentMode),
            ]
            // One lstat per file; only a file whose mode is too open is opened (without following links) and changed.
            for (path, allowed) in files {
                guard let mode = Directory.mode(of: path), mode & ~UInt32(allowed.rawValue) != 0 else { continue }
                let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
                defer { file.close() }
                try file.changeMode(to: try file.mode() & UInt32(allowed.rawValue))
            }
        }
    }

    /// Removes the spool files a batched ingest killed before its end left (only the writer makes them, and this
    /// one holds the lock).
    static func removeSpools(_ layout: LedgerLayout) throws(LedgerError) {
        let spools = try Directory.list(layout.root, name: layout.root).filter(LedgerLayout.isSpoolName)
        for name in spools { Directory.removeFile(layout.root + "/" + name) }
    }
}
