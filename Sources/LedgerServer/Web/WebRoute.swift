/// The pages of the web view (`docs/HTTP.md`, "Web view"), matched on the path; each checks its own methods, since
/// `/login` answers GET (the form) and POST (the token).
enum WebRoute: Equatable {
    /// `/`: the integrity panel and the newest records.
    case home
    /// `/login`: the form (GET) and the token it sends (POST).
    case login
    /// `/login/once/{secret}[?next=PATH]`: the one-time link `serve` prints; a GET makes a session once.
    case loginOnce(String)
    /// `POST /logout`.
    case logout
    /// `/records/{seq}`: one record, the sequence number as written in the path.
    case record(String)
    /// `/records/{seq}/proof`: the record's `c2sp.org/tlog-proof@v1`, as a download.
    case recordProof(String)
    /// `/static/{name}`: the style sheet, served from memory.
    case asset(String)
    /// `/findings`: the findings, filtered and paged.
    case findings
    /// `/findings/{id}`: one finding, the id as written in the path (percent-encoded).
    case finding(String)
    /// `/directives`: every directive with its assignees' answers.
    case directives
    /// `/search?q=`: records, people and groups by id, name or text.
    case search

    /// Matches a request path (the query excluded); `nil` for the API's paths and unknown ones.
    init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard let first = parts.first, !parts.contains(where: \.isEmpty) || parts == [""] else { return nil }
        switch (first, parts.count) {
        case ("", 1): self = .home
        case ("login", 1): self = .login
        case ("login", 3) where parts[1] == "once": self = .loginOnce(parts[2])
        case ("logout", 1): self = .logout
        case ("records", 2): self = .record(parts[1])
        case ("records", 3) where parts[2] == "proof": self = .recordProof(parts[1])
        case ("static", 2): self = .asset(parts[1])
        case ("findings", 1): self = .findings
        case ("findings", 2): self = .finding(parts[1])
        case ("directives", 1): self = .directives
        case ("search", 1): self = .search
        default: return nil
        }
    }

    /// A path segment percent-decoded (`+` stays a plus, as in any path); `nil` for a bad escape or bytes that are
    /// not UTF-8. Ids in paths come from ``PageValues/segment(_:)``.
    static func decodeSegment(_ segment: String) -> String? {
        FormBody.decode(ArraySlice(segment.utf8), plusIsSpace: false)
    }

    /// The page's name in metrics and the access log's route: the path pattern.
    var name: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .loginOnce: "/login/once/{secret}"
        case .logout: "/logout"
        case .record: "/records/{seq}"
        case .recordProof: "/records/{seq}/proof"
        case .asset: "/static/{name}"
        case .findings: "/findings"
        case .finding: "/findings/{id}"
        case .directives: "/directives"
        case .search: "/search"
        }
    }

    /// The methods the page answers; another gets 405 with `Allow`.
    var methods: [String] {
        switch self {
        case .login: ["GET", "POST"]
        case .logout: ["POST"]
        case .home, .loginOnce, .record, .recordProof, .asset, .findings, .finding, .directives, .search: ["GET"]
        }
    }

    /// Whether the page needs a session: all but the login pages and the style sheet.
    var needsSession: Bool {
        switch self {
        case .home, .record, .recordProof, .findings, .finding, .directives, .search: true
        case .login, .loginOnce, .logout, .asset: false
        }
    }
}
