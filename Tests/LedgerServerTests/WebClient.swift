import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A browser's part in the web view tests: a client that does not follow redirects and keeps the cookies it is
/// sent (by name, as `Set-Cookie` sets and deletes them).
final class WebClient {
    let served: Served
    /// One client for every test, never shut down (a static lives as long as the process): it follows no redirect.
    private static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )
    private(set) var cookies: [String: String] = [:]

    init(_ served: Served) { self.served = served }

    /// Sends `method path` with the cookies kept, and keeps those the answer sets.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        form: [(String, String)]? = nil,
        headers: [(String, String)] = []
    ) async throws -> Answer {
        var all = headers
        if !cookies.isEmpty {
            all.append(
                ("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            )
        }
        let body = form.map { fields in
            Array(fields.map { "\(WebClient.encode($0.0))=\(WebClient.encode($0.1))" }.joined(separator: "&").utf8)
        }
        let answer = try await served.send(
            method,
            path,
            contentType: "application/x-www-form-urlencoded",
            headers: all,
            body: body,
            client: WebClient.client
        )
        for value in answer.headers["Set-Cookie"] {
            let pair = value.split(separator: ";")[0].split(
                separator: "=",
                maxSplits: 1,
                omittingEmptySubsequences: false
            )
            let name = String(pair[0])
            if value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
        return answer
    }

    /// Logs in with `token` through the form, for `next`.
    func login(_ token: String, next: String = "/") async throws -> Answer {
        try await send(.POST, "/login", form: [("token", token), ("next", next)])
    }

    /// Forgets a cookie, or sets one by hand.
    func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

    /// Form encoding of a value (what a browser sends).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
