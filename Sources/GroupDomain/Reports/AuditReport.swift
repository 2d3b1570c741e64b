import LedgerCore

/// The part of an ``AuditResult`` a reader asked for: a time window and optionally one group, with summaries per
/// rule and per group. Every format (text, JSON, CSV, HTML) renders this.
public struct AuditReport: Sendable {
    /// A count of findings: all of them, those still open, and those a person reviewed.
    public struct Tally: Sendable, Hashable {
        /// Every finding.
        public var total = 0
        /// Findings whose condition still holds at the evaluation point and that no review dismissed
        /// (``Finding/isOpen``).
        public var open = 0
        /// Findings a `finding.reviewed` record answered.
        public var reviewed = 0
        /// Findings per severity.
        public var bySeverity: [Severity: Int] = [:]

        mutating func add(_ finding: Finding) {
            total += 1
            if finding.isOpen { open += 1 }
            if finding.review != nil { reviewed += 1 }
            bySeverity[finding.severity, default: 0] += 1
        }
    }

    /// Everything the checker concluded.
    public let result: AuditResult
    /// Findings that ended before this time are left out (Unix milliseconds), if given.
    public let from: Int64?
    /// The group asked for, if any.
    public let group: String?
    /// How times are shown.
    public let clock: DisplayTime
    /// The findings in the window, ordered by primary record.
    public let findings: [Finding]
    /// The directive rows in the window: due in it, or still open.
    public let directives: [DirectiveRow]
    /// Withheld posts in the window.
    public let withheldPosts: [WithheldPost]
    /// Unconfirmed directive candidates in the window.
    public let candidates: [DirectiveCandidate]

    /// Selects from `result` what falls in `[from, evaluation point]` and belongs to `group`.
    public init(result: AuditResult, from: Int64? = nil, group: String? = nil, clock: DisplayTime) {
        self.result = result
        self.from = from
        self.group = group
        self.clock = clock
        let start = from ?? Int64.min
        func inGroup(_ id: String?) -> Bool { group == nil || id == group }
        findings = result.findings.filter { finding in
            inGroup(finding.group) && (finding.resolved?.time.unixMillis ?? Int64.max) >= start
        }
        directives = result.directives.filter { row in
            inGroup(row.group)
                && (row.due.unixMillis >= start || (row.status != .completed && row.status != .cancelled))
        }
        withheldPosts = result.withheldPosts.filter { inGroup($0.group) && $0.post.time.unixMillis >= start }
        candidates = result.candidates.filter { inGroup($0.group) && $0.post.time.unixMillis >= start }
    }

    /// Finding counts per rule, for every rule the checker reports on (zero counts included).
    public var byRule: [(rule: String, tally: Tally)] {
        var tallies: [String: Tally] = [:]
        for finding in findings { tallies[finding.rule, default: Tally()].add(finding) }
        let extra = Set(tallies.keys).subtracting(RuleTitle.rules).sorted()
        return (RuleTitle.rules + extra).map { ($0, tallies[$0] ?? Tally()) }
    }

    /// Finding counts per group, for every group in the state (or the one asked for), ordered by group id.
    public var byGroup: [(group: String, tally: Tally)] {
        var tallies: [String: Tally] = [:]
        for finding in findings { tallies[finding.group ?? "-", default: Tally()].add(finding) }
        let groups = Set(result.state.groups.keys.filter { group == nil || $0 == group }).union(tallies.keys)
        return groups.sorted().map { ($0, tallies[$0] ?? Tally()) }
    }

    /// A person for display: "p-030 Nguyễn Văn An (Chuyên viên, Sở Tài chính)" from `person.registered`, or the id
    /// alone when the person is not registered (an account id, for instance); see ``PersonNaming``.
    public func person(_ id: String, _ language: ReportLanguage) -> String {
        let naming = PersonNaming(result.state)
        return language == .vi ? naming.vi(id) : naming.en(id)
    }

    /// How many directives (not assignee rows) have an overdue row.
    public var overdueDirectives: Int {
        Set(directives.filter(\.overdue).map { $0.group + "\u{0}" + $0.directive }).count
    }

    /// The group's name for display: its text, "(withheld)", or empty when none was recorded.
    public func name(of group: String, _ language: ReportLanguage) -> String {
        switch result.state.groups[group]?.name {
        case .text(let name): name
        case .withheld: language == .vi ? "(đã rút nội dung)" : "(withheld)"
        case nil: ""
        }
    }
}
