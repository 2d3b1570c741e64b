import LedgerStorage

#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a server on 127.0.0.1, for tests that must send what no HTTP client would: a request
/// head that never ends, a body that trickles in, a request from a test without an HTTP client. Every read waits
/// at most `timeoutSeconds`. Its calls block: a test whose server runs in the same process makes them from a thread
/// of its own, not from the concurrency pool the server needs. One connection is used by one thread at a time.
public final class RawHTTP: @unchecked Sendable {
    /// An answer: status, headers (names lowercased) and body.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    private let socket: Int32

    /// Connects to `127.0.0.1:port`.
    ///
    /// The socket is stored only once connected: an initializer that throws after every stored property is set
    /// runs `deinit`, which would close the socket a second time — by then possibly another thread's file under
    /// the same number (a connection refused on purpose did exactly that to a concurrent test's ledger file).
    public init(port: Int, timeoutSeconds: Int = 60) throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let failure = String(cString: strerror(errno))
            Descriptor.close(descriptor, name: "a socket to port \(port)")
            throw Failure(description: "connect to port \(port): \(failure)")
        }
        socket = descriptor
    }

    deinit { Descriptor.close(socket, name: "a socket to 127.0.0.1") }

    /// Sends all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Whether the server closed the connection: waits for the end of the stream, reading and dropping anything
    /// before it; `false` when the wait ran out first.
    public func waitForClose() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    /// Reads one response whose body has a `Content-Length`.
    public func receive() throws -> Response {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        func more() throws {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                throw Failure(description: count == 0 ? "the server closed the connection" : "recv timed out or failed")
            }
            data += buffer[..<count]
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            try more()
            headEnd = data.indices.dropLast(3).first { Array(data[$0..<$0 + 4]) == separator }
        }
        let head = String(decoding: data[..<headEnd!], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw Failure(description: "not an HTTP response: \(head.first ?? "")") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headEnd! + 4
        while data.count < bodyStart + length { try more() }
        return Response(status: status, headers: headers, body: Array(data[bodyStart..<bodyStart + length]))
    }

    /// Sends one request with `Connection: close` and reads its response.
    public static func request(
        port: Int,
        _ method: String,
        _ path: String,
        headers: [String: String] = [:],
        body: [UInt8] = []
    ) throws -> Response {
        let connection = try RawHTTP(port: port)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        try connection.send(Array((head + "\r\n").utf8) + body)
        return try connection.receive()
    }

    /// A socket bound to a free port of 127.0.0.1 that never accepts: it holds the port. Listening (the default),
    /// connections wait in its backlog; not listening, every connection to the port is refused.
    public final class Listener {
        public let port: Int
        private let socket: Int32

        public init(listening: Bool = true) throws {
            let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && (!listening || listen(descriptor, 1) == 0)
                        && getsockname(descriptor, $0, &length) == 0
                }
            }
            guard descriptor >= 0, bound else {
                let failure = String(cString: strerror(errno))
                Descriptor.close(descriptor, name: "a listening socket")
                throw Failure(description: "cannot listen on 127.0.0.1: \(failure)")
            }
            socket = descriptor
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { Descriptor.close(socket, name: "a listening socket on port \(port)") }
    }
}
