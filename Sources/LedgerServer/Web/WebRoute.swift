/// The pages of the web view (`docs/HTTP.md`, "Web view"), matched on the path; each checks its own methods, since
/// `/login` answers GET (the form) and POST (the token).
enum WebRoute: Equatable {
    /// `/`: the province — every group with its head, admins, members, open findings and overdue directives — the
    /// integrity panel and the newest records.
    case home
    /// `/groups/{id}[?at=…]`: a group's timeline and its state now or at a chosen time; the id as written in the path.
    case group(String)
    /// `/people/{id}`: a person or an account; the id as written in the path.
    case person(String)
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
    /// `/export`: the form that chooses an inspection archive's records (`?finding=` shows a finding's evidence).
    case export
    /// `/export.tar?…`: the inspection archive, as a download.
    case exportArchive
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
        case ("groups", 2): self = .group(parts[1])
        case ("people", 2): self = .person(parts[1])
        case ("records", 3) where parts[2] == "proof": self = .recordProof(parts[1])
        case ("export", 1): self = .export
        case ("export.tar", 1): self = .exportArchive
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
        case .group: "/groups/{id}"
        case .person: "/people/{id}"
        case .recordProof: "/records/{seq}/proof"
        case .export: "/export"
        case .exportArchive: "/export.tar"
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
        case .home, .loginOnce, .record, .recordProof, .group, .person, .export, .exportArchive, .asset, .findings,
            .finding, .directives, .search:
            ["GET"]
        }
    }

    /// Whether the page needs a session: all but the login pages and the style sheet.
    var needsSession: Bool {
        switch self {
        case .home, .record, .recordProof, .group, .person, .export, .exportArchive, .findings, .finding, .directives,
            .search:
            true
        case .login, .loginOnce, .logout, .asset: false
        }
    }
}
