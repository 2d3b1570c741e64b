#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells one version of a file from another without reading it: its inode, size and modification time. A file
/// replaced by a rename, or rewritten, has another identity.
public struct FileIdentity: Sendable, Hashable {
    public let inode: UInt64
    public let size: Int64
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int

    /// The identity of the file at `path` itself (a symbolic link is not followed), or `nil` when there is none.
    public init?(path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        #if canImport(Darwin)
        modifiedSeconds = st.st_mtimespec.tv_sec
        modifiedNanoseconds = st.st_mtimespec.tv_nsec
        #else
        modifiedSeconds = st.st_mtim.tv_sec
        modifiedNanoseconds = st.st_mtim.tv_nsec
        #endif
    }
}
