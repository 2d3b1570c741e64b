/// Checks on text that goes into the chain.
enum TextCheck {
    /// Why `text` holds characters that could hide or reorder what a report shows (control characters,
    /// bidirectional controls such as U+202E, line and paragraph separators, U+FEFF), or `nil`. The same set
    /// `EnvelopeRules.identifierProblem` refuses in ids, without its length limit.
    static func hiddenCharacterProblem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7f...0x9f).contains(v) {
                return "contains control character U+\(hex4(v))"
            }
            if (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200e || v == 0x200f
                || v == 0x061c || v == 0x2028 || v == 0x2029 || v == 0xfeff
            {
                return "contains invisible or bidirectional control U+\(hex4(v))"
            }
        }
        return nil
    }

    static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
