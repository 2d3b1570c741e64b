/// Numbers the matching forms of single characters (``VietnameseFolding/key(of:)``) that emoticons and amount units
/// are made of, so that a character of the text is compared with them as an integer.
///
/// A character of the text gets the number of the configured character whose key equals its own, or
/// ``SyllableVocabulary/unknown``; ``LatinCharacters`` scalars get theirs from a table made once.
struct CharacterKeys: Sendable {
    private var vocabulary = SyllableVocabulary()
    /// For each ``LatinCharacters`` scalar, in table order, its number.
    private var latin: [Int32] = []

    /// Numbers the characters of `terms` in order.
    init(_ terms: [String]) {
        for term in terms {
            for character in term { _ = vocabulary.insert(Self.spelling(of: character)) }
        }
        latin = zip(LatinCharacters.scalars, LatinCharacters.classes).map { [vocabulary] scalar, latinClass in
            let key = { VietnameseFolding.key(of: Character(scalar)) }
            return vocabulary.syllable(latinClass.fold.map(Self.spelling) ?? .other(key()))
        }
    }

    /// The number of `character`'s key; every character of the terms given to ``init(_:)`` has one.
    func key(of character: Character) -> Int32 {
        vocabulary.syllable(Self.spelling(of: character))
    }

    /// The number of the key of the character at `position` of `text`, or ``SyllableVocabulary/unknown``.
    @inline(__always)
    func key(at position: Int, in text: borrowing AnalysedText) -> Int32 {
        let cluster = text.clusters[position]
        guard cluster.complex < 0 else {
            let character = text.complexCharacters[Int(cluster.complex)]
            guard let fold = character.characterClass.fold else {
                return vocabulary.syllable(character.key!.key, hashValue: character.key!.hashValue)
            }
            var index = 0
            return vocabulary.syllable(
                hash: SyllableVocabulary.hash(fold.hashed(SyllableVocabulary.hashSeed), tone: fold.tone),
                count: Int(fold.count),
                tone: fold.tone,
                spelling: { Self.bytes(of: fold) },
                isSpelling: { expected in
                    index = expected.startIndex
                    return fold.isPrefix(of: expected, at: &index) && index == expected.endIndex
                }
            )
        }
        return latin[LatinCharacters.index(cluster.scalar)!]
    }

    /// How `character` reads for matching.
    private static func spelling(of character: Character) -> SyllableSpelling {
        guard let fold = VietnameseFolding.fold(character) else { return .other(VietnameseFolding.key(of: character)) }
        return spelling(fold)
    }

    /// How a character with this fold reads for matching.
    private static func spelling(_ fold: CharacterFold) -> SyllableSpelling {
        .canonical(bytes: bytes(of: fold), tone: fold.tone)
    }

    /// The bytes of a fold.
    private static func bytes(of fold: CharacterFold) -> [UInt8] {
        var bytes: [UInt8] = []
        fold.write(to: &bytes)
        return bytes
    }
}
