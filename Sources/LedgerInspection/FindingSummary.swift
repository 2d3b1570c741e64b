public import GroupDomain

/// A finding as a list shows it: the finding (rule, check, evidence records, spans, review), its status and its
/// subject named.
public struct FindingSummary: Sendable, Hashable {
    /// The finding as the rule checker gave it.
    public let finding: Finding
    /// Where it stands.
    public let status: FindingStatus
    /// The person or account concerned, named, when there is one.
    public let subject: PersonRef?
}
