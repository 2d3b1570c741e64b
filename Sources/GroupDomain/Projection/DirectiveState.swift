public import LedgerCore

/// A directive (chỉ đạo, R2) from its issue to its completion, with each assignee's answers.
public struct DirectiveState: Sendable, Codable, Equatable {
    /// The directive id.
    public let id: String
    /// The group it was issued in.
    public let group: String
    /// The person who issued it.
    public let issuer: String
    /// The persons it was assigned to, as issued.
    public let assignees: [String]
    /// The due time.
    public let due: Timestamp
    /// The post it came from, if recorded.
    public let sourceMessage: String?
    /// The person who confirmed it as a directive, if it started as a candidate.
    public let confirmedBy: String?
    /// The `directive.issued` record.
    public let issued: EventMark
    /// Each assignee's answers, by person id (also answers from persons not in `assignees`).
    public var answers: [String: AssigneeProgress] = [:]
    /// The `directive.cancelled` record, who cancelled it and why.
    public var cancelled: Cancellation?

    public init(
        id: String,
        group: String,
        issuer: String,
        assignees: [String],
        due: Timestamp,
        sourceMessage: String?,
        confirmedBy: String?,
        issued: EventMark
    ) {
        self.id = id
        self.group = group
        self.issuer = issuer
        self.assignees = assignees
        self.due = due
        self.sourceMessage = sourceMessage
        self.confirmedBy = confirmedBy
        self.issued = issued
    }

    /// The status for `assignee`: `cancelled` once cancelled (unless completed first), else their progress.
    public func status(of assignee: String) -> DirectiveStatus {
        let progress = answers[assignee] ?? AssigneeProgress()
        if let cancelled, progress.completed.map({ $0 > cancelled.mark }) ?? true { return .cancelled }
        return progress.status
    }
}
