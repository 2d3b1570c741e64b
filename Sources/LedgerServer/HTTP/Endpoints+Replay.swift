import Dispatch
import GroupDomain
import HTTPTypes
import Hummingbird
import LedgerCore
import LedgerReplay
import LedgerStorage
import Synchronization

extension Endpoints {
    /// Runs `replay` — a reading of the whole ledger, seconds on a large one — on a dispatch thread, never on an
    /// event loop or the concurrency pool, and at most ``ServerSettings/maxReplays`` at once.
    func replayed(_ replay: @escaping @Sendable () -> Response) async -> Response {
        let running = replays.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue
        defer { replays.wrappingSubtract(1, ordering: .acquiringAndReleasing) }
        guard running <= settings.maxReplays else {
            return Reply.unavailable(
                "\(settings.maxReplays) readings of the ledger are running; try again shortly",
                retryAfter: settings.retryAfterSeconds
            )
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: replay()) }
        }
    }

    /// `GET /v1/state?group=&at=` (auditor role): the canonical state document `groupledger state --json` prints —
    /// every group, or one — as of record or time `at` (a record number, an RFC 3339 time or a date; default the
    /// current checkpoint), read from the records of the current checkpoint.
    func state(_ query: [String: String]) -> Response {
        do {
            let cutoff = try query["at"].map { text throws(LedgerError) in
                try RecordSource.cutoff(text, clock: query["clock"] == "append", option: "at")
            }
            var projector = Projector()
            try RecordSource.read(reader, size: checkpoint.size, cutoff: cutoff ?? .everything) {
                projector.apply($0)
            }
            let state = projector.state
            if let group = query["group"], state.groups[group] == nil {
                return Reply.problem(.notFound, "group \(group) is not in the ledger at this point")
            }
            let document = state.canonicalDocument(group: query["group"])
            return Reply.bytesResponse(.ok, document.bytes + [0x0a], headers: [.contentType: "application/json"])
        } catch {
            return problem(error)
        }
    }

    /// `GET /v1/audit?format=&lang=&from=&to=&group=&table=` (auditor role): the report `groupledger audit` writes,
    /// with the default rules, over the records of the current checkpoint. `format` is `json` (default), `text`,
    /// `csv` or `html`; `lang` `vi` (default) or `en`; `from` and `to` a record number, a time or a date.
    func audit(_ query: [String: String]) -> Response {
        let format = query["format"] ?? "json"
        guard ["json", "text", "csv", "html"].contains(format) else {
            return Reply.problem(.badRequest, "format must be json, text, csv or html")
        }
        guard let language = ReportLanguage(rawValue: query["lang"] ?? "vi") else {
            return Reply.problem(.badRequest, "lang must be vi or en")
        }
        guard let table = CSVReport.Table(rawValue: query["table"] ?? "findings") else {
            return Reply.problem(.badRequest, "table must be findings or directives")
        }
        do {
            let root = layout.root
            let end = try query["to"].map { text throws(LedgerError) in
                try RecordSource.auditTime(text, option: "to", endOfDay: true, in: root)
            }
            let start = try query["from"].map { text throws(LedgerError) in
                try RecordSource.auditTime(text, option: "from", endOfDay: false, in: root)
            }
            var checker = RuleChecker(configuration: .default)
            try RecordSource.read(
                reader,
                size: checkpoint.size,
                cutoff: end.map { .eventTime($0) } ?? .everything,
                later: { checker.noteLater($0) },
                { checker.apply($0) }
            )
            if let group = query["group"], checker.state.groups[group] == nil {
                return Reply.problem(.notFound, "group \(group) is not in the ledger")
            }
            let report = AuditReport(
                result: checker.result(at: end?.unixMillis),
                from: start?.unixMillis,
                group: query["group"],
                clock: RuleConfiguration.default.displayTime
            )
            let bytes: [UInt8]
            let type: String
            switch format {
            case "text": (bytes, type) = (Array(TextReport.render(report, language).utf8), "text/plain; charset=utf-8")
            case "csv": (bytes, type) = (CSVReport.render(report, language, table: table), "text/csv; charset=utf-8")
            case "html": (bytes, type) = (Array(HTMLReport.render(report, language).utf8), "text/html; charset=utf-8")
            default: (bytes, type) = (JCS.serialize(report.json(language)) + [0x0a], "application/json")
            }
            // The HTML report is self-contained and has no script: nothing else may load or run in it.
            return Reply.bytesResponse(
                .ok,
                bytes,
                headers: [
                    .contentType: type, .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'",
                    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                ]
            )
        } catch {
            return problem(error)
        }
    }

    private var reader: LedgerReader { LedgerReader(layout: layout, metadata: metadata) }

    /// A refused query parameter is 400, a record or group that is not there 404, anything else 500.
    private func problem(_ error: LedgerError) -> Response {
        switch error.code {
        case .badInput: Reply.problem(.badRequest, error.message)
        case .notFound: Reply.problem(.notFound, error.message)
        default: Reply.problem(.internalServerError, "cannot read the ledger: \(error.message)")
        }
    }
}
