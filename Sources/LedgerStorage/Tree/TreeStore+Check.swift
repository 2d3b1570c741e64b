public import LedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full check of the tree files, and the note (`tree/checked`) that lets an open skip it.
///
/// The cheap check on open (``TreeStore/matches(_:)``) reads a few nodes: it cannot see a hash changed in the
/// middle of a level. The full check reads every level and rehashes every node from its two children, O(n), so an
/// open runs it only when the tree files may have changed since a writer last closed them: `close` writes
/// `tree/checked` with the size, inode, change time and modification time of every level file and the boot id,
/// and an open that finds each the same trusts the files. A byte changed by anyone changes the file's change time
/// (which `utimensat` cannot set back); a crash leaves no note (the open removes it); a power cut changes the boot
/// id. Without a valid note, the open checks every node and rebuilds the files from the segments if one is wrong.
extension TreeStore {
    static let checkedFileName = "checked"

    /// The first node whose stored hash is not the hash of its two children, or a level of the wrong length, for a
    /// tree of `frontier.size` leaves; `nil` when every complete node is consistent and the perfect subtrees'
    /// roots are the frontier's. Together these mean the files hold exactly the tree of the leaves the frontier
    /// commits to (else SHA-256 would have a collision).
    public func firstInconsistency(_ frontier: MerkleFrontier, sha: SHA256) throws(LedgerError) -> String? {
        guard try matches(frontier) else {
            return "the level lengths or the frontier's subtree roots do not match the head (size \(frontier.size))"
        }
        let chunk: UInt64 = 1 << 15
        var level = 1
        while frontier.size >> UInt64(level) > 0 {
            let parents = frontier.size >> UInt64(level)
            var start: UInt64 = 0
            while start < parents {
                let end = min(parents, start + chunk)
                let stored = try nodes(level: level, start..<end)
                let children = try nodes(level: level - 1, 2 * start..<2 * end)
                for offset in 0..<Int(end - start) {
                    let computed = sha.nodeHash(children[2 * offset], children[2 * offset + 1])
                    if computed != stored[offset] {
                        return "tree/\(TreeStore.fileName(level: level)) holds "
                            + "\(stored[offset].hex) for node \(start + UInt64(offset)), but its children in "
                            + "tree/\(TreeStore.fileName(level: level - 1)) hash to \(computed.hex)"
                    }
                }
                start = end
            }
            level += 1
        }
        return nil
    }

    /// Nodes `indices` of `level`, read with one `pread`.
    private func nodes(level: Int, _ indices: Range<UInt64>) throws(LedgerError) -> [Hash] {
        let name = "tree/" + TreeStore.fileName(level: level)
        let count = Int(indices.count) * Hash.byteCount
        let bytes = try file(level: level).read(upTo: count, at: indices.lowerBound * UInt64(Hash.byteCount))
        guard bytes.count == count else {
            throw LedgerError(.corrupt, "\(name) ends before node \(indices.upperBound - 1)")
        }
        return stride(from: 0, to: count, by: Hash.byteCount).map { Hash(bytes: bytes[$0..<$0 + Hash.byteCount])! }
    }

    /// Whether `tree/checked` describes the level files exactly as they are now, for a tree of `size` leaves.
    static func checkIsCurrent(_ layout: LedgerLayout, size: UInt64) -> Bool {
        guard let saved = try? Directory.readFile(layout.treeDirectory + "/" + checkedFileName, limit: 1 << 16)
        else { return false }
        return saved == checkNote(layout, size: size)
    }

    /// Writes `tree/checked` for the files as they are now (best effort, not synced: a lost or torn note only
    /// costs the next open a full check).
    static func recordCheck(_ layout: LedgerLayout, size: UInt64) {
        let path = layout.treeDirectory + "/" + checkedFileName
        Directory.removeFile(path)
        guard let note = checkNote(layout, size: size) else { return }
        if !writeNewFile(path, note) { Directory.removeFile(path) }
    }

    /// Removes `tree/checked`, so that the next open for writing checks every node (a writer that opens the files
    /// for writing, or anyone who found them damaged).
    public static func distrust(_ layout: LedgerLayout) {
        Directory.removeFile(layout.treeDirectory + "/" + checkedFileName)
    }

    /// The note for the level files as they are now: one line per existing level file, with what any change to
    /// it changes; `nil` when a file cannot be examined.
    private static func checkNote(_ layout: LedgerLayout, size: UInt64) -> [UInt8]? {
        var text = "groupledger tree check v1\nsize \(size)\nboot \(bootID())\n"
        for level in 0..<64 {
            var info = stat()
            let path = layout.treeDirectory + "/" + fileName(level: level)
            guard lstat(path, &info) == 0 else {
                if errno == ENOENT { break }
                return nil
            }
            guard info.st_mode & 0o170000 == 0o100000 else { return nil }  // a regular file, not a link
            text +=
                "\(fileName(level: level)) \(info.st_dev) \(info.st_ino) \(info.st_size) "
                + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
        }
        return Array(text.utf8)
    }

    /// This boot's id (Linux), so that a note written before a power cut never vouches for files whose unsynced
    /// writes were lost with it.
    private static func bootID() -> String {
        let bytes = readSmallFile("/proc/sys/kernel/random/boot_id")
        return String(decoding: bytes, as: UTF8.self).filter { $0.isHexDigit || $0 == "-" }
    }
}

/// Creates `path` (never following a link) holding `bytes`; whether all of it was written.
private func writeNewFile(_ path: String, _ bytes: [UInt8]) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { Descriptor.close(descriptor, name: path) }
    return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
}

/// The first bytes (at most 64) of a file whose `stat` size says nothing, such as one in `/proc`; empty if it
/// cannot be read.
private func readSmallFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return [] }
    defer { Descriptor.close(descriptor, name: path) }
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    return count > 0 ? Array(buffer.prefix(count)) : []
}
