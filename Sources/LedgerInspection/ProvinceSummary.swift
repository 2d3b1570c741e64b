/// The province page: every group with its head, admins, members, open findings and overdue directives.
public struct ProvinceSummary: Sendable, Hashable {
    /// How many records the model has applied (the ledger size it reflects).
    public let size: UInt64
    /// The evaluation point of the findings (Unix milliseconds of event time).
    public let evaluatedAtMillis: Int64
    /// The groups, by id.
    public let groups: [GroupSummary]
    /// Open findings in the whole province, by rule id (including findings about no group).
    public let openFindingsByRule: [String: Int]
    /// How many directive assignments are overdue.
    public let overdueDirectives: Int
    /// How many persons are known.
    public let personCount: Int
    /// How many records had their content withheld.
    public let withheldRecords: Int
}
