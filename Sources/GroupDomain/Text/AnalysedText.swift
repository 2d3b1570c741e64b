/// The text under analysis: the original string's grapheme clusters ("characters"), each one's offsets in the
/// original and its class, which of them belong to a link, and the word tokens.
///
/// All positions inside the matcher are character indices; ``span(_:)`` turns them back into UTF-8 and UTF-16
/// offsets and a slice of the original string, so a match never points into a normalised copy. Every question about
/// a character is answered as the same question asked of its `Character` would be, from the classes worked out when
/// the text was split (``init(_:)``).
///
/// Functions take it `borrowing`: a copy would retain each of its arrays.
struct AnalysedText {
    /// The original string.
    let text: String
    /// One cluster per character, then one more that holds the end offsets.
    private(set) var clusters: [TextCluster]
    /// The characters that are not one ``LatinCharacters`` scalar, in order.
    let complexCharacters: [ComplexCharacter]
    /// ``LatinCharacters/classes``, held here so that reading it needs no check of its lazy initialisation.
    let latinClasses: [CharacterClass]
    /// The `asciiValue`s of the characters: a scanner that needs a `:` or a digit skips a text that has none.
    let asciiValues: ASCIISet
    /// The number of characters.
    let count: Int
    /// The word tokens, in order; built by ``tokenize(_:)``.
    var tokens: [WordToken] = []

    /// Splits `text` into characters and classifies them.
    ///
    /// The characters are found on the UTF-8 bytes. A segmentable ``LatinCharacters`` scalar followed by another (or by
    /// the end) is a character of its own, classified by table: that is nearly all of NFC Vietnamese text. Anything
    /// else (CR LF, emoji, combining marks, other scripts) becomes a ``ComplexCharacter`` (see
    /// ``complexCharacter(at:after:ending:in:of:)``).
    init(_ original: String) {
        var text = original
        text.makeContiguousUTF8()
        let latinClasses = LatinCharacters.classes
        var clusters: [TextCluster] = []
        clusters.reserveCapacity(text.utf8.count + 1)
        var complexCharacters: [ComplexCharacter] = []
        var asciiValues = ASCIISet()
        var offset = 0
        var utf16 = 0
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            while offset < bytes.count {
                let (scalar, length) = Self.decode(bytes, at: offset)
                let next = offset + length
                let isAlone =
                    LatinCharacters.isSegmentable(scalar)
                    && (next == bytes.count || Self.isBoundary(bytes, at: next, after: scalar))
                if !isAlone,
                    let character = Self.complexCharacter(at: offset, after: scalar, ending: next, in: bytes, of: text)
                {
                    let characterClass = character.characterClass
                    clusters.append(
                        TextCluster(
                            utf8: offset,
                            utf16: utf16,
                            scalar: character.equivalent,
                            complex: Int32(complexCharacters.count),
                            traits: characterClass.traits,
                            ascii: characterClass.ascii
                        )
                    )
                    asciiValues.insert(characterClass.ascii)
                    complexCharacters.append(character)
                    offset += character.utf8Count
                    utf16 += character.utf16Count
                } else {
                    let characterClass = latinClasses[LatinCharacters.index(scalar)!]
                    clusters.append(
                        TextCluster(
                            utf8: offset,
                            utf16: utf16,
                            scalar: scalar,
                            complex: -1,
                            traits: characterClass.traits,
                            ascii: characterClass.ascii
                        )
                    )
                    asciiValues.insert(characterClass.ascii)
                    offset = next
                    utf16 += 1
                }
            }
        }
        clusters.append(
            TextCluster(
                utf8: offset,
                utf16: utf16,
                scalar: TextCluster.noScalar,
                complex: -1,
                traits: [],
                ascii: CharacterClass.notASCII
            )
        )
        self.text = text
        self.clusters = clusters
        self.complexCharacters = complexCharacters
        self.latinClasses = latinClasses
        self.asciiValues = asciiValues
        self.count = clusters.count - 1
    }

    // MARK: Characters

    /// The character at `position`.
    func character(at position: Int) -> Character {
        let cluster = clusters[position]
        guard cluster.complex < 0 else { return complexCharacters[Int(cluster.complex)].character }
        return Character(Unicode.Scalar(cluster.scalar)!)
    }

    /// The first scalar of the character at `position`.
    @inline(__always)
    func firstScalar(at position: Int) -> Unicode.Scalar {
        let cluster = clusters[position]
        guard cluster.complex < 0 else { return complexCharacters[Int(cluster.complex)].firstScalar }
        return Unicode.Scalar(cluster.scalar)!
    }

    /// The class of the character at `position`.
    @inline(__always)
    func characterClass(at position: Int) -> CharacterClass {
        let cluster = clusters[position]
        guard cluster.complex < 0 else { return complexCharacters[Int(cluster.complex)].characterClass }
        return latinClasses[LatinCharacters.index(cluster.scalar)!]
    }

    /// Whether some character is an ASCII digit (``isDigit(_:)``).
    var containsDigit: Bool { asciiValues.containsDigit }

    /// Whether the character at `position` is the ASCII character `ascii` (as `Character ==` says: U+037E GREEK
    /// QUESTION MARK is `;`).
    @inline(__always)
    func isCharacter(_ position: Int, _ ascii: UInt8) -> Bool {
        clusters[position].scalar == UInt32(ascii)
    }

    /// `Character.asciiValue` of the character at `position`.
    @inline(__always)
    func asciiValue(at position: Int) -> UInt8? {
        let ascii = clusters[position].ascii
        return ascii == CharacterClass.notASCII ? nil : ascii
    }

    /// Marks the characters of each range as part of a link, so word, emoticon and signal matching skip them.
    mutating func markLinks(_ ranges: [Range<Int>]) {
        for range in ranges {
            for position in range { clusters[position].traits.insert(.inLink) }
        }
    }

    // MARK: Character classes

    /// Whether the character at `position` is part of a link.
    @inline(__always)
    func isInLink(_ position: Int) -> Bool { clusters[position].traits.contains(.inLink) }

    /// Whether the character at `position` is an emoji by its Unicode properties.
    @inline(__always)
    func isPictographic(_ position: Int) -> Bool { clusters[position].traits.contains(.pictographic) }

    /// A letter or digit that is not part of an emoji or a link.
    @inline(__always)
    func isWordCharacter(_ position: Int) -> Bool {
        let traits = clusters[position].traits
        return traits.contains(.alphanumeric) && !traits.contains(.inLink)
    }

    /// A character made only of default-ignorable code points, outside links.
    @inline(__always)
    func isIgnorable(_ position: Int) -> Bool {
        let traits = clusters[position].traits
        return traits.contains(.ignorable) && !traits.contains(.inLink)
    }

    /// Whitespace that does not end a line (spaces, tabs, no-break spaces).
    @inline(__always)
    func isHorizontalSpace(_ position: Int) -> Bool { clusters[position].traits.contains(.horizontalSpace) }

    /// An ASCII digit (a single-scalar character, so a keycap emoji is not one).
    @inline(__always)
    func isDigit(_ position: Int) -> Bool {
        guard position >= 0, position < count else { return false }
        return clusters[position].ascii &- 0x30 < 10
    }

    /// `Character.isLetter` of the character at `position`.
    @inline(__always)
    func isLetter(_ position: Int) -> Bool { clusters[position].traits.contains(.letter) }

    /// A letter or a number of any script (emoji excepted), inside a link or not.
    @inline(__always)
    func isAlphanumeric(_ position: Int) -> Bool {
        guard position >= 0, position < count else { return false }
        return clusters[position].traits.contains(.alphanumeric)
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

    // MARK: Spans

    /// The original text and its offsets for a range of character positions.
    func span(_ range: Range<Int>) -> (text: Substring, utf8: Range<Int>, utf16: Range<Int>) {
        let start = clusters[range.lowerBound]
        let end = clusters[range.upperBound]
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start.utf8)
        let upper = utf8.index(utf8.startIndex, offsetBy: end.utf8)
        return (text[lower..<upper], start.utf8..<end.utf8, start.utf16..<end.utf16)
    }

    /// Builds a match over a range of character positions.
    func match(
        _ rule: TextRule,
        _ kind: TextMatch.Kind,
        characters range: Range<Int>,
        term: String,
        message: (vi: String, en: String),
        signals: [EvidenceSignal] = []
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
