import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// The web view's sessions (`docs/SECURITY.md`, "Web view"): login with an auditor token only, the cookie's
/// attributes, redirects that stay on this site, logout, revocation, and the security headers of every page.
@Suite struct WebSessionTests {
    @Test func withoutASessionEveryPageRedirectsToLoginAndBackAfterIt() async throws {
        let served = try await Served.start("web-login")
        let browser = WebClient(served)
        let pages = [
            "/", "/records/0", "/records/0/proof", "/groups/g-1", "/people/p-1", "/findings", "/findings/R1%3Ax",
            "/directives", "/search", "/export", "/export.tar",
        ]
        for path in pages {
            let answer = try await browser.send(.GET, path)
            #expect(answer.status == 303, "\(path)")
            let next = path.replacingOccurrences(of: "%", with: "%25")
            #expect(answer.headers["Location"].first == "/login?next=" + next)
        }
        for path in ["/search?q=b%C3%A1o", "/findings?rule=R7a&status=open"] {
            let answer = try await browser.send(.GET, path)
            #expect(answer.status == 303, "\(path)")
            #expect(answer.headers["Location"].first?.hasPrefix("/login?next=") == true)
        }
        let form = try await browser.send(.GET, "/login?next=%2Frecords%2F0")
        #expect(form.status == 200)
        #expect(form.text.contains(#"<input id="token" name="token" type="password""#))
        #expect(form.text.contains(#"<input name="next" type="hidden" value="/records/0">"#))

        let login = try await browser.login(served.auditor, next: "/records/0")
        #expect(login.status == 303)
        #expect(login.headers["Location"].first == "/records/0")
        let cookie = try #require(login.headers["Set-Cookie"].first { $0.hasPrefix("gl_session=") })
        let id = cookie.dropFirst("gl_session=".count).prefix { $0 != ";" }
        #expect(id.count == 64 && id.allSatisfy(\.isHexDigit), "256 random bits")
        #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Strict"), "\(cookie)")
        #expect(try await browser.send(.GET, "/").status == 200)

        // Behind the TLS proxy (X-Forwarded-Proto: https) the cookie is Secure.
        let proxied = WebClient(served)
        let secure = try await proxied.send(
            .POST,
            "/login",
            form: [("token", served.auditor)],
            headers: [("X-Forwarded-Proto", "https")]
        )
        #expect(secure.headers["Set-Cookie"].first?.hasSuffix("; Secure") == true)
        try await served.stop()
    }

    @Test func onlyAnAuditorTokenOpensASessionAndEveryFailureIsInTheAccessLog() async throws {
        let served = try await Served.start("web-roles")
        let browser = WebClient(served)
        let importer = try await browser.login(served.importer)
        #expect(importer.status == 403)
        #expect(importer.text.contains("importer"))
        #expect(browser.cookies["gl_session"] == nil)
        let wrong = try await browser.login("glt_" + String(repeating: "0", count: 64))
        #expect(wrong.status == 401)
        #expect(wrong.text.contains(#"class="problem""#))
        #expect(browser.cookies["gl_session"] == nil)
        let bearer = try await browser.send(.GET, "/", headers: [("Authorization", "Bearer \(served.auditor)")])
        #expect(bearer.status == 303, "the web view takes a session, not a bearer token")
        #expect(try await browser.send(.POST, "/login", form: nil, headers: []).status == 415)
        _ = try await browser.login(served.auditor)
        #expect(try await browser.send(.GET, "/records/0").status == 200)

        try await served.stop(removing: false)
        defer { served.remove() }
        let log = try String(contentsOfFile: served.root + "/access.jsonl", encoding: .utf8)
        let logins = log.split(separator: "\n").filter { $0.contains(#""path":"/login""#) }
        #expect(logins.contains { $0.contains(#""status":403"#) && $0.contains(#""token":"importer-1""#) })
        #expect(logins.contains { $0.contains(#""status":401"#) && $0.contains(#""token":"-""#) })
        #expect(!log.contains("glt_"), "no token in the log")
        let reads = log.split(separator: "\n").filter {
            $0.contains(#""method":"GET","path":"/records/0","status":200"#)
        }
        #expect(reads.count == 1 && reads[0].contains(#""token":"auditor-1""#), "who read what")
    }

    @Test func nextOnlyLeadsToAPathOfThisSite() async throws {
        let served = try await Served.start("web-next")
        for next in [
            "//evil.example/", "https://evil.example/", "/\\evil.example", "http:/evil.example", "evil.example",
            "/%0d%0aSet-Cookie:x=1", "/ok path", "javascript:alert(1)",
        ] {
            let browser = WebClient(served)
            let answer = try await browser.login(served.auditor, next: next)
            let location = answer.headers["Location"].first
            #expect(answer.status == 303)
            #expect(location == "/" || location == "/%0d%0aSet-Cookie:x=1", "\(next) → \(location ?? "-")")
        }
        let browser = WebClient(served)
        #expect(
            try await browser.login(served.auditor, next: "/records/0?lang=en").headers["Location"].first
                == "/records/0?lang=en"
        )
        try await served.stop()
    }

    @Test func logoutEndsTheSessionAndRevokingTheTokenEndsItsSessions() async throws {
        let served = try await Served.start("web-end")
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let id = try #require(browser.cookies["gl_session"])
        #expect(try await browser.send(.GET, "/").status == 200)
        let logout = try await browser.send(.POST, "/logout", form: [])
        #expect(logout.status == 303)
        #expect(logout.headers["Location"].first == "/login")
        #expect(browser.cookies["gl_session"] == nil)
        browser.setCookie("gl_session", id)
        #expect(try await browser.send(.GET, "/").status == 303, "the old cookie no longer opens anything")
        #expect(try await browser.send(.GET, "/logout").status == 405)

        _ = try await browser.login(served.auditor)
        #expect(try await browser.send(.GET, "/").status == 200)
        try TokenFile(ledger: served.root).revoke(name: "auditor-1", now: 1_790_000_100_000)
        let after = try await browser.send(.GET, "/")
        #expect(after.status == 303)
        #expect(after.headers["Location"].first?.hasPrefix("/login") == true)
        #expect(try await browser.login(served.auditor).status == 401)
        try await served.stop()
    }

    @Test func everyWebAnswerCarriesTheSecurityHeaders() async throws {
        let served = try await Served.start("web-headers")
        let browser = WebClient(served)
        var answers = [
            try await browser.send(.GET, "/"), try await browser.send(.GET, "/login"),
            try await browser.send(.GET, "/static/ledger.css"), try await browser.login(served.importer),
        ]
        _ = try await browser.login(served.auditor)
        answers += [
            try await browser.send(.GET, "/"), try await browser.send(.GET, "/records/0"),
            try await browser.send(.GET, "/records/0/proof"), try await browser.send(.GET, "/records/99"),
            try await browser.send(.GET, "/static/none.css"), try await browser.send(.DELETE, "/"),
        ]
        for answer in answers {
            let policy = answer.headers["Content-Security-Policy"].first ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"))
            #expect(policy.contains("form-action 'self'") && policy.contains("base-uri 'none'"))
            #expect(!policy.contains("unsafe"))
            #expect(answer.headers["X-Content-Type-Options"].first == "nosniff")
            #expect(answer.headers["Referrer-Policy"].first == "no-referrer")
            #expect(answer.headers["Cache-Control"].first != nil)
        }
        #expect(answers[2].headers["Content-Type"].first == "text/css; charset=utf-8")
        #expect(answers[4].headers["Cache-Control"].first == "no-store")
        #expect(answers[9].status == 405)
        // The API is unchanged: a bearer token, JSON.
        let api = try await served.send(.GET, "/v1/records/0", token: served.auditor)
        #expect(api.status == 200 && api.json["proof"] != nil)
        try await served.stop()
    }

    @Test func aOneTimeLinkOpensOneSessionOnce() async throws {
        let served = try await Served.start("web-link") { $0.loginLink = true }
        let link = try #require(served.loginLink)
        #expect(link.hasPrefix("/login/once/") && link.count == "/login/once/".count + 64)
        let browser = WebClient(served)
        let first = try await browser.send(.GET, link)
        #expect(first.status == 303)
        #expect(first.headers["Location"].first == "/")
        #expect(try await browser.send(.GET, "/").status == 200)
        let again = WebClient(served)
        #expect(try await again.send(.GET, link).status == 404)
        #expect(again.cookies["gl_session"] == nil)
        let none = try await Served.start("web-nolink")
        #expect(none.loginLink == nil)
        #expect(try await none.send(.GET, "/login/once/" + String(repeating: "a", count: 64)).status == 404)
        try await none.stop()
        try await served.stop()
    }
}
