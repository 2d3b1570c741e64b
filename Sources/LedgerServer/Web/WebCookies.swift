import HTTPTypes

/// The web view's cookies: reading a request's, and writing `Set-Cookie` values.
///
/// Every cookie is `HttpOnly; SameSite=Strict; Path=/`, and `Secure` when the request came through TLS (the reverse
/// proxy's `X-Forwarded-Proto: https`, `deploy/nginx`).
struct WebCookies {
    /// The session cookie: the session id, until the browser closes (the server ends it sooner: ``SessionStore``).
    static let session = "gl_session"
    /// The chosen language, `vi` or `en`, for a year.
    static let language = "gl_lang"

    private let values: [String: String]

    /// The cookies of `headers` (every `Cookie` field); of a repeated name, the first.
    init(_ headers: HTTPFields) {
        var values: [String: String] = [:]
        for field in headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmed()
                if values[name] == nil { values[name] = parts[1].trimmed() }
            }
        }
        self.values = values
    }

    subscript(name: String) -> String? { values[name] }

    /// A `Set-Cookie` value for `name`; `maxAge` 0 deletes the cookie, `nil` keeps it until the browser closes.
    static func set(_ name: String, _ value: String, maxAge: Int? = nil, secure: Bool) -> String {
        var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if secure { text += "; Secure" }
        return text
    }
}

extension Substring {
    fileprivate func trimmed() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
