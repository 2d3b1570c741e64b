import LedgerCore

/// Turns a ledger's records into findings under the house rules (`docs/rules.md`): R1, R3, R4, R5, R7a–R7e and
/// R9, plus the directive table and directive candidates.
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
/// and the configuration, never on the wall clock: the evaluation point is the latest event time seen unless the
/// caller names one.
public struct RuleChecker: Sendable {
    /// The configuration in use.
    public let configuration: RuleConfiguration
    private var projector = Projector()
    private var governance = GovernanceWatch()
    private var accounts = AccountWatch()
    private var posts: PostWatch
    private var directives = DirectiveWatch()
    private var candidates = CandidateWatch()
    private var latest = Int64.min

    public init(configuration: RuleConfiguration) {
        self.configuration = configuration
        posts = PostWatch(configuration: configuration)
    }

    /// The state after every record applied so far.
    public var state: ProvinceState { projector.state }

    /// Checks one record and folds it into the state.
    public mutating func apply(_ recorded: RecordedEvent) {
        projector.apply(recorded)
        latest = max(latest, recorded.event.time.unixMillis)
        let state = projector.state
        governance.observe(recorded, state: state)
        accounts.observe(recorded, state: state, configuration: configuration)
        posts.observe(recorded, configuration: configuration)
        directives.observe(recorded)
        candidates.observe(recorded, state: state, configuration: configuration)
    }

    /// The findings and tables as of `evaluation` (Unix milliseconds of event time; default: the latest event
    /// time seen, or 0 for no records).
    public func result(at evaluation: Int64? = nil) -> AuditResult {
        let state = projector.state
        let at = evaluation ?? (latest == Int64.min ? 0 : latest)
        let rows = directives.rows(state: state, at: at, configuration: configuration)
        var findings =
            governance.findings(at: at, configuration: configuration)
            + accounts.findings(state: state, configuration: configuration)
            + AcknowledgementCheck.findings(state: state, at: at, configuration: configuration)
            + posts.findings(state: state, configuration: configuration)
            + DirectiveWatch.findings(rows: rows, at: at, configuration: configuration)
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
