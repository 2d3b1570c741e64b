import CKernel
public import LedgerCore
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls on an open file that swift-system does not offer: `fchmod`, `fdatasync`, `fsync`, `sync_file_range`
/// and `flock`.
extension LedgerFile {
    /// Sets the permission bits with `fchmod(2)`.
    public func changeMode(to mode: UInt32) throws(LedgerError) {
        guard fchmod(descriptor.rawValue, mode_t(mode)) == 0 else {
            throw Self.error("fchmod", name, Errno(rawValue: errno))
        }
    }

    /// Flushes the file's data (and the size, if it changed) to stable storage with `fdatasync(2)`.
    ///
    /// A failure is final: the kernel may already have dropped the dirty pages, so a retry could succeed without
    /// the data being on disk. Callers must stop acknowledging writes. It is made once, even when interrupted.
    public func syncData() throws(LedgerError) {
        guard fdatasync(descriptor.rawValue) == 0 else {
            let code = errno
            throw LedgerError(
                .syncFailed,
                "fdatasync of \(name) failed; nothing after the last acknowledged append "
                    + "is durable and this writer has stopped",
                at: .init(file: name),
                cause: SystemCallError("fdatasync", errno: code)
            )
        }
    }

    /// Asks the kernel to start writing `count` bytes at `offset` to the disk now, without waiting
    /// (`sync_file_range(2)` with `SYNC_FILE_RANGE_WRITE`; nothing on systems without it), so that a later
    /// ``syncData()`` has less left to wait for. A hint only: it makes nothing durable, and its result is not
    /// looked at, since a write-back error is kept by the kernel for the next `fdatasync` of the file to report.
    public func startWriteBack(at offset: UInt64, count: Int) {
        _ = groupledger_start_writeback(descriptor.rawValue, Int64(offset), Int64(count))
    }

    /// Flushes data and metadata with `fsync(2)`; used for directories after creating or renaming a file in them.
    /// Like ``syncData()``, it is never retried.
    public func sync() throws(LedgerError) {
        guard fsync(descriptor.rawValue) == 0 else {
            let code = errno
            throw LedgerError(
                .syncFailed,
                "fsync of \(name) failed; the writer has stopped",
                at: .init(file: name),
                cause: SystemCallError("fsync", errno: code)
            )
        }
    }

    /// Takes an exclusive, non-blocking `flock(2)`; returns `false` when another open file description holds it.
    public func tryLockExclusive() throws(LedgerError) -> Bool {
        if flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == 0 { return true }
        let failure = Errno(rawValue: errno)
        if failure == .wouldBlock { return false }
        throw Self.error("flock", name, failure)
    }
}
