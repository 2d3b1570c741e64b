/// The syntax of key names in [C2SP signed notes](https://c2sp.org/signed-note#format).
///
/// "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B) characters."
public enum NoteKeyName {
    /// Whether `name` can name a note key: non-empty, with no `+` and no Unicode space.
    ///
    /// "Unicode space" is the Unicode `White_Space` property, the set Go's `unicode.IsSpace` uses in
    /// `golang.org/x/mod/sumdb/note`: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F and U+3000.
    public static func isValid(_ name: some StringProtocol) -> Bool {
        guard !name.isEmpty else { return false }
        for scalar in name.unicodeScalars where scalar == "+" || isSpace(scalar) {
            return false
        }
        return true
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
