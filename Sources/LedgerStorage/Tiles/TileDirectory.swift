import LedgerCore
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory a tlog-tiles tree is published in, served as the log's prefix: `checkpoint` and `tile/…`.
///
/// Every file is written with ``Directory/writeAtomically(_:to:directory:name:permissions:)``, so a web server
/// or a sync to an object store never sees half a file, and every directory it creates is made durable in its
/// parent. Paths are relative to ``root``; messages name them below it.
final class TileDirectory {
    /// The directory, as given.
    let root: String
    private var lockFile: LedgerFile?
    /// Directories known to exist, relative to the root, so that each is created (or checked) once.
    private var existing: Set<String> = [""]

    /// The directory at `root`, created (with mode 0755, not its parents) if it does not exist.
    init(root: String) throws(LedgerError) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        if !Directory.isDirectory(self.root) {
            try Directory.create(self.root, name: self.root, existingOK: true)
            guard Directory.isDirectory(self.root) else {
                throw LedgerError(.cannotCreate, "\(self.root) exists and is not a directory")
            }
        }
    }

    deinit { unlock() }

    /// `relative` as a path to open; the root itself for the empty path.
    func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    /// The directory holding `relative`, relative to the root: empty for a file at the top.
    private static func parent(of relative: String) -> String {
        relative.lastIndex(of: "/").map { String(relative[..<$0]) } ?? ""
    }

    /// Takes an exclusive `flock(2)` on the directory itself, so that two publishers never interleave their
    /// writes; throws `.locked` if another process holds it. Held until ``unlock()``.
    func lock() throws(LedgerError) {
        let file = try LedgerFile.open(root, name: root, .readOnly, followLinks: true)
        // A lock just released can stay held for a moment by a child being spawned (it shares every descriptor
        // until its `exec`): try for up to 100 ms before refusing. (The writer lock does the same only when its
        // note names this process or nobody; a publisher's lock has no note, so every contention waits.)
        for attempt in 0..<20 {
            if attempt > 0 { usleep(5_000) }
            let taken: Bool
            do throws(LedgerError) { taken = try file.tryLockExclusive() } catch {
                file.close()
                throw error
            }
            if taken {
                lockFile = file
                return
            }
        }
        file.close()
        throw LedgerError(.locked, "another `groupledger publish` is writing to \(root); try again when it is done")
    }

    /// Releases the lock of ``lock()``.
    func unlock() {
        lockFile?.close()
        lockFile = nil
    }

    /// The bytes of `relative`, or `nil` if there is no such file.
    func read(_ relative: String) throws(LedgerError) -> [UInt8]? {
        try TileDirectory.readIfPresent(path(relative))
    }

    /// The bytes of the file at `path`, or `nil` if there is none.
    static func readIfPresent(_ path: String) throws(LedgerError) -> [UInt8]? {
        do {
            return try Directory.readFile(path)
        } catch  where error.code == .missingInput {
            return nil
        }
    }

    /// Writes `bytes` to `relative` atomically and durably, creating its directories first.
    func write(_ bytes: [UInt8], to relative: String) throws(LedgerError) {
        let parent = TileDirectory.parent(of: relative)
        try createDirectories(parent)
        try Directory.writeAtomically(bytes, to: path(relative), directory: path(parent), name: path(relative))
    }

    /// Creates `relative` and each missing directory above it, syncing each parent that gained an entry.
    private func createDirectories(_ relative: String) throws(LedgerError) {
        guard !existing.contains(relative) else { return }
        let parent = TileDirectory.parent(of: relative)
        try createDirectories(parent)
        if !Directory.isDirectory(path(relative)) {
            try Directory.create(path(relative), name: path(relative), existingOK: true)
            try Directory.sync(path(parent), name: path(parent))
        }
        existing.insert(relative)
    }

    /// Removes the directory `relative` (a tile's `<N>.p`) with the partial tiles in it, and returns how many
    /// files that was. Only names that are tile widths, or their `.tmp` leftovers, are removed; a directory
    /// holding anything else is left in place.
    func removePartials(in relative: String) throws(LedgerError) -> Int {
        guard Directory.isDirectory(path(relative)) else { return 0 }
        var removed = 0
        for name in try Directory.list(path(relative), name: path(relative)) {
            let width = name.hasSuffix(".tmp") ? String(name.dropLast(4)) : name
            guard let value = Int(width), (1..<Tile.fullWidth).contains(value), String(value) == width else { continue }
            guard unlink(path(relative + "/" + name)) == 0 || errno == ENOENT else {
                throw LedgerError(
                    .io,
                    "cannot remove \(path(relative + "/" + name))",
                    cause: SystemCallError("unlink", errno: errno)
                )
            }
            if !name.hasSuffix(".tmp") { removed += 1 }
        }
        _ = rmdir(path(relative))
        let parent = TileDirectory.parent(of: relative)
        try Directory.sync(path(parent), name: path(parent))
        return removed
    }
}
