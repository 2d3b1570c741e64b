/// Decides which grapheme clusters are emoji for R7d, by the Unicode emoji properties (UTS #51) rather than a list of
/// code points, plus the configured extras (``MatchConfiguration/EmojiSettings``).
///
/// Each `Character` is one candidate, so a ZWJ family (👨‍👩‍👧), a skin-toned hand (👍🏽), a flag (🇻🇳) and a keycap
/// (1️⃣) are each one emoji. `Unicode.Scalar.Properties.isEmoji` alone is not the test: it is true for `1`, `#`, `©`
/// and `™`, which are text unless U+FE0F asks for emoji presentation.
struct EmojiClassifier: Sendable {
    /// Count a bare `0`–`9`, `#` or `*` (no U+FE0F, no keycap) as an emoji.
    let countBareDigitsAndSigns: Bool
    /// Count other Emoji=Yes characters in text style (`©`, `™`, `®`, `✔`, `➡`) as emoji without U+FE0F.
    let countTextStyleSymbols: Bool
    /// First scalars of the characters that count even in text style (`☺`, `❤`).
    let alwaysCount: Set<UInt32>
    /// For each ``LatinCharacters`` scalar, in table order, whether its character counts.
    private var latin: [Bool] = []

    init(_ settings: MatchConfiguration.EmojiSettings) {
        countBareDigitsAndSigns = settings.countBareDigitsAndSigns
        countTextStyleSymbols = settings.countTextStyleSymbols
        alwaysCount = Set(settings.alwaysCount.compactMap { $0.unicodeScalars.first?.value })
        latin = zip(LatinCharacters.classes, LatinCharacters.scalars).map { counts($0.traits, firstScalar: $1) }
    }

    /// Whether the character at `position` of `text` is an emoji for R7d under these settings.
    @inline(__always)
    func counts(_ position: Int, in text: borrowing AnalysedText) -> Bool {
        let cluster = text.clusters[position]
        guard cluster.complex >= 0 else { return latin[LatinCharacters.index(cluster.scalar)!] }
        return counts(cluster.traits, firstScalar: text.firstScalar(at: position))
    }

    /// Whether a character with these traits and this first scalar counts: it is pictographic, or it starts with a
    /// scalar of ``alwaysCount``, or with an Emoji scalar that the settings count in text style.
    private func counts(_ traits: CharacterTraits, firstScalar first: Unicode.Scalar) -> Bool {
        if traits.contains(.pictographic) { return true }
        if alwaysCount.contains(first.value) { return true }
        guard traits.contains(.emojiFirstScalar) else { return false }
        return first.isASCII ? countBareDigitsAndSigns : countTextStyleSymbols
    }

    /// Whether the character shows as an emoji whatever the settings: some scalar has Emoji_Presentation (this covers
    /// emoji modifiers and regional indicators); or an Emoji scalar is followed by U+FE0F; or it is a keycap
    /// (`0`–`9`, `#`, `*` with U+20E3); or a non-ASCII Emoji scalar is joined by U+200D to what follows.
    static func isPictographic(_ character: Character) -> Bool {
        if character.asciiValue != nil { return false }
        let scalars = character.unicodeScalars
        var previousIsEmoji = false
        var previousIsASCII = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isEmojiPresentation { return true }
            switch scalar.value {
            case 0xFE0F where previousIsEmoji:
                return true
            case 0x20E3:
                if let first = scalars.first, isKeycapBase(first) { return true }
            case 0x200D where previousIsEmoji && !previousIsASCII:
                return true
            default:
                break
            }
            previousIsEmoji = properties.isEmoji
            previousIsASCII = scalar.isASCII
        }
        return false
    }

    /// `0`–`9`, `#` and `*`, the bases of keycap sequences.
    static func isKeycapBase(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || scalar == "#" || scalar == "*"
    }
}
