// A load client for `groupledger serve` (Benchmarks/serve-bench.sh): CLIENTS threads, each on its own keep-alive
// connection to 127.0.0.1:PORT, post REQUESTS bodies of EVENTS envelopes each (every event id unique) to
// /v1/events and wait for each answer before the next. Prints acknowledged events per second and the p50/p99
// latency of the answers; any answer but 200 is counted and printed.
//
//   serve-load PORT TOKEN CLIENTS REQUESTS EVENTS LABEL
//   serve-load --dump FILE CLIENTS REQUESTS EVENTS LABEL      writes the same events as JSON Lines instead
//
// Plain POSIX sockets and threads, so that the client costs little next to the server on the same two cores.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
let dump = arguments.count == 7 && arguments[1] == "--dump"
guard arguments.count == 7, let port = dump ? 0 : UInt16(arguments[1]), let clients = Int(arguments[3]),
    let requests = Int(arguments[4]), let eventsPerRequest = Int(arguments[5])
else {
    FileHandle.standardError.write(Data("usage: serve-load PORT TOKEN CLIENTS REQUESTS EVENTS LABEL\n".utf8))
    exit(64)
}
let token = arguments[2]
let label = arguments[6]

func body(client: Int, request: Int) -> [UInt8] {
    var text = ""
    for event in 0..<eventsPerRequest {
        let id = "\(label):\(client):\(request):\(event)"
        text += #"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","#
            + #""actor":"7301000000000000\#(client % 1000)","group":"g-\#(client % 7)","#
            + #""data":{"kind":"text","message":"\#(id)"},"content":{"text":"Báo cáo tiến độ \#(id)"}}"# + "\n"
    }
    return Array(text.utf8)
}

/// One keep-alive connection.
struct Connection {
    let fd: Int32
    let token: String

    init(port: UInt16, token: String) {
        self.token = token
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if connected != 0 {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(Data("serve-load: cannot connect to 127.0.0.1:\(port): \(reason)\n".utf8))
            exit(69)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Posts `body` and returns the status of the answer.
    func post(_ body: [UInt8]) -> Int {
        let head =
            "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/x-ndjson\r\nContent-Length: \(body.count)\r\n\r\n"
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return -1 }
            sent += n
        }
        // Reads the head, then exactly Content-Length bytes of body.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        var length = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return -1 }
            received += buffer[0..<n]
            if headEnd == nil, let end = find(received, Array("\r\n\r\n".utf8)) {
                headEnd = end + 4
                let text = String(decoding: received[0..<end], as: UTF8.self).lowercased()
                for line in text.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let headEnd, received.count >= headEnd + length {
                let status = String(decoding: received[9..<12], as: UTF8.self)
                return Int(status) ?? -1
            }
        }
    }

    func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<i + needle.count].elementsEqual(needle) {
            return i
        }
        return nil
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Double] = []
    private var failures: [Int: Int] = [:]
    func add(_ milliseconds: Double, status: Int) {
        lock.withLock {
            if status == 200 { latencies.append(milliseconds) } else { failures[status, default: 0] += 1 }
        }
    }
    var acknowledged: Int { lock.withLock { latencies.count } }
    var refused: [Int: Int] { lock.withLock { failures } }
    func percentile(_ p: Double) -> Double {
        lock.withLock {
            let sorted = latencies.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }
}

let bodies = (0..<clients).map { client in (0..<requests).map { body(client: client, request: $0) } }
if dump {
    FileManager.default.createFile(atPath: arguments[2], contents: Data(bodies.joined().joined()))
    exit(0)
}
let results = Results()
let done = DispatchGroup()
let started = Date()
for client in 0..<clients {
    done.enter()
    Thread {
        defer { done.leave() }
        let connection = Connection(port: port, token: token)
        defer { close(connection.fd) }
        for request in 0..<requests {
            let begun = Date()
            let status = connection.post(bodies[client][request])
            results.add(Date().timeIntervalSince(begun) * 1000, status: status)
            if status < 0 { return }
        }
    }.start()
}
done.wait()
let seconds = Date().timeIntervalSince(started)
let events = results.acknowledged * eventsPerRequest
print(
    "\(label): clients=\(clients) events_per_request=\(eventsPerRequest) acknowledged_events=\(events) "
        + "seconds=\(String(format: "%.3f", seconds)) events_per_s=\(Int(Double(events) / seconds)) "
        + "p50_ms=\(String(format: "%.2f", results.percentile(0.5))) "
        + "p99_ms=\(String(format: "%.2f", results.percentile(0.99))) refused=\(results.refused)"
)
