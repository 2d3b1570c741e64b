/// One signal inside a weighed ``TextMatch`` (R7c unlawful content, R7e advertising): which configured group it
/// belongs to, what matched, where, and what it added to the score.
///
/// Offsets refer to the original text, as in ``TextMatch``.
public struct EvidenceSignal: Sendable, Hashable {
    /// The name of the signal group in the configuration, e.g. `"offer"`, `"price"`, `"contact"` (R7e) or `"insult"`,
    /// `"target"` (R7c).
    public let group: String
    /// The configured term; `"<amount>"` for a price amount such as `250k` and `"<phone>"` for a phone number.
    public let term: String
    /// The signal as written, a slice of the original string.
    public let text: Substring
    /// The byte offsets of ``text`` in the original string's UTF-8.
    public let utf8Range: Range<Int>
    /// The offsets of ``text`` in the original string's UTF-16 code units.
    public let utf16Range: Range<Int>
    /// The weight of the signal's group (``MatchConfiguration/Adverts/weight(of:)``): what it added to the score
    /// when the evidence is weighed; negative for counter-evidence.
    public let weight: Int

    /// Creates a signal; the matcher is the usual source of signals.
    public init(
        group: String,
        term: String,
        text: Substring,
        utf8Range: Range<Int>,
        utf16Range: Range<Int>,
        weight: Int = 1
    ) {
        self.group = group
        self.term = term
        self.text = text
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
        self.weight = weight
    }
}
