/// Where a text rule matched: which text of the post, the matched text, and its span in UTF-8 bytes and in UTF-16
/// code units (the unit of Zalo's mention offsets), both over the text exactly as stored.
public struct TextSpan: Sendable, Codable, Hashable {
    /// The text searched: `text`, or `attachments[0].title`, `attachments[0].href`, `attachments[0].description`.
    public let field: String
    /// What the matcher found, e.g. `stamp`, `emoji`, `link`.
    public let kind: String
    /// The matched text, exactly as stored.
    public let text: String
    /// Byte offsets into the UTF-8 of the field.
    public let utf8: Range<Int>
    /// Code-unit offsets into the UTF-16 of the field.
    public let utf16: Range<Int>
    /// For weighed evidence (R7c, R7e), the signals that decided the match, each with its own span in the same
    /// field, its group and its weight; empty for the other kinds.
    public let signals: [EvidenceSignal]

    /// Creates a span.
    public init(
        field: String,
        kind: String,
        text: String,
        utf8: Range<Int>,
        utf16: Range<Int>,
        signals: [EvidenceSignal] = []
    ) {
        self.field = field
        self.kind = kind
        self.text = text
        self.utf8 = utf8
        self.utf16 = utf16
        self.signals = signals
    }

    /// The signals in one line: `insult +4 “Đồ ngu” 0..<8, target +2 “mày” 12..<16` (UTF-8 offsets).
    public var signalSummary: String {
        signals.map { signal in
            "\(signal.group) \(signal.weight >= 0 ? "+" : "")\(signal.weight) “\(signal.text)” "
                + "\(signal.utf8Range.lowerBound)..<\(signal.utf8Range.upperBound)"
        }.joined(separator: ", ")
    }
}
