import HTTPTypes
import Hummingbird
import LedgerCore
import LedgerStorage
import NIOCore

extension Endpoints {
    /// The largest login form body.
    static let maxFormBytes = 8 << 10
    /// Who the access log names for a session opened by the one-time login link.
    static let linkHolder = "login-link"

    /// Answers a page of the web view (`docs/HTTP.md`, "Web view"): a session is needed for all but the login pages
    /// and the style sheet; without one the reader is sent to `/login` (303) and back after it.
    func web(_ page: WebRoute, _ request: Request, _ exchange: inout Exchange) async -> Response {
        exchange.route = page.name
        let cookies = WebCookies(request.headers)
        let query = Self.query(request)
        let secure = request.headers[Self.forwardedProto]?.lowercased() == "https"
        var frame = WebFrame(
            language: WebLanguage.of(query: query["lang"], cookie: cookies[WebCookies.language]),
            origin: metadata.origin,
            path: request.uri.path,
            query: query,
            readOnly: writing == nil
        )
        var response = await webPage(page, request, cookies, secure, &frame, &exchange)
        if let chosen = query["lang"].flatMap(WebLanguage.init(rawValue:)) {
            let cookie = WebCookies.set(WebCookies.language, chosen.rawValue, maxAge: 365 * 86_400, secure: secure)
            response.headers.append(HTTPField(name: .setCookie, value: cookie))
        }
        return response
    }

    /// The reverse proxy says with `X-Forwarded-Proto: https` that the request came through TLS.
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    private func webPage(
        _ page: WebRoute,
        _ request: Request,
        _ cookies: WebCookies,
        _ secure: Bool,
        _ frame: inout WebFrame,
        _ exchange: inout Exchange
    ) async -> Response {
        guard page.methods.contains(request.method.rawValue) else {
            var response = WebReply.html(.methodNotAllowed, frame.message("badRequest", "methodNotAllowed"))
            response.headers[.allow] = page.methods.joined(separator: ", ")
            return response
        }
        let sessionID = cookies[WebCookies.session]
        if let sessionID, let session = liveSession(sessionID) {
            exchange.token = session.holder
            frame.signedIn = true
        } else if page.needsSession {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return WebReply.redirect("/login?next=" + FormBody.encode(target))
        }
        switch page {
        case .asset(let name):
            return asset(name, frame)
        case .login where request.method == .get:
            return WebReply.html(.ok, loginPage(frame, next: SafeRedirect.target(frame.query["next"])))
        case .login:
            return await login(request, cookies, secure, frame, &exchange)
        case .loginOnce(let secret):
            guard let link = web.loginLink, link.redeem(secret) else {
                return WebReply.html(
                    .notFound,
                    frame.message("refused", "linkUsed", back: "/login", backLabel: "login")
                )
            }
            exchange.token = Self.linkHolder
            if let sessionID { web.sessions.close(sessionID) }
            let id = web.sessions.open(holder: Self.linkHolder, tokenDigest: nil)
            let next = SafeRedirect.target(frame.query["next"])
            return WebReply.redirect(next, cookies: [WebCookies.set(WebCookies.session, id, secure: secure)])
        case .logout:
            if let sessionID { web.sessions.close(sessionID) }
            return WebReply.redirect(
                "/login",
                cookies: [WebCookies.set(WebCookies.session, "", maxAge: 0, secure: secure)]
            )
        case .home:
            return province(frame)
        case .group(let segment):
            return groupPage(segment, frame)
        case .person(let segment):
            return personPage(segment, frame)
        case .record(let text):
            return recordPage(text, frame)
        case .recordProof(let text):
            return proofDownload(text, frame)
        case .export:
            return exportPage(frame)
        case .exportArchive:
            return exportArchive(request, frame, exchange)
        case .findings:
            return findingsPage(frame)
        case .finding(let text):
            return findingPage(text, frame)
        case .directives:
            return directivesPage(frame)
        case .search:
            return searchPage(frame)
        }
    }

    /// The session of cookie value `id` while it lasts and its token is not revoked; a session whose token was
    /// revoked (or cannot be checked: the token file is unreadable) is ended.
    private func liveSession(_ id: String) -> WebSession? {
        guard let session = web.sessions.session(id) else { return nil }
        guard let digest = session.tokenDigest else { return session }
        guard (try? tokens.active(digest)) != nil else {
            web.sessions.close(id)
            return nil
        }
        return session
    }

    // MARK: Login

    private func loginPage(_ frame: WebFrame, next: String, problem: String? = nil) -> String {
        WebTemplates.render(
            "login",
            frame.values(
                title: frame.labels["login"] ?? "",
                problem.map { ["next": next, "problem": $0] } ?? ["next": next]
            )
        )
    }

    /// `POST /login`: an auditor token opens a session (303 to `next`, a path of this site); an importer token is
    /// refused with 403, an unknown or revoked one with 401 — each logged in the access log.
    private func login(
        _ request: Request,
        _ cookies: WebCookies,
        _ secure: Bool,
        _ frame: WebFrame,
        _ exchange: inout Exchange
    ) async -> Response {
        guard BodyType.accepts(request.headers[.contentType], ["application/x-www-form-urlencoded"]) else {
            return WebReply.html(.unsupportedMediaType, frame.message("badRequest", "badForm", back: "/login"))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxFormBytes)
        } catch {
            return WebReply.html(.contentTooLarge, frame.message("badRequest", "badForm", back: "/login"))
        }
        exchange.bytesIn = body.readableBytes
        let form = FormBody.parse(Array(body.readableBytesView))
        let next = SafeRedirect.target(form["next"])
        // A token has no white space: drop what a paste brought along.
        let token = Array((form["token"] ?? "").utf8.filter { ![0x20, 0x09, 0x0a, 0x0d].contains($0) })
        let outcome: TokenCheck.Outcome
        do {
            outcome = try tokens.check(token: token)
        } catch {
            return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
        }
        switch outcome {
        case .refused:
            return WebReply.html(.unauthorized, loginPage(frame, next: next, problem: frame.labels["loginFailed"]))
        case .valid(let token):
            exchange.token = token.name
            guard token.role == .auditor else {
                return WebReply.html(.forbidden, frame.message("refused", "importerRefused", back: "/login"))
            }
            if let old = cookies[WebCookies.session] { web.sessions.close(old) }
            let id = web.sessions.open(holder: token.name, tokenDigest: token.digest)
            return WebReply.redirect(next, cookies: [WebCookies.set(WebCookies.session, id, secure: secure)])
        }
    }

    // MARK: Pages

    var webReader: LedgerReader { LedgerReader(layout: layout, metadata: metadata) }

    /// The record number of a path, if it is one in the current checkpoint; else the 404 page to send.
    private func recordNumber(_ text: String, _ frame: WebFrame) -> Result<UInt64, WebPageRefusal> {
        guard let seq = UInt64(text), String(seq) == text else {
            return .failure(WebPageRefusal(WebReply.html(.notFound, frame.message("notFound", "badSeq"))))
        }
        guard seq < checkpoint.size else {
            return .failure(WebPageRefusal(WebReply.html(.notFound, frame.message("notFound", "recordMissing"))))
        }
        return .success(seq)
    }

    /// `/records/{seq}`.
    private func recordPage(_ text: String, _ frame: WebFrame) -> Response {
        let seq: UInt64
        switch recordNumber(text, frame) {
        case .failure(let refusal): return refusal.response
        case .success(let number): seq = number
        }
        do {
            let values = try RecordPage.values(
                seq: seq,
                size: checkpoint.size,
                reader: webReader,
                labels: frame.labels
            )
            let title = "\(frame.labels["record"] ?? "") #\(seq)"
            return WebReply.html(.ok, WebTemplates.render("record", frame.values(title: title, values)))
        } catch {
            return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
        }
    }

    /// `/records/{seq}/proof`: a `c2sp.org/tlog-proof@v1` of the record's inclusion in the current checkpoint, as a
    /// file to keep (`groupledger proof verify` checks it offline).
    private func proofDownload(_ text: String, _ frame: WebFrame) -> Response {
        let seq: UInt64
        switch recordNumber(text, frame) {
        case .failure(let refusal): return refusal.response
        case .success(let number): seq = number
        }
        do {
            let proof = try ProofBuilder(reader: webReader).inclusionProof(index: seq, checkpointNote: checkpoint.note)
            return WebReply.bytes(
                .ok,
                proof.format(),
                headers: [
                    .contentType: "text/plain; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"record-\(seq).proof\"",
                ]
            )
        } catch {
            return WebReply.html(.internalServerError, frame.message("failed", "\(error)"))
        }
    }

    /// `/static/ledger.css`, from memory.
    private func asset(_ name: String, _ frame: WebFrame) -> Response {
        guard name == "ledger.css" else { return WebReply.html(.notFound, frame.message("notFound", "noPage")) }
        return WebReply.bytes(
            .ok,
            Array(WebTemplates.styleSheet.utf8),
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"]
        )
    }
}

/// A page that could not be shown, as an error so that a `Result` can carry it.
struct WebPageRefusal: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}
