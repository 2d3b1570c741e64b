public import LedgerCore

/// A head's post that reads like a directive ("Đề nghị …", "Yêu cầu … báo cáo trước …"): listed for a person to
/// confirm with `directive.issued` (`confirmed_by`), never confirmed automatically.
public struct DirectiveCandidate: Sendable, Codable, Hashable {
    /// The post.
    public let post: EventMark
    /// The group.
    public let group: String
    /// The post's message id, for `directive.issued`'s `source_message`.
    public let message: String
    /// The head (person) who wrote it.
    public let author: String
    /// The opening phrase it starts with (from `candidates.openers`).
    public let opener: String
    /// The deadline phrase it contains (from `candidates.deadline_words`).
    public let deadlineWord: String
    /// The post's text (at most 300 characters, "…" when cut).
    public let text: String
    /// The due time its text names (``DeadlineReader``), a suggestion for the person who confirms it.
    public let due: Timestamp?
}
