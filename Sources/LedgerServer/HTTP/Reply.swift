import HTTPTypes
import Hummingbird
import LedgerCore
import NIOCore

/// Builds the server's answers: JSON for the API, plain text for probes.
enum Reply {
    /// A JSON object, one line.
    static func json(
        _ status: HTTPResponse.Status,
        _ members: [(key: String, value: JSONValue)],
        headers: HTTPFields = [:]
    ) -> Response {
        var bytes = JCS.serialize(.object(JSONObject(members: members)))
        bytes.append(0x0a)
        var fields = headers
        fields[.contentType] = "application/json"
        return bytesResponse(status, bytes, headers: fields)
    }

    /// `{"error": message, …}`: what went wrong and what to do, with any `extra` members (the line, byte and
    /// field of a refused unit).
    static func problem(
        _ status: HTTPResponse.Status,
        _ message: String,
        extra: [(key: String, value: JSONValue)] = [],
        headers: HTTPFields = [:]
    ) -> Response {
        json(status, [("error", .string(message))] + extra, headers: headers)
    }

    /// 503 with `Retry-After`.
    static func unavailable(_ message: String, retryAfter: Int) -> Response {
        problem(.serviceUnavailable, message, headers: [.retryAfter: String(retryAfter)])
    }

    /// Plain text.
    static func text(
        _ status: HTTPResponse.Status,
        _ text: String,
        contentType: String = "text/plain; charset=utf-8"
    )
        -> Response
    {
        bytesResponse(status, Array(text.utf8), headers: [.contentType: contentType])
    }

    static func bytesResponse(_ status: HTTPResponse.Status, _ bytes: [UInt8], headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentLength] = String(bytes.count)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
