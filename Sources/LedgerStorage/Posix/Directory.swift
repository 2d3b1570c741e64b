public import LedgerCore
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directory operations the ledger needs and swift-system does not offer: create, list, rename, remove, and the
/// `fsync` of a directory that makes a newly created or renamed entry durable.
public enum Directory {
    /// Creates `path` with `mkdir(2)`, mode `mode` (0755 unless told). Succeeds quietly if it already exists and
    /// `existingOK`.
    public static func create(
        _ path: String,
        name: String,
        existingOK: Bool = false,
        mode: UInt16 = 0o755
    ) throws(LedgerError) {
        if mkdir(path, mode_t(mode)) == 0 { return }
        let failure = errno
        if failure == EEXIST && existingOK { return }
        let code: LedgerError.Code = failure == EEXIST ? .cannotCreate : .io
        throw LedgerError(code, "cannot create directory \(name)", cause: SystemCallError("mkdir", errno: failure))
    }

    /// The directory that holds `path`: `.` for a bare name.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads a whole file of at most `limit` bytes: by default one the user named (an input; links are followed),
    /// with `followLinks: false` one of a ledger's or witness's own files (see ``LedgerFile/open(_:name:_:options:permissions:followLinks:)``).
    public static func readFile(
        _ path: String,
        limit: Int = 64 << 20,
        followLinks: Bool = true
    ) throws(LedgerError) -> [UInt8] {
        let file = try LedgerFile.open(path, name: path, .readOnly, followLinks: followLinks)
        defer { file.close() }
        guard try file.size() <= UInt64(limit) else {
            throw LedgerError(.badInput, "\(path) is larger than \(limit) bytes")
        }
        return try file.readAll()
    }

    /// Whether `path` exists (any kind of file).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The permission bits of the directory `path` itself (a symbolic link is not followed).
    ///
    /// - Throws: `.missingInput` when it does not exist, `.refused` when it is a link or not a directory.
    public static func mode(ofDirectory path: String, name: String) throws(LedgerError) -> UInt32 {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            let failure = errno
            let code: LedgerError.Code = failure == ENOENT ? .missingInput : .io
            throw LedgerError(code, "cannot examine \(name)", cause: SystemCallError("lstat", errno: failure))
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw LedgerError(
                .refused,
                "\(name) is "
                    + (st.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a directory")
                    + "; it must be a plain directory of the ledger (a link could redirect the writer's files)"
            )
        }
        return UInt32(st.st_mode) & 0o7777
    }

    /// The permission bits of `path` itself (a link is not followed), or `nil` when it does not exist.
    static func mode(of path: String) -> UInt32? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode) & 0o7777
    }

    /// Whether `path` is a symbolic link (dangling or not).
    public static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// Removes a directory tree this process made (a copy that failed), without following links in it.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR, let names = try? list(path, name: path) {
            for name in names { removeTree(path + "/" + name) }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    /// Whether `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory, without `.` and `..`, sorted bytewise.
    public static func list(_ path: String, name: String) throws(LedgerError) -> [String] {
        guard let dir = opendir(path) else {
            let failure = errno
            let code: LedgerError.Code = failure == ENOENT ? .missingInput : .io
            throw LedgerError(code, "cannot list \(name)", cause: SystemCallError("opendir", errno: failure))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if entryName != "." && entryName != ".." { names.append(entryName) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Flushes the directory entry table with `fsync(2)`, after a file in it was created or renamed.
    public static func sync(_ path: String, name: String) throws(LedgerError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            let failure = errno
            throw LedgerError(.io, "cannot open directory \(name)", cause: SystemCallError("open", errno: failure))
        }
        defer { Descriptor.close(fd, name: name) }
        guard fsync(fd) == 0 else {
            let failure = errno
            throw LedgerError(
                .syncFailed,
                "fsync of directory \(name) failed; the writer has stopped",
                cause: SystemCallError("fsync", errno: failure)
            )
        }
    }

    /// Renames with `rename(2)`; atomic within one file system.
    public static func rename(_ from: String, _ to: String, name: String) throws(LedgerError) {
        guard Glibc.rename(from, to) == 0 else {
            let failure = errno
            throw LedgerError(.io, "cannot rename to \(name)", cause: SystemCallError("rename", errno: failure))
        }
    }

    /// Removes a file with `unlink(2)`; a missing file is not an error.
    public static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    /// Writes `bytes` to `path` durably and atomically: a temporary file, `fsync`, `rename`, `fsync` of the
    /// directory. A reader sees the old file or the new one, never a mix.
    public static func writeAtomically(
        _ bytes: [UInt8],
        to path: String,
        directory: String,
        name: String,
        permissions: UInt16 = 0o644
    ) throws(LedgerError) {
        try writeAtomically(
            to: path,
            directory: directory,
            name: name,
            permissions: FilePermissions(rawValue: CModeT(permissions))
        ) { (file) throws(LedgerError) in
            try file.write(bytes, at: 0)
        }
    }

    /// Writes `path` durably and atomically from `write`, which fills the new file it is given (for content written
    /// in pieces): into `path + temporarySuffix`, created anew (a leftover, or a link planted there, is removed
    /// first, and the exclusive create refuses what appears in between), then `fsync`, `rename` and `fsync` of the
    /// directory. A failure before the rename removes the temporary file.
    public static func writeAtomically(
        to path: String,
        temporarySuffix: String = ".tmp",
        directory: String,
        name: String,
        permissions: FilePermissions,
        _ write: (LedgerFile) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        let temporary = path + temporarySuffix
        removeFile(temporary)
        let file = try LedgerFile.open(
            temporary,
            name: name + temporarySuffix,
            .writeOnly,
            options: [.create, .exclusiveCreate],
            permissions: permissions
        )
        do {
            defer { file.close() }
            try write(file)
            try file.sync()
            try rename(temporary, path, name: name)
        } catch {
            removeFile(temporary)
            throw error
        }
        try sync(directory, name: directory)
    }
}
