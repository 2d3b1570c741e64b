import Hummingbird
import LedgerStorage

/// Writes each answered request's access-log line and counts it by route and status: the same for
/// `groupledger serve` and `groupledger witness serve`.
struct RequestObserver: Sendable {
    /// The access log, or `nil` for none (`witness serve` without `--access-log`).
    let accessLog: AccessLog?
    let metrics: any MetricsRegistry

    /// Answers `request` with `answer`, which notes in its ``Exchange`` what the log and the metrics need, then
    /// logs and counts the answer.
    func observe(_ request: Request, _ answer: (inout Exchange) async -> Response) async -> Response {
        let started = ContinuousClock.now
        let time = SystemClock.unixMillis()
        var exchange = Exchange()
        let response = await answer(&exchange)
        let elapsed = ContinuousClock.now - started
        let status = response.status.code
        metrics.request(route: exchange.route, status: status)
        accessLog?.record(
            AccessLog.Entry(
                time: time,
                token: exchange.token,
                method: request.method.rawValue,
                path: request.uri.path,
                status: status,
                bytesIn: exchange.bytesIn,
                bytesOut: response.body.contentLength ?? 0,
                durationMillis: Double(elapsed.components.seconds) * 1000
                    + Double(elapsed.components.attoseconds) / 1e15
            )
        )
        return response
    }
}
