import HTTPTypes
import Hummingbird
import LedgerStorage
import Logging
import NIOCore
import NIOPosix

/// Answers `POST <prefix>/add-checkpoint` through a ``LedgerStorage/WitnessEndpoint``, for `groupledger witness
/// serve` and for `groupledger serve --witness-dir` alike: reads at most the endpoint's body limit (413 beyond it,
/// declared or streamed), runs the blocking `respond(to:)` on a thread pool, and sends its status, `Content-Type`,
/// `Retry-After` and body as they are. Each answer is logged with its reason and counted by result.
///
/// The caller routes: only requests whose path is ``path`` and whose method is `POST` come here. No token is asked
/// for: C2SP tlog-witness authenticates the checkpoint's signature, not the client.
struct AddCheckpointHandler: Sendable {
    let endpoint: WitnessEndpoint
    /// `<prefix>/add-checkpoint`.
    let path: String
    let threads: NIOThreadPool
    let metrics: any MetricsRegistry
    let logger: Logger

    /// The path of the endpoint under the submission prefix `prefix` (empty, or `/` and a path not ending in `/`).
    static func path(prefix: String) -> String { prefix + "/add-checkpoint" }

    /// Answers one request, adding the body bytes read to `bytesIn`.
    func answer(_ request: Request, bytesIn: inout Int) async -> Response {
        let response = await cosign(request, bytesIn: &bytesIn)
        metrics.addCheckpointAnswered(status: response.status.code)
        return response
    }

    private func cosign(_ request: Request, bytesIn: inout Int) async -> Response {
        let limit = endpoint.maximumBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return tooLarge(limit)
        }
        var body: [UInt8] = []
        do {
            for try await buffer in request.body {
                bytesIn += buffer.readableBytes
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

    /// A plain-text answer.
    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        let bytes = Array(text.utf8)
        return Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(bytes.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
