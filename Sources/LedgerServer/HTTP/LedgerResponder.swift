import Hummingbird

/// Answers every request through ``Endpoints``, then writes its access-log line and counts it.
struct LedgerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let endpoints: Endpoints
    let observer: RequestObserver

    func respond(to request: Request, context: Context) async throws -> Response {
        await observer.observe(request) { exchange in await endpoints.answer(request, &exchange) }
    }
}
