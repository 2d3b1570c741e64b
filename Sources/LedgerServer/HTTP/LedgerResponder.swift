import Hummingbird
import LedgerStorage

/// Answers every request through ``Endpoints``, then writes its access-log line and counts it.
struct LedgerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let endpoints: Endpoints
    let accessLog: AccessLog

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let time = SystemClock.unixMillis()
        var exchange = Exchange()
        let response = await endpoints.answer(request, &exchange)
        let elapsed = ContinuousClock.now - started
        let status = response.status.code
        endpoints.metrics.request(route: exchange.route, status: status)
        accessLog.record(
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
