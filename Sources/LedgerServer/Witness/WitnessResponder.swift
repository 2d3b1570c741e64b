import HTTPTypes
import Hummingbird
import LedgerStorage
import Logging
import NIOCore
import NIOPosix

/// Answers `POST <prefix>/add-checkpoint` through a ``LedgerStorage/WitnessEndpoint``: reads at most the
/// endpoint's body limit (413 beyond it, declared or streamed), runs the blocking `respond(to:)` on a thread pool,
/// and sends its status, `Content-Type`, `Retry-After` and body as they are. Any other path is 404 and any other
/// method 405.
struct WitnessResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let endpoint: WitnessEndpoint
    let path: String
    let threads: NIOThreadPool
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.uri.path == path else {
            return Self.text(.notFound, "no endpoint at \(request.uri.path); a witness answers POST \(path)\n")
        }
        guard request.method == .post else {
            var response = Self.text(.methodNotAllowed, "\(path) answers POST only (C2SP tlog-witness)\n")
            response.headers[.allow] = "POST"
            return response
        }
        let limit = endpoint.maximumBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return tooLarge(limit)
        }
        var body: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard body.count + buffer.readableBytes <= limit else { return tooLarge(limit) }
                body += buffer.readableBytesView
            }
        } catch {
            return Self.text(.badRequest, "the body could not be read: \(error)\n")
        }
        let endpoint = self.endpoint
        let received = body
        let answer: WitnessResponse
        do {
            answer = try await threads.runIfActive { endpoint.respond(to: received) }
        } catch {
            var response = Self.text(.serviceUnavailable, "the witness is stopping; send the request again\n")
            response.headers[.retryAfter] = "1"
            return response
        }
        log(answer)
        return Self.response(answer)
    }

    /// The HTTP response for `answer`, exactly as the endpoint gave it.
    static func response(_ answer: WitnessResponse) -> Response {
        var headers: HTTPFields = [.contentLength: String(answer.body.count)]
        if let type = answer.contentType { headers[.contentType] = type }
        if let seconds = answer.retryAfterSeconds { headers[.retryAfter] = String(seconds) }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }

    private func tooLarge(_ limit: Int) -> Response {
        logger.notice("413: an add-checkpoint body over \(limit) bytes was refused")
        return Self.text(.contentTooLarge, "the body is larger than the \(limit)-byte limit\n")
    }

    /// Logs why the endpoint answered as it did: refusals that may show a misbehaving log more loudly.
    private func log(_ answer: WitnessResponse) {
        let line: Logger.Message = "\(answer.status): \(answer.message)"
        switch answer.status {
        case 200: logger.info(line)
        case 403, 422: logger.warning(line)
        case 500...: logger.error(line)
        default: logger.notice(line)
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        let bytes = Array(text.utf8)
        return Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(bytes.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
