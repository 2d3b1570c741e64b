/// The content rule a ``TextMatch`` gives evidence for, as numbered in `docs/rules.md`.
///
/// The raw value is the rule's id as reports and findings cite it, e.g. `"R7a"`.
public enum TextRule: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Classified ("Mật", "Tối mật", "Tuyệt mật") documents or information.
    case r7a = "R7a"
    /// Information from unofficial or unreliable sources (links outside the official domains).
    case r7b = "R7b"
    /// Unlawful content, or content insulting someone's honour or dignity.
    case r7c = "R7c"
    /// Offensive words, and icons expressing personal emotion (emoji and emoticons).
    case r7d = "R7d"
    /// Advertising, buying or selling for personal benefit.
    case r7e = "R7e"

    public var description: String { rawValue }

    public static func < (lhs: TextRule, rhs: TextRule) -> Bool { lhs.rawValue < rhs.rawValue }
}
