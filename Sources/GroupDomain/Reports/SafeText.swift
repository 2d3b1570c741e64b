import LedgerCore

/// Makes text from the ledger safe to show: bidirectional controls (which can reorder what a reader sees, e.g.
/// U+202E RIGHT-TO-LEFT OVERRIDE), other invisible format characters and control characters become visible
/// `⟦U+202E⟧` markers. Used by every report format before any escaping.
public enum SafeText {
    /// `text` with every control, bidirectional control and invisible format character made visible.
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out += "⟦U+" + Hex.uppercase(scalar.value, minimumDigits: 4) + "⟧"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Controls (C0, DEL, C1), bidirectional controls and marks, the line and paragraph separators, and the other
    /// default-ignorable format characters that are not part of emoji sequences (ZWJ U+200D and variation
    /// selectors are kept, so emoji still show as emoji).
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }
}
