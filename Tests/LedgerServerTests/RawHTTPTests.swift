import TestSupport
import Testing

/// The tests' raw HTTP client must not close a descriptor twice: a refused connection once closed its socket in
/// the initializer and again in `deinit`, and the second close took a concurrent test's ledger file with it
/// ("LEDGER: fstat failed (Bad file descriptor)").
@Suite struct RawHTTPTests {
    /// In a child process, where a second close stops the process (`closeOnce`): the refused connection throws,
    /// and the process ends normally.
    @Test func aRefusedConnectionClosesItsSocketOnce() async {
        await #expect(processExitsWith: .success) {
            let port = try RawHTTP.Listener().port  // free again once the listener is gone
            #expect(throws: RawHTTP.Failure.self) { _ = try RawHTTP(port: port) }
        }
    }
}
