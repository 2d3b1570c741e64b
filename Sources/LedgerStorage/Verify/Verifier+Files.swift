#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Verifier {
    /// The problem with `path` if it is anything but a regular file, found with `lstat(2)` before it is opened, so
    /// that a FIFO, a device or a symbolic link in the ledger is refused with its path instead of blocking `verify`
    /// or leading it to a file outside the ledger. A file that does not exist is no problem here: opening it
    /// reports that.
    func notARegularFile(_ path: String, name: String, seq: UInt64?) -> Failure? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        guard type != S_IFREG else { return nil }
        let what =
            switch type {
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFLNK: "a symbolic link"
            case S_IFDIR: "a directory"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "not a regular file"
            }
        return fail(
            .notARegularFile,
            "\(name) is \(what), not a regular file: the ledger's files are regular files, so it was put there; "
                + "verify does not read it",
            file: name,
            seq: seq,
            expected: "a regular file",
            found: what
        )
    }
}
