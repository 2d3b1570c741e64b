public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reading a child process's output pipe with `read(2)` directly. Foundation's `availableData` stops the process
/// (`try!`) when a read is interrupted by a signal (`EINTR`), which the runtime's backtracer sends to every thread
/// when another thread crashes: one crash then hid behind a second one.
public enum PipeRead {
    /// The next bytes of `handle` (up to 64 KiB), waiting for them; empty at the end of the stream or on an error
    /// other than an interruption, which is retried.
    public static func some(_ handle: FileHandle) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[..<count]) }
            if count < 0 && errno == EINTR { continue }
            return Data()
        }
    }
}
