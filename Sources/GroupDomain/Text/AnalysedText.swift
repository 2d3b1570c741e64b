/// The text under analysis: the original string's grapheme clusters, each one's offsets in the original, which of them
/// are emoji or belong to a link, and the word tokens.
///
/// All positions inside the matcher are indices into ``characters``; ``span(_:)`` turns them back into UTF-8 and UTF-16
/// offsets and a slice of the original string, so a match never points into a normalised copy.
struct AnalysedText {
    /// The original string.
    let text: String
    /// Its grapheme clusters.
    let characters: [Character]
    /// `indices[i]` is where character `i` starts in ``text``; the last element is `text.endIndex`.
    let indices: [String.Index]
    /// `utf8Offsets[i]` is the UTF-8 offset of character `i`; the last element is the UTF-8 length.
    let utf8Offsets: [Int]
    /// `utf16Offsets[i]` is the UTF-16 offset of character `i`; the last element is the UTF-16 length.
    let utf16Offsets: [Int]
    /// Whether each character is an emoji by its Unicode properties (``EmojiClassifier/isPictographic(_:)``).
    let isPictographic: [Bool]
    /// Whether each character belongs to a link; set by ``markLinks(_:)``.
    private(set) var inLink: [Bool]
    /// The word tokens, in order; built by ``tokenize()``.
    private(set) var tokens: [WordToken] = []

    /// Splits `text` into characters and records their offsets.
    init(_ text: String) {
        self.text = text
        var characters: [Character] = []
        var indices: [String.Index] = []
        var utf8Offsets: [Int] = []
        var utf16Offsets: [Int] = []
        var utf8 = 0
        var utf16 = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            characters.append(character)
            indices.append(index)
            utf8Offsets.append(utf8)
            utf16Offsets.append(utf16)
            utf8 += character.utf8.count
            utf16 += character.utf16.count
            index = text.index(after: index)
        }
        indices.append(text.endIndex)
        utf8Offsets.append(utf8)
        utf16Offsets.append(utf16)
        self.characters = characters
        self.indices = indices
        self.utf8Offsets = utf8Offsets
        self.utf16Offsets = utf16Offsets
        self.isPictographic = characters.map(EmojiClassifier.isPictographic)
        self.inLink = Array(repeating: false, count: characters.count)
    }

    /// The number of characters.
    var count: Int { characters.count }

    /// Marks the characters of each range as part of a link, so word, emoticon and signal matching skip them.
    mutating func markLinks(_ ranges: [Range<Int>]) {
        for range in ranges {
            for position in range { inLink[position] = true }
        }
    }

    // MARK: Character classes

    /// A letter or digit that is not part of an emoji or a link.
    func isWordCharacter(_ position: Int) -> Bool {
        guard !isPictographic[position], !inLink[position] else { return false }
        let character = characters[position]
        return character.isLetter || character.isNumber
    }

    /// A character made only of default-ignorable code points, outside links.
    func isIgnorable(_ position: Int) -> Bool {
        !inLink[position] && VietnameseFolding.isIgnorable(characters[position])
    }

    /// Whitespace that does not end a line (spaces, tabs, no-break spaces).
    func isHorizontalSpace(_ position: Int) -> Bool {
        let character = characters[position]
        return character.isWhitespace && !character.isNewline
    }

    /// An ASCII digit (a single-scalar character, so a keycap emoji is not one).
    func isDigit(_ position: Int) -> Bool {
        guard position >= 0, position < characters.count, let ascii = characters[position].asciiValue else {
            return false
        }
        return ascii >= 0x30 && ascii <= 0x39
    }

    /// A letter or a number of any script (emoji excepted), inside a link or not.
    func isAlphanumeric(_ position: Int) -> Bool {
        guard position >= 0, position < characters.count, !isPictographic[position] else { return false }
        let character = characters[position]
        return character.isLetter || character.isNumber
    }

    /// The first position at or after `position` that is not horizontal space or ignorable.
    func skipSpaces(from position: Int) -> Int {
        var position = position
        while position < count && (isHorizontalSpace(position) || isIgnorable(position)) { position += 1 }
        return position
    }

    /// The last position before `position` that is not horizontal space or ignorable, or -1.
    func skipSpaces(before position: Int) -> Int {
        var position = position - 1
        while position >= 0 && (isHorizontalSpace(position) || isIgnorable(position)) { position -= 1 }
        return position
    }

    // MARK: Tokens

    /// Splits the text into ``WordToken``s, skipping links and emoji.
    mutating func tokenize() {
        var tokens: [WordToken] = []
        var position = 0
        while position < count {
            guard isWordCharacter(position) else {
                position += 1
                continue
            }
            let start = position
            var key = SyllableKey()
            var hasCased = false
            var hasLower = false
            while position < count {
                if isWordCharacter(position) {
                    let character = characters[position]
                    VietnameseFolding.append(character, to: &key)
                    let (isCased, isUppercase) = VietnameseFolding.caseOf(character)
                    hasCased = hasCased || isCased
                    hasLower = hasLower || (isCased && !isUppercase)
                    position += 1
                } else if isIgnorable(position) {
                    var next = position
                    while next < count && isIgnorable(next) { next += 1 }
                    guard next < count && isWordCharacter(next) else { break }
                    position = next
                } else {
                    break
                }
            }
            tokens.append(WordToken(range: start..<position, key: key, isUppercase: hasCased && !hasLower))
        }
        self.tokens = tokens
    }

    /// Whether the characters between two tokens let them form one phrase: one or more spaces (and ignorable
    /// characters), or a single `_` or `-` as in file names ("TOI_MAT", "TUYỆT-MẬT"). A line break, punctuation or a
    /// link in between breaks a phrase.
    func isPhraseGap(_ gap: Range<Int>) -> Bool {
        guard !gap.isEmpty else { return false }
        if gap.count == 1, let ascii = characters[gap.lowerBound].asciiValue, ascii == 0x2D || ascii == 0x5F {
            return !inLink[gap.lowerBound]
        }
        var sawSpace = false
        for position in gap {
            if isHorizontalSpace(position) {
                sawSpace = true
            } else if !isIgnorable(position) {
                return false
            }
        }
        return sawSpace
    }

    // MARK: Spans

    /// The original text and its offsets for a range of character positions.
    func span(_ range: Range<Int>) -> (text: Substring, utf8: Range<Int>, utf16: Range<Int>) {
        (
            text[indices[range.lowerBound]..<indices[range.upperBound]],
            utf8Offsets[range.lowerBound]..<utf8Offsets[range.upperBound],
            utf16Offsets[range.lowerBound]..<utf16Offsets[range.upperBound]
        )
    }

    /// The characters of a token range, from the first token's start to the last token's end.
    func characterRange(ofTokens range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound
    }

    /// Builds a match over a range of character positions.
    func match(
        _ rule: TextRule,
        _ kind: TextMatch.Kind,
        characters range: Range<Int>,
        term: String,
        message: (vi: String, en: String),
        signals: [AdvertSignal] = []
    ) -> TextMatch {
        let (slice, utf8, utf16) = span(range)
        return TextMatch(
            rule: rule,
            kind: kind,
            text: slice,
            utf8Range: utf8,
            utf16Range: utf16,
            term: term,
            messageVI: message.vi,
            messageEN: message.en,
            signals: signals
        )
    }
}
