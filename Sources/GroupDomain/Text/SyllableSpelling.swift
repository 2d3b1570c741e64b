/// How a word token or a single character reads for matching, as ``AnalysedText/tokenize(_:)`` and
/// ``CharacterKeys`` hand it to a ``SyllableVocabulary``.
enum SyllableSpelling {
    /// The matching form as canonical UTF-8 bytes (``CharacterFold``s end to end) and its tone: equal bytes and tone
    /// mean equal ``SyllableKey``s, and different ones different keys.
    case canonical(bytes: [UInt8], tone: UInt8)
    /// The matching form as a ``SyllableKey``, for text whose folded form is not made of ``LatinCharacters``.
    case other(SyllableKey)
}
