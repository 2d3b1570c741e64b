/// Evidence for a person to review under one rule of `docs/rules.md` — never a verdict.
///
/// The id is stable: it is made of the rule, the check, the sequence numbers of the records that started the
/// finding and, when one group or record can give several findings, the person or account concerned
/// (`R3:two-admins:17-19`, `R9:no-acknowledgement:120:p-017`, `R7a:post:1234`). Records appended later never
/// change it, so a `finding.reviewed` event keeps pointing at the same finding.
public struct Finding: Sendable, Codable, Hashable {
    /// The stable id.
    public let id: String
    /// The rule id: `R1`, `R3`, `R4`, `R5`, `R7a`…`R7e`, `R9`.
    public let rule: String
    /// Which check of the rule fired, e.g. `no-head`, `two-admins`, `unreported-switch`, `post`.
    public let check: String
    /// The group, when the finding concerns one.
    public let group: String?
    /// The person or account concerned, when there is one.
    public let subject: String?
    /// The evidence: sequence numbers of records, the primary one first.
    public let seqs: [UInt64]
    /// When the condition began or was observed (Unix milliseconds of event time; for deadlines, the deadline).
    public let time: Int64
    /// How urgent.
    public let severity: Severity
    /// The message in Vietnamese.
    public let messageVI: String
    /// The message in English.
    public let messageEN: String
    /// For text rules, every matched span (the first is the one reports show).
    public let spans: [TextSpan]
    /// For R9, the capture gaps that overlap the window: "no reply seen" there is not "no reply".
    public let captureGaps: [CaptureGap]
    /// The record that ended the condition, when it no longer holds at the evaluation point.
    public let resolved: EventMark?
    /// The latest review of this finding, if any.
    public var review: FindingReview?

    /// Makes a finding; the id is built from `rule`, `check`, `idSeqs` (default: `seqs`) and `subject`.
    ///
    /// - Parameter idSeqs: the records that started the finding, when `seqs` also cites records that came later
    ///   (a late answer, a resolution), so that the id does not change as the ledger grows.
    public init(
        rule: String,
        check: String,
        group: String?,
        subject: String? = nil,
        seqs: [UInt64],
        idSeqs: [UInt64]? = nil,
        time: Int64,
        severity: Severity,
        messageVI: String,
        messageEN: String,
        spans: [TextSpan] = [],
        captureGaps: [CaptureGap] = [],
        resolved: EventMark? = nil
    ) {
        let key = (idSeqs ?? seqs).map(String.init).joined(separator: "-")
        self.id = [rule, check, key].joined(separator: ":") + (subject.map { ":" + $0 } ?? "")
        self.rule = rule
        self.check = check
        self.group = group
        self.subject = subject
        self.seqs = seqs
        self.time = time
        self.severity = severity
        self.messageVI = messageVI
        self.messageEN = messageEN
        self.spans = spans
        self.captureGaps = captureGaps
        self.resolved = resolved
    }

    /// Whether the finding still needs attention: its condition holds at the evaluation point and no review
    /// dismissed it. A confirmed or escalated finding stays open until its condition ends.
    public var isOpen: Bool { resolved == nil && review?.verdict != "dismissed" }

    /// The message in `language`.
    public func message(_ language: ReportLanguage) -> String { language == .vi ? messageVI : messageEN }
}
