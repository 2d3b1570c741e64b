public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reading a child process's output pipe with `poll(2)` and `read(2)` directly. Foundation's `availableData` waits
/// without a limit, and stops the process (`try!`) when a read is interrupted by a signal (`EINTR`), which the
/// runtime's backtracer sends to every thread when another thread crashes: one crash then hid behind a second one.
public enum PipeRead {
    /// The next bytes of `handle` (up to 64 KiB), waiting for them until `deadline` (for ever without one); empty
    /// at the end of the stream, at the deadline, or on an error other than an interruption, which is retried.
    public static func some(_ handle: FileHandle, until deadline: Date? = nil) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let deadline {
                let left = Int32(max(0, min(deadline.timeIntervalSinceNow * 1000, Double(Int32.max))))
                var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
                let polled = poll(&ready, 1, left)
                if polled < 0 && errno == EINTR { continue }
                if polled <= 0 { return Data() }
            }
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[..<count]) }
            if count < 0 && errno == EINTR { continue }
            return Data()
        }
    }
}
