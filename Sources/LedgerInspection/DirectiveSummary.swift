public import GroupDomain

/// A directive on the directives page: the directive, its issuer and each assignee's row at the evaluation point.
public struct DirectiveSummary: Sendable, Equatable {
    /// One assignee's row, with the assignee named.
    public struct Assignment: Sendable, Hashable {
        /// The assignee, named.
        public let assignee: PersonRef
        /// Status, acknowledgement, progress, completion, overdue and capture gaps.
        public let row: DirectiveRow
    }

    /// The directive as the ledger holds it (answers, cancellation).
    public let directive: DirectiveState
    /// The issuer, named.
    public let issuer: PersonRef
    /// One row per assignee.
    public let assignments: [Assignment]

    /// Whether an assignee's due time passed without progress.
    public var isOverdue: Bool { assignments.contains { $0.row.overdue } }
}
