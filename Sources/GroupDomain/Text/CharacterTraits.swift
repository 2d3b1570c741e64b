/// The Unicode properties of one character (grapheme cluster) that the matcher tests, as bits, so that a scan over
/// the text reads a flag instead of asking `Character` again.
///
/// Each bit is the answer of the `Character` API named on it; ``init(_:)`` asks them all once.
struct CharacterTraits: OptionSet, Sendable {
    let rawValue: UInt16

    /// `Character.isLetter`.
    static let letter = Self(rawValue: 1 << 0)
    /// `Character.isNumber`.
    static let number = Self(rawValue: 1 << 1)
    /// `Character.isWhitespace`.
    static let whitespace = Self(rawValue: 1 << 2)
    /// `Character.isWhitespace` and not `Character.isNewline`: a space, a tab, a no-break space.
    static let horizontalSpace = Self(rawValue: 1 << 3)
    /// Only default-ignorable code points (``VietnameseFolding/isIgnorable(_:)``).
    static let ignorable = Self(rawValue: 1 << 4)
    /// An emoji by its Unicode properties (``EmojiClassifier/isPictographic(_:)``).
    static let pictographic = Self(rawValue: 1 << 5)
    /// A letter or a number that is not an emoji: what words are made of.
    static let alphanumeric = Self(rawValue: 1 << 6)
    /// A cased letter (``VietnameseFolding/caseOf(_:)``); only set on ``alphanumeric`` characters.
    static let cased = Self(rawValue: 1 << 7)
    /// An uppercase letter (``VietnameseFolding/caseOf(_:)``); only set on ``alphanumeric`` characters.
    static let uppercase = Self(rawValue: 1 << 8)
    /// Part of a link; set by ``AnalysedText/markLinks(_:)``, never by ``init(_:)``.
    static let inLink = Self(rawValue: 1 << 9)
    /// The first scalar has the Unicode property Emoji (as `1`, `#`, `©` and `™` do).
    static let emojiFirstScalar = Self(rawValue: 1 << 10)

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The traits of `character`.
    init(_ character: Character) {
        var traits: CharacterTraits = []
        if character.isLetter { traits.insert(.letter) }
        if character.isNumber { traits.insert(.number) }
        if character.isWhitespace {
            traits.insert(.whitespace)
            if !character.isNewline { traits.insert(.horizontalSpace) }
        }
        if VietnameseFolding.isIgnorable(character) { traits.insert(.ignorable) }
        if EmojiClassifier.isPictographic(character) { traits.insert(.pictographic) }
        if character.unicodeScalars.first?.properties.isEmoji == true { traits.insert(.emojiFirstScalar) }
        if !traits.isDisjoint(with: [.letter, .number]) && !traits.contains(.pictographic) {
            traits.insert(.alphanumeric)
            let (isCased, isUppercase) = VietnameseFolding.caseOf(character)
            if isCased { traits.insert(.cased) }
            if isUppercase { traits.insert(.uppercase) }
        }
        self = traits
    }
}
