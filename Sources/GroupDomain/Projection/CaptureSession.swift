/// One capture session: a vantage account listening to its groups from `capture.started` to `capture.stopped`.
public struct CaptureSession: Sendable, Codable, Hashable {
    /// The vantage account.
    public let account: String
    /// The source's session id, when recorded.
    public let session: String?
    /// The `capture.started` record; `nil` when a stop arrived with no start before it.
    public let started: EventMark?
    /// The `capture.stopped` record, once stopped.
    public var stopped: EventMark?
    /// The close code (1000 manual, 1006 abnormal, 3000 duplicate connection, 3003 kicked).
    public var code: Int?
    /// The reason text, when recorded.
    public var reason: String?

    public init(account: String, session: String?, started: EventMark?) {
        self.account = account
        self.session = session
        self.started = started
    }
}
