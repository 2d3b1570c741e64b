/// A maximal run of letters and digits in the text (a Vietnamese syllable, an English word, `250k`), by character
/// positions in an ``AnalysedText``.
///
/// Default-ignorable characters between two word characters (a zero-width space, a soft hyphen, a bidi control) stay
/// inside the token and are left out of its spelling, so they cannot hide a listed word. Emoji and links are never
/// part of a token.
struct WordToken: Sendable {
    /// Character positions of the token in the analysed text.
    let range: Range<Int>
    /// The token's syllable in the matcher's ``SyllableVocabulary``, or ``SyllableVocabulary/unknown`` when no
    /// configured term has that syllable.
    let syllable: Int32
    /// Whether the token has at least one cased letter and no lowercase letter ("MẬT", "TỐI", "CTV2").
    let isUppercase: Bool
}
