/// One character (grapheme cluster) of an ``AnalysedText``: where it starts in the original string and what the
/// matcher needs to know about it, packed so that a scan reads one array.
struct TextCluster: Sendable {
    /// The UTF-8 offset of the character in the original string.
    let utf8: Int
    /// The UTF-16 offset of the character in the original string.
    let utf16: Int
    /// The ``LatinCharacters`` scalar the character is (or is canonically equivalent to), or ``noScalar``; compare
    /// it to find out whether the character `==` a given one.
    let scalar: UInt32
    /// The character's index among the analysed text's ``ComplexCharacter``s, or -1 when the character is the one
    /// ``LatinCharacters`` scalar ``scalar``.
    let complex: Int32
    /// The character's properties, and whether it is part of a link.
    var traits: CharacterTraits
    /// `Character.asciiValue`, or ``CharacterClass/notASCII``.
    let ascii: UInt8

    /// The ``scalar`` of a character that is no ``LatinCharacters`` scalar.
    static let noScalar = UInt32.max
}
