import HTTPTypes
import Hummingbird
import LedgerCore
import LedgerImport
import LedgerIngest
import LedgerStorage
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The answers of every endpoint (`docs/HTTP.md`). A thin adapter: decoding, checking and appending are
/// ``BodyIngest``'s; this type only authenticates, streams bodies in, and turns outcomes into statuses.
final class Endpoints: Sendable {
    /// The ledger's files, which every reading endpoint reads without the writer lock.
    let layout: LedgerLayout
    let metadata: LedgerMetadata
    /// The writer and its commit queue; `nil` under `serve --read-only`.
    let writing: LedgerWriting?
    let settings: ServerSettings
    let tokens: TokenCheck
    let metrics: ServerMetrics
    let health: CommitHealth
    let checkpoint: LatestCheckpoint
    let tiles: LiveTiles
    /// The witness rounds and the checkpoint they published, when `serve --witness` is given.
    let witnesses: WitnessPublisher?
    /// The web view's sessions and one-time login link.
    let web: WebAccess
    /// The inspection model the web view's pages ask.
    let inspection: InspectionFeed
    /// The hosted witness's `add-checkpoint`, when `serve --witness-dir` is given.
    let addCheckpoint: AddCheckpointHandler?
    private let requestNumbers = Atomic<Int>(0)
    /// Replays (`/v1/state`, `/v1/audit`) running now; see ``replayed(_:)``.
    let replays = Atomic<Int>(0)

    init(
        layout: LedgerLayout,
        metadata: LedgerMetadata,
        writing: LedgerWriting?,
        settings: ServerSettings,
        tokens: TokenCheck,
        metrics: ServerMetrics,
        health: CommitHealth,
        checkpoint: LatestCheckpoint,
        witnesses: WitnessPublisher? = nil,
        web: WebAccess,
        inspection: InspectionFeed,
        addCheckpoint: AddCheckpointHandler? = nil
    ) {
        self.layout = layout
        self.metadata = metadata
        self.writing = writing
        self.settings = settings
        self.tokens = tokens
        self.metrics = metrics
        self.health = health
        self.checkpoint = checkpoint
        tiles = LiveTiles(layout: layout, metadata: metadata)
        self.witnesses = witnesses
        self.web = web
        self.inspection = inspection
        self.addCheckpoint = addCheckpoint
    }

    static let signatureHeader = HTTPField.Name("X-ZEvent-Signature")!

    /// Answers one request, noting in `exchange` what the access log needs.
    func answer(_ request: Request, _ exchange: inout Exchange) async -> Response {
        if request.uri.path != addCheckpoint?.path, let page = WebRoute(path: request.uri.path) {
            return await web(page, request, &exchange)
        }
        guard let route = Route(path: request.uri.path, addCheckpoint: addCheckpoint?.path) else {
            return Reply.problem(.notFound, "no endpoint at \(request.uri.path); docs/HTTP.md lists them")
        }
        exchange.route = route.name
        guard request.method == route.method else {
            return Reply.problem(
                .methodNotAllowed,
                "\(route.name) answers \(route.method.rawValue) only",
                headers: [.allow: route.method.rawValue]
            )
        }
        switch route {
        case .healthz:
            return Reply.text(.ok, "ok\n")
        case .readyz:
            return readiness()
        case .checkpoint:
            return checkpointAnswer()
        case .metrics:
            return Reply.bytesResponse(
                .ok,
                metrics.render(),
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"]
            )
        case .hashTile(let path):
            return tile(path)
        case .entryBundle(let path):
            if let refusal = authorize(request, .auditor, &exchange) { return refusal }
            return tile(path)
        case .record(let seq):
            if let refusal = authorize(request, .auditor, &exchange) { return refusal }
            return record(seq)
        case .state:
            if let refusal = authorize(request, .auditor, &exchange) { return refusal }
            let query = Self.query(request)
            return await replayed { self.state(query) }
        case .audit:
            if let refusal = authorize(request, .auditor, &exchange) { return refusal }
            let query = Self.query(request)
            return await replayed { self.audit(query) }
        case .events:
            if let refusal = authorize(request, .importer, &exchange) { return refusal }
            return await ingest(
                request,
                format: .envelopes,
                options: ImportOptions(),
                types: BodyType.jsonLines,
                exchange: &exchange
            )
        case .importSource(let name):
            if let refusal = authorize(request, .importer, &exchange) { return refusal }
            return await importSource(request, name: name, &exchange)
        case .webhook:
            return await webhook(request, &exchange)
        case .addCheckpoint:
            guard let addCheckpoint else { return Reply.problem(.notFound, "no witness is hosted here") }
            return await addCheckpoint.answer(request, bytesIn: &exchange.bytesIn)
        }
    }

    /// The request's query parameters; of a repeated one, the first.
    static func query(_ request: Request) -> [String: String] {
        Dictionary(
            request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    // MARK: Probes

    /// 200 when the writer can commit: the last commit did not fail and the disk has room; else 503 and why.
    private func readiness() -> Response {
        var problems: [String] = []
        if let problem = health.problem { problems.append(problem) }
        var st = statvfs()
        if statvfs(layout.root, &st) == 0 {
            let free = UInt64(st.f_bavail) * UInt64(st.f_frsize)
            if free < settings.minFreeBytes {
                problems.append(
                    "only \(free) bytes are free on the ledger's file system (at least \(settings.minFreeBytes) "
                        + "needed); free some space"
                )
            }
        } else {
            problems.append("cannot read the free space of \(layout.root) (\(String(cString: strerror(errno))))")
        }
        guard problems.isEmpty else { return Reply.text(.serviceUnavailable, problems.joined(separator: "\n") + "\n") }
        return Reply.text(.ok, "ready\n")
    }

    // MARK: Tiles

    /// A C2SP `tlog-tiles` resource of the tree of the published checkpoint: immutable, so cached for a year
    /// (entry bundles only privately: they go to auditors).
    private func tile(_ path: String) -> Response {
        guard let tile = Tile(path: path) else {
            return Reply.problem(.notFound, "\(path) is not a tile path: tile/<L>/<N>[.p/<W>] (c2sp.org/tlog-tiles)")
        }
        let size = checkpoint.size
        let bytes: [UInt8]?
        do {
            bytes = try tiles.bytes(of: tile, treeSize: size)
        } catch {
            return Reply.problem(.internalServerError, "cannot read \(path): \(error)")
        }
        guard let bytes else {
            return Reply.problem(.notFound, "the tree of the current checkpoint (size \(size)) has no \(path)")
        }
        let scope = tile.kind == .entries ? "private" : "public"
        return Reply.bytesResponse(
            .ok,
            bytes,
            headers: [.contentType: "application/octet-stream", .cacheControl: "\(scope), max-age=31536000, immutable"]
        )
    }

    // MARK: Authentication

    /// `nil` when the request carries a valid token of `role`; otherwise the 401 or 403 to send.
    private func authorize(_ request: Request, _ role: TokenRole, _ exchange: inout Exchange) -> Response? {
        let outcome: TokenCheck.Outcome
        do {
            outcome = try tokens.check(request.headers[.authorization])
        } catch {
            return Reply.problem(.internalServerError, "the token file cannot be read: \(error)")
        }
        switch outcome {
        case .refused:
            return Reply.problem(
                .unauthorized,
                "send Authorization: Bearer TOKEN with a token from `groupledger token add` that is not revoked",
                headers: [.wwwAuthenticate: "Bearer realm=\"groupledger\""]
            )
        case .valid(let token):
            exchange.token = token.name
            guard token.role == role else {
                return Reply.problem(
                    .forbidden,
                    "the token \(token.name) has the role \(token.role.rawValue); this endpoint needs \(role.rawValue)"
                )
            }
            return nil
        }
    }

    // MARK: Ingest

    /// `POST /v1/import/{format}`: zca, zalo-web (with `account`) and roster-csv (with `as_of`, and `actor`).
    private func importSource(_ request: Request, name: String, _ exchange: inout Exchange) async -> Response {
        guard let format = ImportFormat(rawValue: name), format != .oaWebhook else {
            let hint =
                switch name {
                case IngestFormat.envelopes.name: "envelopes go to POST /v1/events"
                case ImportFormat.oaWebhook.rawValue: "Zalo OA deliveries go to POST /v1/zalo-oa/webhook, signed"
                default: "use zca, zalo-web or roster-csv"
                }
            return Reply.problem(.notFound, "no import format \(name) here; \(hint)")
        }
        let query = request.uri.queryParameters
        var options = ImportOptions()
        let types: Set<String>
        switch format {
        case .zca, .oaWebhook:
            types = BodyType.jsonLines
        case .zaloWeb:
            types = BodyType.json
            if let account = query["account"].map(String.init) {
                if let problem = EnvelopeRules.identifierProblem(account) {
                    return Reply.problem(.badRequest, "the query parameter account \(problem)")
                }
                options.account = account
            }
        case .rosterCSV:
            types = BodyType.csv
            guard let asOf = query["as_of"].map(String.init) else {
                return Reply.problem(
                    .badRequest,
                    "roster-csv needs the query parameter as_of: when the roster took effect, RFC 3339 with an offset "
                        + "(as_of=2026-11-02T08:00:00Z; write + as %2B)"
                )
            }
            guard let time = Timestamp(asOf) else {
                return Reply.problem(
                    .badRequest,
                    "as_of \(asOf) is not an RFC 3339 time with an offset such as 2026-11-02T08:00:00Z (write + as %2B)"
                )
            }
            let actor = query["actor"].map(String.init) ?? exchange.token
            if let problem = EnvelopeRules.identifierProblem(actor) {
                return Reply.problem(.badRequest, "the query parameter actor \(problem)")
            }
            options.roster = RosterOptions(time: time, actor: actor)
        }
        return await ingest(request, format: .source(format), options: options, types: types, exchange: &exchange)
    }

    /// Streams a body into one all-or-nothing submission and answers after its durable commit.
    private func ingest(
        _ request: Request,
        format: IngestFormat,
        options: ImportOptions,
        types: Set<String>,
        exchange: inout Exchange
    ) async -> Response {
        guard let writing else { return readOnly() }
        guard BodyType.accepts(request.headers[.contentType], types) else {
            return unsupported(request, types)
        }
        if let tooLarge = declaredTooLarge(request, limit: settings.maxBodyBytes) { return tooLarge }
        guard writing.queue.enter() else { return busy(writing.queue) }
        defer { writing.queue.leave() }
        let started = ContinuousClock.now
        let engine = BodyIngest(
            ledger: writing.ledger,
            format: format,
            options: options,
            maxBodyBytes: settings.maxBodyBytes
        )
        var submission = engine.begin(name: nextRequestName())
        do {
            for try await buffer in request.body {
                exchange.bytesIn += buffer.readableBytes
                if ContinuousClock.now - started > settings.bodyTimeout { return slowBody() }
                try submission.feed(Array(buffer.readableBytesView))
            }
        } catch let failure as BodyIngest.Failure {
            return refusal(failure)
        } catch {
            return Reply.problem(.badRequest, "the body could not be read (\(error)); nothing was appended")
        }
        return await commit(
            submission,
            writing.queue,
            started: started,
            withSkipped: format != .envelopes,
            withProofs: request.uri.queryParameters["proof"] == "1"
        )
    }

    /// `POST /v1/zalo-oa/webhook`: the MAC over the raw body is checked by the same decoder `import oa-webhook`
    /// uses, fed the line a receiver logs (`{"signature", "body"}`); a bad or missing MAC is 401.
    private func webhook(_ request: Request, _ exchange: inout Exchange) async -> Response {
        guard let oa = settings.oaWebhook else {
            return Reply.problem(
                .notFound,
                "the Zalo OA webhook is off: start serve with --oa-secret-file and --oa-app-id"
            )
        }
        exchange.token = "zalo-oa"
        guard let signature = request.headers[Endpoints.signatureHeader] else {
            return Reply.problem(.unauthorized, "no X-ZEvent-Signature header; nothing was stored")
        }
        guard BodyType.accepts(request.headers[.contentType], BodyType.json) else {
            return unsupported(request, BodyType.json)
        }
        if let tooLarge = declaredTooLarge(request, limit: settings.maxWebhookBytes) { return tooLarge }
        guard let writing else { return readOnly() }
        guard writing.queue.enter() else { return busy(writing.queue) }
        defer { writing.queue.leave() }
        let started = ContinuousClock.now
        var raw: [UInt8] = []
        do {
            for try await buffer in request.body {
                exchange.bytesIn += buffer.readableBytes
                if ContinuousClock.now - started > settings.bodyTimeout { return slowBody() }
                raw += buffer.readableBytesView
                guard raw.count <= settings.maxWebhookBytes else {
                    return refusal(.tooLarge(limit: settings.maxWebhookBytes))
                }
            }
        } catch {
            return Reply.problem(.badRequest, "the body could not be read (\(error)); nothing was stored")
        }
        guard let text = String(validating: raw, as: UTF8.self) else {
            return Reply.problem(.unprocessableContent, "the body is not UTF-8 JSON; nothing was stored")
        }
        var line = JCS.serialize(
            .object(JSONObject(members: [("signature", .string(signature)), ("body", .string(text))]))
        )
        line.append(0x0a)
        var options = ImportOptions(limits: ImportLimits(maxUnitBytes: line.count + 1024))
        options.oaWebhook = oa
        let engine = BodyIngest(
            ledger: writing.ledger,
            format: .source(.oaWebhook),
            options: options,
            maxBodyBytes: line.count
        )
        var submission = engine.begin(name: nextRequestName())
        do throws(BodyIngest.Failure) {
            try submission.feed(line)
        } catch {
            return refusal(error)
        }
        return await commit(submission, writing.queue, started: started, withSkipped: true, withProofs: false)
    }

    /// Ends the body, hands it to the group commit and answers with its outcome.
    private func commit(
        _ submission: BodyIngest.Submission,
        _ queue: CommitQueue,
        started: ContinuousClock.Instant,
        withSkipped: Bool,
        withProofs: Bool
    ) async -> Response {
        var submission = submission
        let sealed: SealedBody
        do throws(BodyIngest.Failure) {
            sealed = try submission.seal()
        } catch {
            return refusal(error)
        }
        let result: Result<BodyIngest.Outcome, BodyIngest.Failure>
        do {
            result = try await queue.commit(sealed)
        } catch {
            return Reply.unavailable(
                "the server is stopping; nothing of this body was appended: send it again",
                retryAfter: settings.retryAfterSeconds
            )
        }
        switch result {
        case .failure(let failure):
            return refusal(failure)
        case .success(let outcome):
            health.record(nil)
            metrics.committed(
                appended: outcome.appended,
                duplicates: outcome.duplicates,
                latency: ContinuousClock.now - started
            )
            if let note = outcome.checkpoint {
                metrics.ledger(size: checkpoint.offer(note))
                witnesses?.wake()
                inspection.wake()
            }
            var members: [(key: String, value: JSONValue)] = [
                ("appended", .number(JSONNumber(outcome.appended))),
                ("duplicates", .number(JSONNumber(outcome.duplicates))),
                ("first_seq", outcome.firstSeq.map { .number(JSONNumber($0)) } ?? .null),
                ("size", .number(JSONNumber(outcome.size))),
            ]
            if withSkipped {
                members.append(("skipped", .number(JSONNumber(outcome.skipped.values.reduce(0, +)))))
            }
            if withProofs { members.append(("proofs", await proofs(of: outcome, queue))) }
            return Reply.json(.ok, members)
        }
    }

    /// The most proofs one answer carries (`?proof=1`); the others are at `/v1/records/{seq}`.
    static let maxProofs = 1000

    /// `c2sp.org/tlog-proof@v1` proofs of the records a body appended (the first ``maxProofs``), against the
    /// checkpoint of the commit they landed in; `null` when that checkpoint could not be signed or read.
    private func proofs(of outcome: BodyIngest.Outcome, _ queue: CommitQueue) async -> JSONValue {
        guard let first = outcome.firstSeq, let note = outcome.checkpoint else {
            return outcome.appended == 0 ? .array([]) : .null
        }
        let seqs = first..<first + UInt64(min(outcome.appended, Endpoints.maxProofs))
        let (layout, metadata) = (self.layout, self.metadata)
        let texts = try? await queue.offload { () throws(LedgerError) -> [String] in
            let builder = try ProofBuilder(reader: LedgerReader(layout: layout, metadata: metadata))
            var texts: [String] = []
            for seq in seqs {
                let proof = try builder.inclusionProof(index: seq, checkpointNote: note)
                texts.append(String(decoding: proof.format(), as: UTF8.self))
            }
            return texts
        }
        return texts.map { .array($0.map(JSONValue.string)) } ?? .null
    }

    // MARK: Refusals

    /// The status of a body that was not appended.
    private func refusal(_ failure: BodyIngest.Failure) -> Response {
        switch failure {
        case .refused(let error):
            if error.field == "$.signature" {
                return Reply.problem(.unauthorized, "\(error.reason); nothing was stored")
            }
            var extra: [(key: String, value: JSONValue)] = [
                (error.location.unit.rawValue, .number(JSONNumber(error.location.number))),
                ("byte", .number(JSONNumber(error.byteOffset))),
            ]
            if let field = error.fieldPath { extra.append(("field", .string(field))) }
            return Reply.problem(.unprocessableContent, "\(error); nothing was appended", extra: extra)
        case .tooLarge(let limit):
            return Reply.problem(
                .contentTooLarge,
                "the body is larger than the \(limit)-byte limit; nothing was appended: send it in smaller parts"
            )
        case .ledger(let error):
            switch error.code {
            case .badInput, .refused:
                return Reply.problem(.unprocessableContent, "\(error)")
            case .io, .syncFailed, .writerStopped:
                health.record(error)
                metrics.commitFailed()
                return Reply.unavailable(
                    "the ledger could not commit (\(error)); nothing of this body was acknowledged: send it again "
                        + "later, ids already appended count as duplicates",
                    retryAfter: settings.retryAfterSeconds
                )
            default:
                health.record(error)
                metrics.commitFailed()
                return Reply.problem(.internalServerError, "the ledger refused the append: \(error)")
            }
        }
    }

    private func unsupported(_ request: Request, _ types: Set<String>) -> Response {
        Reply.problem(
            .unsupportedMediaType,
            "Content-Type \(request.headers[.contentType] ?? "(none)") is not accepted here; send "
                + BodyType.list(types) + " (UTF-8)"
        )
    }

    /// 413 before reading when `Content-Length` already says the body is too large.
    private func declaredTooLarge(_ request: Request, limit: Int) -> Response? {
        guard let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit else { return nil }
        return refusal(.tooLarge(limit: limit))
    }

    private func busy(_ queue: CommitQueue) -> Response {
        Reply.unavailable(
            "\(queue.limit) bodies are already waiting for a commit; send this one again after Retry-After",
            retryAfter: settings.retryAfterSeconds
        )
    }

    /// 403 for a write under `serve --read-only`.
    private func readOnly() -> Response {
        Reply.problem(
            .forbidden,
            "this server was started with --read-only (an inspector's copy) and appends nothing; send events to the "
                + "office's groupledger serve"
        )
    }

    private func slowBody() -> Response {
        Reply.problem(
            .requestTimeout,
            "the body took longer than \(settings.bodyTimeout) to arrive; nothing was appended"
        )
    }

    /// `request 17`: how a body is named in error locations.
    private func nextRequestName() -> String {
        "request \(requestNumbers.wrappingAdd(1, ordering: .relaxed).newValue)"
    }
}
