/// Splits text into words in the form a search compares: lowercase, with every Vietnamese diacritic taken off (tone
/// marks, circumflex, breve, horn; `đ`/`Đ` read as `d`), default-ignorable characters dropped, whatever the Unicode
/// normalisation: "Đề NGHỊ" in NFC or NFD and "de nghi" give the same words, `["de", "nghi"]`.
///
/// A word is a run of letters and digits (`p-017` gives `p` and `017`). Unlike the rule matcher
/// (``SyllableKey``), which keeps the marks that carry meaning, a search forgives them: people type without
/// diacritics.
///
/// It keeps the folding of each non-ASCII character it has met, so one value folds a long run of texts quickly; it
/// is a value, so each user (an indexer, a query) keeps its own.
public struct SearchFolding: Sendable {
    private var folded: [Character: String] = [:]

    public init() {}

    /// The words of `text` in search form, in order.
    public mutating func words(of text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            if let ascii = character.asciiValue {
                if (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii) {
                    word.unicodeScalars.append(Unicode.Scalar(ascii))
                } else if (0x41...0x5A).contains(ascii) {
                    word.unicodeScalars.append(Unicode.Scalar(ascii + 0x20))
                } else if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            } else if VietnameseFolding.isIgnorable(character) {
                continue
            } else if character.isLetter || character.isNumber {
                word += fold(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// `character` (a letter or digit outside ASCII) lowercase and without diacritics: the ASCII base letter for
    /// Vietnamese Latin, else the lowercase character without its tone mark.
    private mutating func fold(_ character: Character) -> String {
        if let known = folded[character] { return known }
        let key = VietnameseFolding.key(of: character)
        var result = ""
        for letter in key.letters {
            if let base = StampRecall.base(of: SyllableKey(letters: String(letter), tone: 0)) {
                result.unicodeScalars.append(Unicode.Scalar(base))
            } else {
                result.append(letter)
            }
        }
        folded[character] = result
        return result
    }
}
