import HTTPTypes
import Hummingbird

/// `groupledger witness serve`'s routes: `POST <prefix>/add-checkpoint` through an ``AddCheckpointHandler`` and
/// `GET /metrics`; another method on either is 405 and any other path 404. Every request is written to the access
/// log, if there is one, and counted in the metrics.
struct WitnessResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: AddCheckpointHandler
    let metrics: WitnessServerMetrics
    let observer: RequestObserver

    func respond(to request: Request, context: Context) async throws -> Response {
        await observer.observe(request) { exchange in await route(request, &exchange) }
    }

    private func route(_ request: Request, _ exchange: inout Exchange) async -> Response {
        let path = request.uri.path
        switch path {
        case handler.path:
            exchange.route = handler.path
            guard request.method == .post else { return Self.only(.post, path, "C2SP tlog-witness") }
            return await handler.answer(request, bytesIn: &exchange.bytesIn)
        case "/metrics":
            exchange.route = path
            guard request.method == .get else { return Self.only(.get, path, "Prometheus text") }
            return Reply.bytesResponse(
                .ok,
                metrics.render(),
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"]
            )
        default:
            return AddCheckpointHandler.text(
                .notFound,
                "no endpoint at \(path); a witness answers POST \(handler.path) and GET /metrics\n"
            )
        }
    }

    /// 405 with `Allow`.
    private static func only(_ method: HTTPRequest.Method, _ path: String, _ what: String) -> Response {
        var response = AddCheckpointHandler.text(
            .methodNotAllowed,
            "\(path) answers \(method.rawValue) only (\(what))\n"
        )
        response.headers[.allow] = method.rawValue
        return response
    }
}
