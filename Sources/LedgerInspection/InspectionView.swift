public import GroupDomain

/// The inspection model at one ledger size: the state, the findings and the indexes, immutable, answering every
/// page's question without reading the ledger (but time travel out of event-time order, see
/// ``groupState(_:at:reader:)``).
///
/// Take one from ``Inspection/view`` and ask it as many questions as a page needs: they all see the same size.
public struct InspectionView: Sendable {
    /// How many records it reflects: records `0..<size`.
    public let size: UInt64
    /// The province after those records.
    public let state: ProvinceState
    /// The rule checker's findings and directive table at its default evaluation point (the latest group event).
    public let audit: AuditResult
    let catalog: RecordCatalog
    let timelines: [String: [UInt64]]
    let histories: [String: GroupHistory]
    let parties: PartyIndex
    let text: TextIndex
    let findingIndex: FindingIndex
    let naming: PersonNaming
    let rowsByDirective: [String: [DirectiveRow]]
    /// The province page, worked out once.
    let summary: ProvinceSummary

    init(
        audit: AuditResult,
        catalog: RecordCatalog,
        timelines: [String: [UInt64]],
        histories: [String: GroupHistory],
        parties: PartyIndex,
        text: TextIndex
    ) {
        size = catalog.count
        state = audit.state
        self.audit = audit
        self.catalog = catalog
        self.timelines = timelines
        self.histories = histories
        self.parties = parties
        self.text = text
        findingIndex = FindingIndex(audit.findings, state: audit.state)
        naming = PersonNaming(audit.state)
        rowsByDirective = Dictionary(grouping: audit.directives, by: \.directive)
        summary = Self.summarise(audit, size: catalog.count, naming: naming)
    }

    /// `id` (a person or an account) with the name, position and unit the ledger knows.
    public func personRef(_ id: String) -> PersonRef { PersonRef(id, in: state, naming: naming) }

    /// Record `seq` as lists show it, or `nil` past the end.
    public func record(_ seq: UInt64) -> RecordSummary? {
        guard seq < size else { return nil }
        return RecordSummary(
            seq: seq,
            type: catalog.type(of: seq),
            timeMillis: catalog[seq].timeMillis,
            group: catalog.group(of: seq),
            actor: personRef(catalog.actor(of: seq))
        )
    }

    /// Pages `seqs` (ascending), newest first when asked.
    func page(_ seqs: [UInt64], newestFirst: Bool, request: PageRequest) -> Page<RecordSummary> {
        if newestFirst {
            let reversed = Array(seqs.reversed())
            return Page(reversed, request: request) { record($0)! }
        }
        return Page(seqs, request: request) { record($0)! }
    }

    private static func summarise(_ audit: AuditResult, size: UInt64, naming: PersonNaming) -> ProvinceSummary {
        let state = audit.state
        var openByGroup: [String: [String: Int]] = [:]
        var openByRule: [String: Int] = [:]
        for finding in audit.findings where finding.isOpen {
            openByRule[finding.rule, default: 0] += 1
            if let group = finding.group { openByGroup[group, default: [:]][finding.rule, default: 0] += 1 }
        }
        var overdueByGroup: [String: Int] = [:]
        for row in audit.directives where row.overdue { overdueByGroup[row.group, default: 0] += 1 }
        let groups = state.groups.values.sorted { $0.id < $1.id }.map { group in
            GroupSummary(
                id: group.id,
                name: group.name,
                head: group.head.map { PersonRef($0.holder, in: state, naming: naming) },
                admins: group.admins.values.sorted { $0.since < $1.since }.map {
                    PersonRef($0.holder, in: state, naming: naming)
                },
                memberCount: group.members.count,
                openFindingsByRule: openByGroup[group.id] ?? [:],
                overdueDirectives: overdueByGroup[group.id] ?? 0
            )
        }
        return ProvinceSummary(
            size: size,
            evaluatedAtMillis: audit.evaluatedAt,
            groups: groups,
            openFindingsByRule: openByRule,
            overdueDirectives: audit.directives.count { $0.overdue },
            personCount: state.persons.count,
            withheldRecords: state.withholdings.count
        )
    }
}
