public import GroupDomain

/// The person page: accounts over time, groups and roles, records, directives and findings.
public struct PersonPage: Sendable {
    /// The person or account, named.
    public let person: PersonRef
    /// The person as registered (accounts over time, account changes), or `nil` for an id nobody registered (an
    /// account, an office).
    public let state: PersonState?
    /// The parts the person plays and played in groups (``InspectionView/roles(of:)``).
    public let roles: [GroupRole]
    /// The records concerning the person (as actor or named in the event), newest first.
    public let records: Page<RecordSummary>
    /// The directives the person issued or was assigned.
    public let directives: [DirectiveSummary]
    /// The findings about the person or their accounts.
    public let findings: [FindingSummary]
}
