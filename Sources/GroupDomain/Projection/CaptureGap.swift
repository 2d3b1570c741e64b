import LedgerCore

/// A window in which a vantage account saw nothing: from its `capture.stopped` to its next `capture.started`.
///
/// "No reply seen" inside a gap is not "no reply".
public struct CaptureGap: Sendable, Codable, Hashable {
    /// The vantage account.
    public let account: String
    /// The `capture.stopped` record that opened the gap.
    public let from: EventMark
    /// The close code of that stop.
    public let code: Int?
    /// The `capture.started` record that closed it; `nil` while the capture is still stopped.
    public var to: EventMark?

    public init(account: String, from: EventMark, code: Int?, to: EventMark? = nil) {
        self.account = account
        self.from = from
        self.code = code
        self.to = to
    }

    /// Whether the gap overlaps the window `[start, end]` (Unix milliseconds of event time); an open gap runs on
    /// for ever.
    public func overlaps(start: Int64, end: Int64) -> Bool {
        from.time.unixMillis <= end && (to?.time.unixMillis ?? Int64.max) >= start
    }
}
