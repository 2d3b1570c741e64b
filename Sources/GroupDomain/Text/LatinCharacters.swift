/// The characters made of one Unicode scalar from ASCII, Latin-1 Supplement, Latin Extended-A and -B
/// (U+0000–U+024F) and Latin Extended Additional (U+1E00–U+1EFF), which hold every precomposed Vietnamese letter,
/// with their ``CharacterClass`` worked out once, so that NFC Vietnamese text is classified by table look-ups.
///
/// Three facts about these scalars let the matcher handle them by value (`TextCanonicalFormTests` checks them all):
/// - each is in NFC and composes with none of the others, so a sequence of them is in NFC, and two sequences are
///   canonically equivalent (`String ==`) exactly when their bytes are equal;
/// - a grapheme cluster boundary lies between any two of them except CR LF, and except around © and ®, which are
///   extended pictographic (an emoji ZWJ sequence may continue them) and so are not ``isSegmentable(_:)``;
/// - each one's class is the class of `Character` of that one scalar, so nothing here is a second opinion.
enum LatinCharacters {
    /// The first scalar of Latin Extended Additional; the table holds U+0000–U+024F, then U+1E00–U+1EFF.
    private static let additionalStart: UInt32 = 0x1E00
    /// The number of scalars in U+0000–U+024F.
    private static let basicCount: UInt32 = 0x250
    /// The position of `scalar` in the table, or `nil` when it is not one of these characters.
    @inline(__always)
    static func index(_ scalar: UInt32) -> Int? {
        if scalar < basicCount { return Int(scalar) }
        let offset = scalar &- additionalStart
        return offset < 0x100 ? Int(basicCount + offset) : nil
    }

    /// Whether a character of this one scalar always forms a grapheme cluster of its own when the next scalar is
    /// one of these too (CR before LF excepted): every scalar of the table but © and ®.
    @inline(__always)
    static func isSegmentable(_ scalar: UInt32) -> Bool {
        index(scalar) != nil && scalar != 0xA9 && scalar != 0xAE
    }

    /// Every scalar of the table, in table order.
    static let scalars: [Unicode.Scalar] =
        (0..<basicCount).compactMap(Unicode.Scalar.init)
        + (additionalStart..<(additionalStart + 0x100)).compactMap(Unicode.Scalar.init)

    /// The class of each scalar's character, in table order.
    static let classes: [CharacterClass] = scalars.map { CharacterClass(Character($0)) }

    /// Each scalar's character, to find the scalar that a character in another form (NFD, a singleton such as
    /// U+212A KELVIN SIGN for `K`) is canonically equivalent to: `Character` hashes and compares by canonical
    /// equivalence.
    private static let byCharacter: [Character: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: scalars.map { (Character($0), $0) }
    )

    /// The scalar of the table that `character` is canonically equivalent to, if there is one.
    static func equivalent(of character: Character) -> Unicode.Scalar? {
        let characterScalars = character.unicodeScalars
        if characterScalars.count == 1, let scalar = characterScalars.first, index(scalar.value) != nil {
            return scalar
        }
        return byCharacter[character]
    }
}
