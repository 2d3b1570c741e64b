public import LedgerCore

/// One assignee of one directive, judged at the evaluation point: the directive table of an audit, and what R9
/// findings are made from.
public struct DirectiveRow: Sendable, Hashable {
    /// An acknowledgement and how it was seen.
    public struct Acknowledgement: Sendable, Hashable {
        /// The record.
        public let mark: EventMark
        /// How it was seen.
        public let evidence: Evidence
    }

    /// How an acknowledgement was seen.
    public enum Evidence: String, Sendable, Codable, Hashable {
        /// A `directive.*` record entered by a person.
        case recorded
        /// The assignee's post quoting the directive's source post.
        case reply
        /// The assignee's reaction on the source post.
        case reaction
    }

    /// The directive id.
    public let directive: String
    /// The group it was issued in.
    public let group: String
    /// The person who issued it.
    public let issuer: String
    /// The assignee (a person).
    public let assignee: String
    /// The `directive.issued` record.
    public let issued: EventMark
    /// The source post, when recorded and seen.
    public let source: EventMark?
    /// The due time.
    public let due: Timestamp
    /// The acknowledgement deadline: `R9.acknowledgement_hours` after the source post (or the issue), capped at
    /// the due time (Unix milliseconds).
    public let acknowledgementDeadline: Int64
    /// The status from the `directive.*` records.
    public let status: DirectiveStatus
    /// The first acknowledgement of any kind, and how it was seen.
    public let acknowledgement: Acknowledgement?
    /// The first progress, difficulty or completion record.
    public let progress: EventMark?
    /// The completion record.
    public let completed: EventMark?
    /// The cancellation record.
    public let cancelled: EventMark?
    /// Whether its due time passed (by the evaluation point) with no progress, difficulty or completion recorded
    /// by then, and no cancellation before it.
    public let overdue: Bool
    /// Capture gaps that overlap the window from the source post (or issue) to the due time.
    public let gaps: [CaptureGap]
}
