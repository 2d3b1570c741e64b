import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The tests' raw HTTP client must not close a descriptor twice: a refused connection once closed its socket in
/// the initializer and again in `deinit`, and the second close took a concurrent test's ledger file with it
/// ("LEDGER: fstat failed (Bad file descriptor)").
@Suite struct RawHTTPTests {
    /// In a child process, where a second close stops the process (`TestDescriptor.close`): the refused
    /// connection throws, and the process ends normally.
    @Test func aRefusedConnectionClosesItsSocketOnce() async {
        await #expect(processExitsWith: .success) {
            let (socket, port) = try boundButNotListening()
            defer { TestDescriptor.close(socket) }
            #expect(throws: RawHTTP.Failure.self) { _ = try RawHTTP(port: port) }
        }
    }
}

/// A TCP socket bound to a free port of 127.0.0.1 that does not listen: a connection to the port is refused, and
/// no other process can take the port while the socket is open.
private func boundButNotListening() throws -> (socket: Int32, port: Int) {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
        }
    }
    try #require(bound)
    return (socket, Int(UInt16(bigEndian: address.sin_port)))
}
