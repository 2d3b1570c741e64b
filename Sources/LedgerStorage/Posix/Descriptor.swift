#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closing a file descriptor, the one way every file of the ledger and of its front ends is closed.
public enum Descriptor {
    /// Closes `descriptor` with `close(2)`, once: a negative descriptor (a failed `open`) is left alone, an
    /// interrupted close is not retried (Linux has released the descriptor already), and any other error is
    /// ignored because every write that matters was synced before.
    ///
    /// `EBADF` stops the process: the descriptor was closed before, and since `open` hands out the lowest free
    /// number, a second close made a moment later would have closed whichever file another thread had just opened
    /// under that number — a segment, an index, a lock — and that thread's next write would land elsewhere or its
    /// lock would be gone. There is no safe way on from there.
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
