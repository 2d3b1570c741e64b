/// The checks every envelope passes before it is appended, shared by `append` and the importers.
public enum EnvelopeRules {
    /// The longest input line `append` reads: longer lines are refused before they are parsed.
    public static let maxLineBytes = 1 << 20
    /// The longest `id`, `actor` or `group`, in UTF-8 bytes.
    public static let maxIdentifierBytes = 256
    /// The largest canonical `content`, in bytes (content lives outside the record, so it may exceed a record).
    public static let maxContentBytes = 512 << 10
    /// The deepest nesting accepted in an input line.
    public static let maxDepth = 32

    /// Types in this namespace are written only by the ledger itself.
    public static let reservedNamespace = "ledger"

    /// Event ids that start with this (in any case) belong to the ledger's own events (`ledger:initialized`,
    /// `ledger:key_rotated:<key id>`, `ledger:content_withheld:<seq>`): an input event may not take one, or it could
    /// pose as a key change or a withholding that the writer looks up by id.
    public static let reservedIdPrefix = "ledger:"

    /// Why `id` may not be the id of an input event, or `nil` when it may: it must not start with
    /// ``reservedIdPrefix`` in any case.
    public static func reservedIdProblem(_ id: String) -> String? {
        let prefix = reservedIdPrefix.utf8
        guard id.utf8.count >= prefix.count,
            zip(id.utf8, prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
        else { return nil }
        return "starts with \"\(reservedIdPrefix)\", which is reserved for events the ledger writes itself"
    }

    /// The part of a type before its first dot.
    public static func namespace(of type: String) -> String {
        String(type.utf8.prefix { $0 != UInt8(ascii: ".") }.map { Character(Unicode.Scalar($0)) })
    }

    /// A type is two or more dot-separated words of `a-z`, `0-9` and `_`, each starting with a letter.
    public static func isValidType(_ type: String) -> Bool {
        let parts = type.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count >= 2, type.utf8.count <= 64 else { return false }
        for part in parts {
            guard let first = part.first, (97...122).contains(first) else { return false }
            for c in part where !((97...122).contains(c) || (48...57).contains(c) || c == 95) { return false }
        }
        return true
    }

    /// Why an identifier (`id`, `actor`, `group`) is unacceptable, or `nil` when it is fine: it must be non-empty,
    /// at most ``maxIdentifierBytes``, and free of control characters, bidirectional controls and line separators,
    /// which would let a hostile source hide or reorder what a report shows, and of Unicode default-ignorable code
    /// points (``defaultIgnorableProblem(_:)``), which would let `u1` with a soft hyphen pose as the account `u1`.
    /// Free text (`content`, reasons, labels) may hold default-ignorables: emoji need U+200D and U+FE0F.
    public static func identifierProblem(_ value: String) -> String? {
        storedIdentifierProblem(value) ?? defaultIgnorableProblem(value)
    }

    /// The identifier rules before default-ignorable code points were refused: what records already in a ledger
    /// were checked against, and still are when they are read back.
    public static func storedIdentifierProblem(_ value: String) -> String? {
        if value.isEmpty { return "is empty" }
        if value.utf8.count > maxIdentifierBytes { return "is longer than \(maxIdentifierBytes) bytes" }
        return hiddenCharacterProblem(value)
    }

    /// Why `text` holds a Unicode default-ignorable code point (DerivedCoreProperties.txt, Unicode 15.1): characters
    /// that render as nothing, so that two different identifiers read the same. Among them U+00AD SOFT HYPHEN,
    /// U+034F, U+115F/U+1160/U+3164/U+FFA0 (Hangul fillers), U+17B4/U+17B5, U+180B–U+180F, U+200B–U+200F,
    /// U+202A–U+202E, U+2060–U+206F, the variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF, U+FEFF, the tag
    /// characters U+E0000–U+E007F, and the code points the standard reserves as default-ignorable.
    public static func defaultIgnorableProblem(_ text: String) -> String? {
        for scalar in text.unicodeScalars where isDefaultIgnorable(scalar.value) {
            return
                "contains the invisible (default-ignorable) character U+\(Hex.uppercase(scalar.value, minimumDigits: 4))"
        }
        return nil
    }

    /// Default_Ignorable_Code_Point of Unicode 15.1, as a fixed table so that the rule does not change with the
    /// toolchain's Unicode data.
    static func isDefaultIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8,
            0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            true
        default:
            false
        }
    }

    /// Why `text` holds characters that could hide or reorder what a report shows (control characters,
    /// bidirectional controls such as U+202E, line and paragraph separators, U+FEFF), or `nil`.
    public static func hiddenCharacterProblem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7f...0x9f).contains(v) {
                return "contains control character U+\(Hex.uppercase(v, minimumDigits: 4))"
            }
            if (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200e || v == 0x200f
                || v == 0x061c || v == 0x2028 || v == 0x2029 || v == 0xfeff
            {
                return "contains invisible or bidirectional control U+\(Hex.uppercase(v, minimumDigits: 4))"
            }
        }
        return nil
    }
}
