import LedgerCore
import SystemPackage

/// Reads runs of consecutive node hashes from the ledger's tree files (`tree/level-NN`, see ``TreeStore``), where
/// node `(level, index)` is the 32 bytes at `32 × index`: a hash tile is one `pread` of `32 × width` bytes.
///
/// Read-only; the files are opened on first use and closed by ``close()``.
final class TreeLevelReader {
    let layout: LedgerLayout
    private var files: [Int: LedgerFile] = [:]

    init(_ layout: LedgerLayout) {
        self.layout = layout
    }

    deinit { close() }

    func close() {
        for file in files.values { file.close() }
        files.removeAll()
    }

    /// The hashes of nodes `indices` at tree level `level`, and their bytes; throws `.corrupt` if the tree file
    /// does not reach that far (it is rebuilt when the ledger is next opened for writing).
    func hashes(level: Int, _ indices: Range<UInt64>) throws(LedgerError) -> (hashes: [Hash], bytes: [UInt8]) {
        let name = "tree/" + TreeStore.fileName(level: level)
        let file: LedgerFile
        if let open = files[level] {
            file = open
        } else {
            do {
                file = try LedgerFile.open(
                    layout.treeDirectory + "/" + TreeStore.fileName(level: level),
                    name: name,
                    .readOnly
                )
            } catch  where error.code == .missingInput {
                throw LedgerError(
                    .corrupt,
                    "\(name) is missing; open the ledger for writing to rebuild the tree files",
                    cause: error.cause
                )
            }
            files[level] = file
        }
        let count = Int(indices.count) * Hash.byteCount
        let bytes = try file.read(upTo: count, at: indices.lowerBound * UInt64(Hash.byteCount))
        guard bytes.count == count else {
            throw LedgerError(
                .corrupt,
                "\(name) holds \(indices.lowerBound + UInt64(bytes.count / Hash.byteCount)) hashes, fewer than the "
                    + "\(indices.upperBound) needed; open the ledger for writing to rebuild the tree files"
            )
        }
        return (try HashTile.decode(bytes, name: name), bytes)
    }
}
