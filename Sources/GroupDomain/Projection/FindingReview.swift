/// A person's verdict on a finding (`finding.reviewed`): confirmed, dismissed or escalated.
public struct FindingReview: Sendable, Codable, Hashable {
    /// `confirmed`, `dismissed` or `escalated`.
    public let verdict: String
    /// The reviewing person.
    public let reviewer: String
    /// The record.
    public let mark: EventMark

    public init(verdict: String, reviewer: String, mark: EventMark) {
        self.verdict = verdict
        self.reviewer = reviewer
        self.mark = mark
    }
}
