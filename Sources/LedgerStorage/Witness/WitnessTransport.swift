/// How a ``WitnessPool`` reaches witnesses: one HTTP POST. The server supplies an implementation over its HTTP
/// client; tests supply one in memory.
///
/// Any error thrown counts as a transient failure (connection refused, reset, timed out) and is retried with
/// back-off; an HTTP status is returned, never thrown.
public protocol WitnessTransport: Sendable {
    /// POSTs `body` to `url` and returns the status, the `Content-Type` header (if any) and the body.
    ///
    /// - Parameter timeout: the longest the whole exchange may take; the implementation must give up and throw
    ///   when it passes, since the pool's time bound (``WitnessRetryPolicy/budget``) counts on it.
    func post(
        url: String,
        body: [UInt8],
        timeout: Duration
    ) async throws -> (
        status: Int, contentType: String?, body: [UInt8]
    )
}
