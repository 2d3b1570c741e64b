import Foundation
import TestSupport

/// ``RawHTTP``'s blocking calls on a thread of their own: the server under test runs in this process on the
/// concurrency pool, which a blocked read would starve (two cores give the pool two threads).
extension RawHTTP {
    /// Runs `body` on a new thread and waits for it without blocking the pool.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// ``receive()`` off the pool.
    func response() async throws -> Response { try await RawHTTP.onThread { try self.receive() } }

    /// ``waitForClose()`` off the pool.
    func closed() async throws -> Bool { try await RawHTTP.onThread { self.waitForClose() } }

    /// ``request(port:_:_:headers:body:)`` off the pool.
    static func send(port: Int, _ method: String, _ path: String) async throws -> Response {
        try await onThread { try request(port: port, method, path) }
    }
}
