import HTTPTypes
import Hummingbird

/// The web view's answers, every one with the security headers of ``securityHeaders``.
enum WebReply {
    /// No script may run, nothing may load from elsewhere, no page may frame ours, and forms post only to us.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    /// Sent with every web answer: the policy, no type sniffing, no referrer leaking a record's URL, no caching
    /// of what a session may read.
    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy, HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer", .cacheControl: "no-store",
        ]
    }

    /// An HTML page.
    static func html(_ status: HTTPResponse.Status, _ page: String, cookies: [String] = []) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return bytes(status, Array(page.utf8), headers: headers, cookies: cookies)
    }

    /// 303 to `location` (a path of this site).
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        return bytes(.seeOther, [], headers: headers, cookies: cookies)
    }

    /// Any other answer of the web view (the style sheet, a proof download), with the security headers.
    static func bytes(
        _ status: HTTPResponse.Status,
        _ body: [UInt8],
        headers: HTTPFields,
        cookies: [String] = []
    ) -> Response {
        var fields = securityHeaders
        for field in headers { fields[field.name] = field.value }
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
        return Reply.bytesResponse(status, body, headers: fields)
    }
}
