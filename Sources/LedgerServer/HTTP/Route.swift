import HTTPTypes

/// The server's endpoints, matched on the path alone so that a known path with another method gets 405, not 404.
enum Route: Equatable {
    case healthz
    case readyz
    case metrics
    /// The public C2SP checkpoint.
    case checkpoint
    /// A hash tile, `tile/<L>/<N>[.p/<W>]` (the path without its leading `/`; public).
    case hashTile(String)
    /// An entry bundle, `tile/entries/<N>[.p/<W>]` (auditors only: entries say who did what in which group).
    case entryBundle(String)
    case events
    /// `POST /v1/import/{format}`, the format as written in the path.
    case importSource(String)
    case webhook
    /// `GET /v1/records/{seq}` (auditors only), the sequence number as written in the path.
    case record(String)
    /// `GET /v1/state` (auditors only): the groups' state at a record or time.
    case state
    /// `GET /v1/audit` (auditors only): the rule checker's report.
    case audit
    /// `POST <prefix>/add-checkpoint` of the hosted witness (public: C2SP tlog-witness), its path.
    case addCheckpoint(String)

    /// Matches a request path (the query excluded); `addCheckpoint` is the hosted witness's path, if any, matched
    /// before the others.
    init?(path: String, addCheckpoint: String? = nil) {
        switch path {
        case addCheckpoint: self = .addCheckpoint(path)
        case "/healthz": self = .healthz
        case "/readyz": self = .readyz
        case "/metrics": self = .metrics
        case "/checkpoint": self = .checkpoint
        case "/v1/events": self = .events
        case "/v1/zalo-oa/webhook": self = .webhook
        case "/v1/state": self = .state
        case "/v1/audit": self = .audit
        case _ where path.hasPrefix("/tile/entries/"): self = .entryBundle(String(path.dropFirst()))
        case _ where path.hasPrefix("/tile/"): self = .hashTile(String(path.dropFirst()))
        case _ where path.hasPrefix("/v1/records/"):
            let seq = path.dropFirst("/v1/records/".count)
            guard !seq.isEmpty, !seq.contains("/") else { return nil }
            self = .record(String(seq))
        default:
            let prefix = "/v1/import/"
            guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
            let format = String(path.dropFirst(prefix.count))
            guard !format.contains("/") else { return nil }
            self = .importSource(format)
        }
    }

    /// The route's name in metrics: the path pattern, so that paths chosen by clients do not make new series.
    var name: String {
        switch self {
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .checkpoint: "/checkpoint"
        case .hashTile: "/tile/{L}/{N}"
        case .entryBundle: "/tile/entries/{N}"
        case .events: "/v1/events"
        case .importSource: "/v1/import/{format}"
        case .webhook: "/v1/zalo-oa/webhook"
        case .record: "/v1/records/{seq}"
        case .state: "/v1/state"
        case .audit: "/v1/audit"
        case .addCheckpoint(let path): path
        }
    }

    /// The one method the route answers.
    var method: HTTPRequest.Method {
        switch self {
        case .healthz, .readyz, .metrics, .checkpoint, .hashTile, .entryBundle, .record, .state, .audit: .get
        case .events, .importSource, .webhook, .addCheckpoint: .post
        }
    }
}
