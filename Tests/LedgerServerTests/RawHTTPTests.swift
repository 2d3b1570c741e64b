import TestSupport
import Testing

/// The tests' raw HTTP client must not close a descriptor twice: a refused connection once closed its socket in
/// the initializer and again in `deinit`, and the second close took a concurrent test's ledger file with it
/// ("LEDGER: fstat failed (Bad file descriptor)").
@Suite struct RawHTTPTests {
    /// In a child process, where a second close stops the process (`Descriptor.close`): the refused
    /// connection throws, and the process ends normally. The port is held by a socket that does not listen, so no
    /// other process can take it in between.
    @Test func aRefusedConnectionClosesItsSocketOnce() async {
        await #expect(processExitsWith: .success) {
            let refusing = try RawHTTP.Listener(listening: false)
            #expect(throws: RawHTTP.Failure.self) { _ = try RawHTTP(port: refusing.port) }
            withExtendedLifetime(refusing) {}
        }
    }
}
