#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closing a file descriptor, the one way every file of the ledger and of its front ends is closed.
public enum Descriptor {
    /// Closes `descriptor` with `close(2)`: a negative descriptor (a failed `open`) is left alone, an interrupted
    /// close is not retried (Linux has released the descriptor already), and other errors are ignored (the
    /// descriptor is released either way; what had to be durable was synced before).
    ///
    /// `EBADF` stops the process: the descriptor was closed before. Had another thread opened a file in between,
    /// `open` would have handed it that lowest free number and this close would have closed it instead — a segment,
    /// an index, a lock — silently. The check catches the double closes that happen not to meet such a reuse, so
    /// that they are found in tests; the guarantee itself is that every owner closes its descriptor once.
    public static func close(_ descriptor: Int32, name: @autoclosure () -> String) {
        guard descriptor >= 0 else { return }
        if systemClose(descriptor) != 0 && errno == EBADF {
            fatalError(
                "closed descriptor \(descriptor) (\(name())) twice: it was no longer open; a double close can close "
                    + "another thread's file"
            )
        }
    }

    private static func systemClose(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }
}
