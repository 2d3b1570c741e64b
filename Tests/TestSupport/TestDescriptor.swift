#if canImport(Glibc)
import Glibc
#endif

/// Closing a test's own descriptors as the library's `Descriptor.close` closes the ledger's: once.
public enum TestDescriptor {
    /// Closes `descriptor` (a negative one, a failed `open`, is left alone), stopping the process if it was not
    /// open: it was closed before, and a second close could have closed another thread's file under that number.
    public static func close(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        if Glibc.close(descriptor) != 0 && errno == EBADF {
            fatalError("closed descriptor \(descriptor) twice: it was no longer open")
        }
    }
}
