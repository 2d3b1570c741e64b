import LedgerCore

/// The answer of a ``WitnessEndpoint`` to one `add-checkpoint` request, for an HTTP layer to send as it is:
/// status, `Content-Type` (none when `nil`), body, and `Retry-After` when set.
public struct WitnessResponse: Sendable, Hashable {
    /// The `Content-Type` of a 409 body, C2SP tlog-witness: "The response MUST have a `Content-Type` of
    /// `text/x.tlog.size`".
    public static let sizeContentType = "text/x.tlog.size"
    /// The `Content-Type` of a 200 body: cosignature lines are signed-note lines of UTF-8 text.
    public static let cosignatureContentType = "text/plain; charset=utf-8"

    /// The HTTP status code.
    public let status: Int
    /// The `Content-Type` header, or `nil` for an empty body.
    public let contentType: String?
    /// The body: cosignature lines for 200, the witness's size and a newline for 409, empty otherwise.
    public let body: [UInt8]
    /// Seconds for a `Retry-After` header (set on 503), or `nil`.
    public let retryAfterSeconds: Int?
    /// Why, for the server's log. Never sent: it can name files of the witness.
    public let message: String

    /// A 200 answer with the cosignature lines of `cosigned`.
    static func cosigned(_ cosigned: CosignedCheckpoint) -> WitnessResponse {
        WitnessResponse(
            status: 200,
            contentType: cosignatureContentType,
            body: Array(cosigned.cosignature.line.utf8),
            retryAfterSeconds: nil,
            message: "cosigned \(cosigned.checkpoint.origin) at size \(cosigned.checkpoint.size)"
        )
    }

    /// The answer for `rejection`: its ``WitnessRejection/httpStatus``, with the witness's size for a 409 of an old
    /// size mismatch (C2SP tlog-witness: "The response body MUST consist of the tree size of the latest cosigned
    /// checkpoint in decimal, followed by a newline").
    static func rejected(_ rejection: WitnessRejection) -> WitnessResponse {
        switch rejection.reason {
        case .oldSizeMismatch(let latest), .rollback(let latest):
            WitnessResponse(
                status: 409,
                contentType: sizeContentType,
                body: Array("\(latest)\n".utf8),
                retryAfterSeconds: nil,
                message: rejection.message
            )
        case .busy:
            WitnessResponse(
                status: 503,
                contentType: nil,
                body: [],
                retryAfterSeconds: 1,
                message: rejection.message
            )
        default:
            WitnessResponse(
                status: rejection.httpStatus,
                contentType: nil,
                body: [],
                retryAfterSeconds: nil,
                message: rejection.message
            )
        }
    }

    /// A 413 answer for a body over `limit` bytes.
    static func tooLarge(limit: Int) -> WitnessResponse {
        WitnessResponse(
            status: 413,
            contentType: nil,
            body: [],
            retryAfterSeconds: nil,
            message: "the add-checkpoint body is larger than \(limit) bytes"
        )
    }

    /// The size in a 409 body of `text/x.tlog.size`: a canonical decimal and one newline, nothing else; `nil` for
    /// anything else.
    public static func witnessSize(contentType: String?, body: [UInt8]) -> UInt64? {
        guard let contentType,
            contentType.split(separator: ";").first.map({ $0.filter { $0 != " " }.lowercased() }) == sizeContentType,
            body.last == 0x0A
        else { return nil }
        return try? CanonicalDecimal.parse(body.dropLast())
    }
}
