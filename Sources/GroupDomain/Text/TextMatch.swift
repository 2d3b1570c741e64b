/// One piece of evidence the ``TextMatcher`` found in a post's text: which rule, what kind of match, the text
/// exactly as written, where it is, and why it matters.
///
/// A match is evidence for a person to review, never a verdict (`docs/rules.md`). Offsets always refer to the
/// **original** text that was passed to ``TextMatcher/matches(in:)``, in whatever normalisation form it arrived:
/// ``utf8Range`` counts bytes, ``utf16Range`` counts UTF-16 code units (the unit of Zalo mention offsets). Slicing the
/// original text's `utf8` or `utf16` view with them gives back exactly ``text``.
public struct TextMatch: Sendable, Hashable, CustomStringConvertible {
    /// What was found.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// R7a: a classification stamp ("MẬT", “Tối mật”, "Độ mật: Mật", "tài liệu mật").
        case classifiedStamp
        /// R7b: a link whose host is not an official domain; ``TextMatch/term`` is the host.
        case unofficialLink
        /// R7c or R7d: a configured word or phrase; ``TextMatch/term`` is the list entry.
        case listedWord
        /// R7d: one emoji (one grapheme cluster: a ZWJ family, a flag or a keycap is one emoji).
        case emoji
        /// R7d: an ASCII emoticon or Zalo shortcode such as `:))` or `/-strong`.
        case emoticon
        /// R7e: enough advertising signals co-occur; ``TextMatch/signals`` lists them.
        case advert
        /// R7c: the weighed evidence of unlawful or insulting content is enough; ``TextMatch/signals`` lists it.
        case unlawfulContent
    }

    /// The rule this is evidence for.
    public let rule: TextRule
    /// What was found.
    public let kind: Kind
    /// The matched text, a slice of the original string (not of a normalised copy). For an advert or weighed
    /// unlawful content it runs from the first signal to the end of the last one.
    public let text: Substring
    /// The byte offsets of ``text`` in the original string's UTF-8.
    public let utf8Range: Range<Int>
    /// The offsets of ``text`` in the original string's UTF-16 code units.
    public let utf16Range: Range<Int>
    /// What matched: the configured entry (`"TỐI MẬT"`, `"đồ ngu"`, `"/-strong"`) for stamps, listed words and
    /// emoticons; the link's host for R7b (`"evil.com"` for `http://chinhphu.vn@evil.com/x`); the emoji itself for
    /// an emoji; and the signal terms joined by `", "` for an advert or weighed unlawful content.
    public let term: String
    /// A short explanation in Vietnamese.
    public let messageVI: String
    /// The same explanation in English.
    public let messageEN: String
    /// For an advert or weighed unlawful content, every signal that counted, in text order; empty for the other kinds.
    public let signals: [EvidenceSignal]

    /// Creates a match; the matcher is the usual source of matches.
    public init(
        rule: TextRule,
        kind: Kind,
        text: Substring,
        utf8Range: Range<Int>,
        utf16Range: Range<Int>,
        term: String,
        messageVI: String,
        messageEN: String,
        signals: [EvidenceSignal] = []
    ) {
        self.rule = rule
        self.kind = kind
        self.text = text
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
        self.term = term
        self.messageVI = messageVI
        self.messageEN = messageEN
        self.signals = signals
    }

    public var description: String {
        "\(rule) \(kind.rawValue) \"\(text)\" utf8 \(utf8Range.lowerBound)..<\(utf8Range.upperBound) term \"\(term)\""
    }
}
