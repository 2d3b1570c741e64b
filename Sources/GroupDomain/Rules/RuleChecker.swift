import LedgerCore

/// Turns a ledger's records into findings under the house rules (`docs/rules.md`): R1, R2, R3, R4, R5, R7a–R7e
/// and R9, plus the directive table and directive candidates.
///
/// Feed it every record in sequence order, then ask for the result:
///
/// ```swift
/// var checker = RuleChecker(configuration: .default)
/// for record in records { checker.apply(record) }
/// let result = checker.result()
/// ```
///
/// It projects the state as it goes (``state``), so one pass gives both. Everything depends only on the records
/// and the configuration, never on the wall clock: the evaluation point is the latest event time of the groups
/// (not of the office's own records, ``isRecordKeeping(_:)``) unless the caller names one.
public struct RuleChecker: Sendable {
    /// The configuration in use.
    public let configuration: RuleConfiguration
    /// The text matcher of the configuration, made once.
    private let matcher: TextMatcher
    private var projector = Projector()
    private var governance = GovernanceWatch()
    private var accounts = AccountWatch()
    private var posts = PostWatch()
    private var directives = DirectiveWatch()
    private var candidates = CandidateWatch()
    /// The latest event time of a group event (not ``isRecordKeeping(_:)``).
    private var latest = Int64.min
    /// The latest event time of the office's own records, used only when there is no group event.
    private var latestRecordKeeping = Int64.min

    /// Whether records of `type` are the office's keeping of the ledger rather than events of the groups: the
    /// ledger's own records (`ledger.initialized`, `ledger.content_withheld`, key changes) and reviews of
    /// findings. They are written when someone works on the ledger (a withholding today on a November capture),
    /// so they do not move the evaluation point.
    public static func isRecordKeeping(_ type: String) -> Bool {
        type.hasPrefix("ledger.") || type == EventType.findingReviewed.rawValue
    }

    public init(configuration: RuleConfiguration) {
        self.configuration = configuration
        matcher = TextMatcher(configuration: configuration.textMatching)
    }

    /// Continues from `progress`, saved earlier from a checker with the same configuration: applying the records
    /// after `progress.state.through` gives the same findings as a check from record 0.
    public init(configuration: RuleConfiguration, resuming progress: Progress) {
        self.init(configuration: configuration)
        projector = Projector(resuming: progress.state)
        governance = progress.governance
        accounts = progress.accounts
        posts = progress.posts
        directives = progress.directives
        candidates = progress.candidates
        latest = progress.latest
        latestRecordKeeping = progress.latestRecordKeeping
    }

    /// Everything the checker has gathered so far, to save and resume with ``init(configuration:resuming:)``.
    public var progress: Progress {
        Progress(
            state: projector.state,
            governance: governance,
            accounts: accounts,
            posts: posts,
            directives: directives,
            candidates: candidates,
            latest: latest,
            latestRecordKeeping: latestRecordKeeping
        )
    }

    /// The state after every record applied so far.
    public var state: ProvinceState { projector.state }

    /// Checks one record and folds it into the state.
    public mutating func apply(_ recorded: RecordedEvent) {
        projector.apply(recorded)
        if Self.isRecordKeeping(recorded.event.type) {
            latestRecordKeeping = max(latestRecordKeeping, recorded.event.time.unixMillis)
        } else {
            latest = max(latest, recorded.event.time.unixMillis)
        }
        let state = projector.state
        governance.observe(recorded, state: state, configuration: configuration)
        accounts.observe(recorded, state: state, configuration: configuration)
        posts.observe(recorded, matcher: matcher, configuration: configuration)
        directives.observe(recorded)
        candidates.observe(recorded, state: state, configuration: configuration)
    }

    /// Notes a record that lies after the evaluation point (an audit `--to` an earlier time) and is therefore not
    /// applied: only a `ledger.content_withheld` matters, because the post's content is gone all the same, and its
    /// R7a finding cites the withholding rather than disappearing.
    public mutating func noteLater(_ recorded: RecordedEvent) {
        posts.noteLater(recorded)
    }

    /// The default evaluation point: the latest event time of a group event (``isRecordKeeping(_:)`` records do
    /// not count), else of any record, else 0.
    public var latestEventTime: Int64 {
        latest != Int64.min ? latest : latestRecordKeeping != Int64.min ? latestRecordKeeping : 0
    }

    /// The findings and tables as of `evaluation` (Unix milliseconds of event time; default:
    /// ``latestEventTime``).
    public func result(at evaluation: Int64? = nil) -> AuditResult {
        let state = projector.state
        let at = evaluation ?? latestEventTime
        let rows = directives.rows(state: state, at: at, configuration: configuration)
        var findings =
            governance.findings(at: at, state: state, configuration: configuration)
            + accounts.findings(state: state, configuration: configuration)
            + AcknowledgementCheck.findings(state: state, at: at, configuration: configuration)
            + posts.findings(state: state, configuration: configuration)
            + DirectiveWatch.findings(rows: rows, at: at, naming: PersonNaming(state), configuration: configuration)
            + candidates.findings(state: state, at: at, configuration: configuration)
        for index in findings.indices { findings[index].review = state.reviews[findings[index].id] }
        findings.sort { ($0.seqs.first ?? 0, $0.rule, $0.id) < ($1.seqs.first ?? 0, $1.rule, $1.id) }
        return AuditResult(
            state: state,
            evaluatedAt: at,
            findings: findings,
            directives: rows,
            withheldPosts: posts.withheldPosts(state: state),
            candidates: candidates.unconfirmed(state: state)
        )
    }
}
