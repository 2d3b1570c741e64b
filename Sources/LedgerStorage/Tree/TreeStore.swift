public import LedgerCore
import SystemPackage

/// Every complete node of the ledger's Merkle tree, one file per level (`tree/level-00` holds the leaf hashes,
/// `tree/level-01` the hashes of leaf pairs, and so on): node `(level, index)` is the 32 bytes at `32 × index`.
///
/// With it, an inclusion or consistency proof at any size costs O(log n) reads of 32 bytes, and opening a ledger
/// never rehashes it. The files are derived data, like the index: written after each acknowledged append without
/// a sync, checked against the head's frontier on open, and rebuilt from the segments when they disagree.
public final class TreeStore: TreeHashReader, @unchecked Sendable {
    public let directory: String
    private var files: [Int: LedgerFile] = [:]
    private let writable: Bool

    /// Opens the store in `layout`, creating the directory if `writable`.
    public init(_ layout: LedgerLayout, writable: Bool) throws(LedgerError) {
        directory = layout.treeDirectory
        self.writable = writable
        if writable { try Directory.create(directory, name: "tree", existingOK: true) }
    }

    deinit { close() }

    public func close() {
        for file in files.values { file.close() }
        files.removeAll()
    }

    static func fileName(level: Int) -> String { level < 10 ? "level-0\(level)" : "level-\(level)" }

    func file(level: Int) throws(LedgerError) -> LedgerFile {
        if let file = files[level] { return file }
        let path = directory + "/" + TreeStore.fileName(level: level)
        let file = try LedgerFile.open(
            path,
            name: "tree/" + TreeStore.fileName(level: level),
            writable ? .readWrite : .readOnly,
            options: writable ? [.create] : [],
            permissions: writable ? FilePermissions(rawValue: 0o644) : nil
        )
        files[level] = file
        return file
    }

    /// Writes the nodes that an append completed: one `pwrite` per level.
    func write(_ runs: TreeRuns) throws(LedgerError) {
        for (level, run) in runs.levels.enumerated() where !run.hashes.isEmpty {
            try file(level: level).write(run.hashes, at: run.start * UInt64(Hash.byteCount))
        }
    }

    /// How many node hashes level `level` holds.
    public func count(level: Int) throws(LedgerError) -> UInt64 {
        let path = directory + "/" + TreeStore.fileName(level: level)
        guard Directory.exists(path) else { return 0 }
        return try file(level: level).size() / 32
    }

    /// Cuts every level to what a tree of `size` leaves has complete: after a recovery cut records off, or an
    /// append that wrote its nodes ahead of its commit was abandoned.
    public func truncate(toTreeSize size: UInt64) throws(LedgerError) {
        for level in 0..<64 {
            let keep = size >> UInt64(level)
            let count = try count(level: level)
            if count > keep { try file(level: level).truncate(to: keep * 32) }
            // A level with no nodes has none above it; a level that had more than it keeps may have some.
            if keep == 0 && count == 0 { break }
        }
    }

    /// Whether the files hold exactly the complete nodes of the tree that `frontier` describes, and agree with
    /// its subtree roots. A cheap check (a few reads), not a proof that every stored hash is right.
    public func matches(_ frontier: MerkleFrontier) throws(LedgerError) -> Bool {
        for level in 0..<64 {
            let expected = frontier.size >> UInt64(level)
            guard try count(level: level) == expected else { return false }
            if expected == 0 { break }
        }
        for (node, hash) in zip(frontier.nodes, frontier.hashes) {
            let stored = try? hashes(of: [node])
            guard stored == [hash] else { return false }
        }
        return true
    }

    public func hashes(of nodes: [TreeNode]) throws -> [Hash] {
        var out: [Hash] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            let bytes = try file(level: node.level).read(upTo: 32, at: node.index * 32)
            guard let hash = Hash(bytes: bytes) else {
                throw LedgerError(
                    .corrupt,
                    "tree/\(TreeStore.fileName(level: node.level)) has no hash for node "
                        + "\(node.index); reopen the ledger for writing to rebuild the tree files"
                )
            }
            out.append(hash)
        }
        return out
    }
}
