import LedgerCore
import SystemPackage

extension IdIndex {
    /// The ids of records `0..<size`: the saved runs that cover a prefix of this history without a gap, and the
    /// ids after them read from the index files (saved as runs along the way, so memory stays bounded even when no
    /// run was saved before). Files that are not part of that chain — a run of another history or past `size`, two
    /// runs a merge replaced, an unfinished `.tmp`, the `ids.table` of versions before runs — are removed.
    static func load(
        _ layout: LedgerLayout,
        segments: [UInt64],
        size: UInt64,
        runSize: Int,
        tree: TreeStore
    ) throws(LedgerError) -> IdIndex {
        var index = IdIndex(layout, runSize: runSize)
        func leafHash(_ seq: UInt64) -> Hash? {
            try? tree.hashes(of: [TreeNode(level: 0, index: seq)]).first
        }
        var candidates: [(first: UInt64, end: UInt64, name: String)] = []
        for name in try Directory.list(layout.indexDirectory, name: "index") {
            if let range = IdRun.range(ofFileName: name) {
                candidates.append((range.first, range.end, name))
            } else if name == "ids.table" || (name.hasPrefix("ids.") && name.hasSuffix(".run.tmp")) {
                Directory.removeFile(layout.indexDirectory + "/" + name)
            }
        }
        // The longest run at each start first, so that a merge whose old runs a crash left behind is preferred.
        candidates.sort { $0.first != $1.first ? $0.first < $1.first : $0.end > $1.end }
        for candidate in candidates {
            let path = layout.indexDirectory + "/" + candidate.name
            if candidate.first == index.recentFirst, candidate.end <= size,
                let run = IdRun.open(path, name: "index/" + candidate.name, first: candidate.first, end: candidate.end)
            {
                if run.anchor == leafHash(candidate.end - 1) {
                    index.runs.append(run)
                    continue
                }
                run.close()
            }
            Directory.removeFile(path)
        }
        do {
            try index.loadRecent(segments: segments, size: size, leafHash: leafHash)
        } catch {
            index.close()
            throw error
        }
        return index
    }

    /// Reads the ids of records `recentFirst..<size` from the index files into the table, saving a run each time
    /// it fills (best effort: a run that cannot be saved leaves its ids in the table).
    private mutating func loadRecent(
        segments: [UInt64],
        size: UInt64,
        leafHash: (UInt64) -> Hash?
    ) throws(LedgerError) {
        let covered = recentFirst
        for (position, first) in segments.enumerated() {
            let next = position + 1 < segments.count ? segments[position + 1] : UInt64.max
            guard next > covered else { continue }
            let path = layout.indexPath(first)
            guard Directory.exists(path) else { continue }
            let file = try LedgerFile.open(path, name: layout.relative(path), .readOnly)
            defer { file.close() }
            let length = Int(try file.size())
            let skip = min(covered > first ? Int(covered - first) * RecordIndex.entrySize : 0, length)
            let bytes = try file.read(upTo: length - skip, at: UInt64(skip))
            let firstSeq = first + UInt64(skip / RecordIndex.entrySize)
            for (position, entry) in RecordIndex.entries(bytes).enumerated() {
                let seq = firstSeq + UInt64(position)
                guard seq < size else { break }
                insert(entry.id, seq: seq)
                if saveDue, let anchor = leafHash(seq) {
                    try? saveRun(end: seq + 1, anchor: anchor)
                }
            }
        }
    }
}
