public import GroupDomain

/// One group on the province page.
public struct GroupSummary: Sendable, Hashable {
    /// The group id.
    public let id: String
    /// The latest name, or `.withheld`, or `nil` when none was recorded.
    public let name: RecordedText?
    /// The head (Trưởng Nhóm), named.
    public let head: PersonRef?
    /// The policy admins, named, in order of appointment.
    public let admins: [PersonRef]
    /// How many accounts are members now.
    public let memberCount: Int
    /// Open findings about the group, by rule id.
    public let openFindingsByRule: [String: Int]
    /// How many directive assignments in the group are overdue.
    public let overdueDirectives: Int
}
