public import LedgerCore
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file of the ledger, named by its path relative to the ledger root so that every error says which file.
///
/// A thin wrapper of the system calls: each method names the call it makes. A failed call throws a
/// ``LedgerError`` with code `.io` (or `.syncFailed` for `fsync`/`fdatasync`) and the `errno` text as cause.
public struct LedgerFile: Sendable {
    /// The open descriptor.
    public let descriptor: FileDescriptor
    /// The path relative to the ledger root, for messages.
    public let name: String

    /// Opens `path` (absolute or relative to the working directory) with `open(2)` and `O_CLOEXEC`.
    ///
    /// A file of the ledger is opened with `O_NOFOLLOW | O_NONBLOCK` and must be a regular file: a symbolic link
    /// put in place of `lock`, an index, a tree level or a content file would otherwise redirect the writer's
    /// writes to the link's target, and a FIFO would block a reader for ever. `followLinks` is for files the user
    /// names (an input, a checkpoint to compare with), which may be links.
    ///
    /// - Throws: ``LedgerError`` `.missingInput` when it does not exist, `.cannotCreate` when it exists and
    ///   `exclusiveCreate` was asked, `.refused` for a symbolic link or a file that is not a regular file, `.io`
    ///   otherwise.
    public static func open(
        _ path: String,
        name: String,
        _ mode: FileDescriptor.AccessMode,
        options: FileDescriptor.OpenOptions = [],
        permissions: FilePermissions? = nil,
        followLinks: Bool = false
    ) throws(LedgerError) -> LedgerFile {
        var options = options.union(.closeOnExec)
        if !followLinks { options.formUnion([.noFollow, .nonBlocking]) }
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), mode, options: options, permissions: permissions)
        } catch {
            let errno = error as? Errno
            if errno == .tooManySymbolicLinkLevels && !followLinks {
                throw LedgerError(
                    .refused,
                    "cannot open \(name): it is a symbolic link, and a ledger's files must be plain files (a link "
                        + "could redirect the writer's writes); replace it with the file it stands for",
                    cause: errno?.description
                )
            }
            let code: LedgerError.Code =
                switch errno {
                case .noSuchFileOrDirectory: .missingInput
                case .fileExists: .cannotCreate
                default: .io
                }
            throw LedgerError(code, "cannot open \(name)", cause: errno?.description ?? "\(error)")
        }
        let file = LedgerFile(descriptor: fd, name: name)
        if !followLinks {
            var st = stat()
            guard fstat(fd.rawValue, &st) == 0 else {
                let error = Self.error("fstat", name)
                file.close()
                throw error
            }
            guard st.st_mode & S_IFMT == S_IFREG else {
                file.close()
                throw LedgerError(
                    .refused,
                    "cannot use \(name): it is not a regular file (a FIFO, a device, a socket or a directory); a "
                        + "ledger's files are plain files: move it away"
                )
            }
        }
        return file
    }

    /// Closes the descriptor; errors are ignored because every write that matters was synced before.
    public func close() { try? descriptor.close() }

    /// The file size from `fstat(2)`.
    public func size() throws(LedgerError) -> UInt64 {
        var st = stat()
        guard fstat(descriptor.rawValue, &st) == 0 else { throw Self.error("fstat", name) }
        return UInt64(st.st_size)
    }

    /// The permission bits from `fstat(2)`.
    public func mode() throws(LedgerError) -> UInt32 {
        var st = stat()
        guard fstat(descriptor.rawValue, &st) == 0 else { throw Self.error("fstat", name) }
        return UInt32(st.st_mode) & 0o7777
    }

    /// Sets the permission bits with `fchmod(2)`.
    public func changeMode(to mode: UInt32) throws(LedgerError) {
        guard fchmod(descriptor.rawValue, mode_t(mode)) == 0 else { throw Self.error("fchmod", name) }
    }

    /// Reads exactly `count` bytes at `offset` with `pread(2)`, looping over short reads.
    public func read(at offset: UInt64, count: Int) throws(LedgerError) -> [UInt8] {
        let out = try read(upTo: count, at: offset)
        guard out.count == count else {
            throw LedgerError(
                .io,
                "\(name): expected \(count) bytes at offset \(offset), the file ended after \(out.count)"
            )
        }
        return out
    }

    /// Reads up to `count` bytes at `offset`; fewer where the file ends.
    public func read(upTo count: Int, at offset: UInt64) throws(LedgerError) -> [UInt8] {
        guard count > 0 else { return [] }  // see JSONParserEngine.closeArray: no zero-capacity initializer
        var failure: LedgerError?
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(LedgerError) {
                initialized = try read(at: offset, into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return out
    }

    /// Reads up to `buffer.count` bytes at `offset` with `pread(2)`; returns how many were read (fewer at the end).
    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(LedgerError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(
                descriptor.rawValue,
                buffer.baseAddress! + done,
                buffer.count - done,
                off_t(offset) + off_t(done)
            )
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.error("pread", name)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads the whole file.
    public func readAll() throws(LedgerError) -> [UInt8] {
        try read(upTo: Int(try size()), at: 0)
    }

    /// Writes all of `bytes` at `offset` with `pwrite(2)`, looping over short writes.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: UInt64) throws(LedgerError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(
                descriptor.rawValue,
                bytes.baseAddress! + done,
                bytes.count - done,
                off_t(offset) + off_t(done)
            )
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.error("pwrite", name)
            }
            done += n
        }
    }

    /// Writes all of `bytes` at `offset` with `pwrite(2)`.
    public func write(_ bytes: [UInt8], at offset: UInt64) throws(LedgerError) {
        var failure: LedgerError?
        bytes.withUnsafeBytes { buffer in
            do throws(LedgerError) { try write(buffer, at: offset) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Flushes the file's data (and the size, if it changed) to stable storage with `fdatasync(2)`.
    ///
    /// A failure is final: the kernel may already have dropped the dirty pages, so a retry could succeed without
    /// the data being on disk. Callers must stop acknowledging writes.
    public func syncData() throws(LedgerError) {
        guard fdatasync(descriptor.rawValue) == 0 else {
            let cause = String(cString: strerror(errno))
            throw LedgerError(
                .syncFailed,
                "fdatasync of \(name) failed; nothing after the last acknowledged append "
                    + "is durable and this writer has stopped",
                cause: cause
            )
        }
    }

    /// Flushes data and metadata with `fsync(2)`; used for directories after creating or renaming a file in them.
    public func sync() throws(LedgerError) {
        guard fsync(descriptor.rawValue) == 0 else {
            let cause = String(cString: strerror(errno))
            throw LedgerError(.syncFailed, "fsync of \(name) failed; the writer has stopped", cause: cause)
        }
    }

    /// Sets the file size with `ftruncate(2)`.
    public func truncate(to size: UInt64) throws(LedgerError) {
        guard ftruncate(descriptor.rawValue, off_t(size)) == 0 else { throw Self.error("ftruncate", name) }
    }

    /// Takes an exclusive, non-blocking `flock(2)`; returns `false` when another open file description holds it.
    public func tryLockExclusive() throws(LedgerError) -> Bool {
        if flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw Self.error("flock", name)
    }

    static func error(_ call: String, _ name: String) -> LedgerError {
        let err = errno
        let cause = "\(call): \(String(cString: strerror(err)))"
        if err == ENOSPC || err == EDQUOT {
            return LedgerError(.io, "\(name): the disk is full; free space and append again", cause: cause)
        }
        return LedgerError(.io, "\(name): \(call) failed", cause: cause)
    }
}
