public import LedgerCore
public import SystemPackage

/// An open file of the ledger, named by its path relative to the ledger root so that every error says which file.
///
/// A thin wrapper of the system calls, made through swift-system where it has them (`open`, `pread`, `pwrite`,
/// `fstat`, `ftruncate`), through ``Descriptor`` for `close`, and through the C library for the rest (see
/// `FileHandle+Kernel.swift`): each
/// method names the call it makes. A failed call throws a ``LedgerError`` with code `.io` (or `.syncFailed` for
/// `fsync`/`fdatasync`), the file (and the offset of a read or write) as location and a ``SystemCallError`` as
/// cause.
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
                    at: .init(file: name),
                    cause: errno.map { SystemCallError("open", errno: $0.rawValue) }
                )
            }
            let code: LedgerError.Code =
                switch errno {
                case .noSuchFileOrDirectory: .missingInput
                case .fileExists: .cannotCreate
                default: .io
                }
            throw LedgerError(
                code,
                "cannot open \(name)",
                at: .init(file: name),
                cause: errno.map { SystemCallError("open", errno: $0.rawValue) } ?? error
            )
        }
        let file = LedgerFile(descriptor: fd, name: name)
        if !followLinks {
            let type: FileType
            do throws(LedgerError) { type = try file.status().type } catch {
                file.close()
                throw error
            }
            guard type == .regular else {
                file.close()
                throw LedgerError(
                    .refused,
                    "cannot use \(name): it is not a regular file (a FIFO, a device, a socket or a directory); a "
                        + "ledger's files are plain files: move it away",
                    at: .init(file: name)
                )
            }
        }
        return file
    }

    /// Closes the descriptor (see ``Descriptor/close(_:name:)``: a second close stops the process).
    public func close() { Descriptor.close(descriptor.rawValue, name: name) }

    /// The file size from `fstat(2)`.
    public func size() throws(LedgerError) -> UInt64 {
        UInt64(try status().size)
    }

    /// The permission bits from `fstat(2)`.
    public func mode() throws(LedgerError) -> UInt32 {
        UInt32(try status().permissions.rawValue) & 0o7777
    }

    /// The file's `fstat(2)`.
    private func status() throws(LedgerError) -> Stat {
        do { return try descriptor.stat() } catch { throw Self.error("fstat", name, error) }
    }

    /// Reads exactly `count` bytes at `offset` with `pread(2)`, looping over short reads.
    public func read(at offset: UInt64, count: Int) throws(LedgerError) -> [UInt8] {
        let out = try read(upTo: count, at: offset)
        guard out.count == count else {
            throw LedgerError(
                .io,
                "\(name): expected \(count) bytes at offset \(offset), the file ended after \(out.count)",
                at: .init(file: name, offset: offset)
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

    /// Reads up to `buffer.count` bytes at `offset` with `pread(2)` (retried when interrupted), looping over short
    /// reads; returns how many were read: fewer only where the file ends.
    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(LedgerError) -> Int {
        var done = 0
        while done < buffer.count {
            let count: Int
            do {
                count = try descriptor.read(
                    fromAbsoluteOffset: Int64(offset) + Int64(done),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
                )
            } catch {
                throw Self.error("pread", name, error, offset: offset + UInt64(done))
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Reads the whole file.
    public func readAll() throws(LedgerError) -> [UInt8] {
        try read(upTo: Int(try size()), at: 0)
    }

    /// Writes all of `bytes` at `offset` with `pwrite(2)`, looping over short writes and retrying interrupted ones.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: UInt64) throws(LedgerError) {
        do { try descriptor.writeAll(toAbsoluteOffset: Int64(offset), bytes) } catch {
            throw Self.error("pwrite", name, error, offset: offset)
        }
    }

    /// Writes all of `bytes` at `offset` with `pwrite(2)`.
    public func write(_ bytes: [UInt8], at offset: UInt64) throws(LedgerError) {
        do { try descriptor.writeAll(toAbsoluteOffset: Int64(offset), bytes) } catch {
            throw Self.error("pwrite", name, error, offset: offset)
        }
    }

    /// Sets the file size with `ftruncate(2)` (retried when interrupted).
    public func truncate(to size: UInt64) throws(LedgerError) {
        do { try descriptor.resize(to: Int64(size)) } catch { throw Self.error("ftruncate", name, error) }
    }

    /// The error of a failed `call` on the file `name` (at `offset` for a read or write): `.io`, with the file and
    /// offset as location and the call and its `errno` as cause.
    static func error(_ call: String, _ name: String, _ error: any Error, offset: UInt64? = nil) -> LedgerError {
        let location = LedgerError.Location(file: name, offset: offset)
        guard let errno = error as? Errno else {
            return LedgerError(.io, "\(name): \(call) failed", at: location, cause: error)
        }
        let cause = SystemCallError(call, errno: errno.rawValue)
        if errno == .noSpace || errno == .diskQuotaExceeded {
            return LedgerError(
                .io,
                "\(name): the disk is full; free space and append again",
                at: location,
                cause: cause
            )
        }
        return LedgerError(.io, "\(name): \(call) failed", at: location, cause: cause)
    }
}
