/// Every capture session and every gap between them, per vantage account.
public struct CaptureLog: Sendable, Codable, Equatable {
    /// Sessions in ledger order.
    public private(set) var sessions: [CaptureSession] = []
    /// Gaps in ledger order.
    public private(set) var gaps: [CaptureGap] = []
    /// The open session of each account, as a position in `sessions`.
    private var open: [String: Int] = [:]
    /// The open gap of each account, as a position in `gaps`.
    private var openGap: [String: Int] = [:]

    public init() {}

    /// Records a `capture.started`: closes the account's open gap and opens a session.
    mutating func start(account: String, session: String?, at mark: EventMark) {
        if let gap = openGap.removeValue(forKey: account) { gaps[gap].to = mark }
        open[account] = sessions.count
        sessions.append(CaptureSession(account: account, session: session, started: mark))
    }

    /// Records a `capture.stopped`: closes the account's open session (or records a stop without a start) and
    /// opens a gap.
    mutating func stop(account: String, session: String?, code: Int?, reason: String?, at mark: EventMark) {
        let position: Int
        if let current = open.removeValue(forKey: account) {
            position = current
        } else {
            position = sessions.count
            sessions.append(CaptureSession(account: account, session: session, started: nil))
        }
        sessions[position].stopped = mark
        sessions[position].code = code
        sessions[position].reason = reason
        if openGap[account] == nil {
            openGap[account] = gaps.count
            gaps.append(CaptureGap(account: account, from: mark, code: code))
        }
    }

    /// The gaps that overlap `[start, end]` (Unix milliseconds of event time).
    public func gaps(overlapping start: Int64, _ end: Int64) -> [CaptureGap] {
        gaps.filter { $0.overlaps(start: start, end: end) }
    }
}
