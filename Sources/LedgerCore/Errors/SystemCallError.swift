#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed: its name and the `errno` it set, shown as `call: strerror(errno)`.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call, such as `pwrite` or `fdatasync`.
    public let call: String
    /// The `errno` value, such as `ENOSPC`.
    public let errno: Int32

    public init(_ call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String { "\(call): \(String(cString: strerror(errno)))" }
}
