import GroupDomain

/// The findings of one evaluation, by rule, group and person (positions in ``findings``, ascending).
struct FindingIndex: Sendable {
    /// Every finding, in the checker's order (primary record, rule, id).
    let findings: [Finding]
    private let byRule: [String: [Int]]
    private let byGroup: [String: [Int]]
    private let byPerson: [String: [Int]]
    /// Each finding's rule, group, status and time, by position: a filter reads these instead of copying findings.
    private let rules: [String]
    private let groups: [String?]
    private let statuses: [FindingStatus]
    private let times: [Int64]

    /// Indexes `findings`; a subject account is also filed under the person bound to it in `state`.
    init(_ findings: [Finding], state: ProvinceState) {
        self.findings = findings
        var byRule: [String: [Int]] = [:]
        var byGroup: [String: [Int]] = [:]
        var byPerson: [String: [Int]] = [:]
        for (position, finding) in findings.enumerated() {
            byRule[finding.rule, default: []].append(position)
            if let group = finding.group { byGroup[group, default: []].append(position) }
            if let subject = finding.subject {
                byPerson[subject, default: []].append(position)
                if let person = state.person(of: subject), person != subject {
                    byPerson[person, default: []].append(position)
                }
            }
        }
        self.byRule = byRule
        self.byGroup = byGroup
        self.byPerson = byPerson
        rules = findings.map(\.rule)
        groups = findings.map(\.group)
        statuses = findings.map(FindingStatus.init)
        times = findings.map(\.time)
    }

    /// The positions of the findings `filter` lets through, ascending.
    func positions(matching filter: FindingFilter) -> [Int] {
        var candidates: [[Int]] = []
        if !filter.rules.isEmpty {
            candidates.append(filter.rules.flatMap { byRule[$0] ?? [] }.sorted())
        }
        if let group = filter.group { candidates.append(byGroup[group] ?? []) }
        if let person = filter.person { candidates.append(byPerson[person] ?? []) }
        let smallest = candidates.min { $0.count < $1.count } ?? Array(findings.indices)
        let concerning = filter.person.map { Set(byPerson[$0] ?? []) }
        return smallest.filter { position in
            if !filter.rules.isEmpty, !filter.rules.contains(rules[position]) { return false }
            if let group = filter.group, groups[position] != group { return false }
            if let concerning, !concerning.contains(position) { return false }
            if let status = filter.status, statuses[position] != status { return false }
            if let from = filter.fromMillis, times[position] < from { return false }
            if let to = filter.toMillis, times[position] > to { return false }
            return true
        }
    }
}
