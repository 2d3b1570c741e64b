import GroupDomain

extension InspectionView {
    /// A page of the findings `filter` lets through, in the checker's order (primary record, rule, id).
    public func findings(
        _ filter: FindingFilter = FindingFilter(),
        page request: PageRequest = PageRequest()
    ) -> Page<FindingSummary> {
        Page(findingIndex.positions(matching: filter), request: request) { summary(ofFindingAt: $0) }
    }

    /// The finding with id `id`, or `nil`.
    public func finding(id: String) -> FindingSummary? {
        findingIndex.findings.indices.first { findingIndex.findings[$0].id == id }.map { summary(ofFindingAt: $0) }
    }

    func summary(ofFindingAt position: Int) -> FindingSummary {
        let finding = findingIndex.findings[position]
        return FindingSummary(finding: finding, status: FindingStatus(finding), subject: finding.subject.map(personRef))
    }
}
