// A frozen copy of the text matcher as it was before its performance rework (commit 59fd492), kept only in the
// test target as the oracle of TextReferenceDifferentialTests. Do not change it: it defines the expected results.

import GroupDomain

extension TextReference {
    /// The text under analysis: the original string's grapheme clusters, each one's offsets in the original, which of
    /// them are emoji or belong to a link, and the word tokens.
    ///
    /// All positions inside the matcher are indices into ``characters``; ``span(_:)`` turns them back into UTF-8 and
    /// UTF-16 offsets and a slice of the original string, so a match never points into a normalised copy.
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
        /// characters), or a single `_` or `-` as in file names ("TOI_MAT", "TUYỆT-MẬT"). A line break, punctuation or
        /// a link in between breaks a phrase.
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
}

extension TextReference {
    /// A maximal run of letters and digits in the text (a Vietnamese syllable, an English word, `250k`), by character
    /// positions in an ``AnalysedText``.
    ///
    /// Default-ignorable characters between two word characters (a zero-width space, a soft hyphen, a bidi control)
    /// stay inside the token and are left out of its ``key``, so they cannot hide a listed word. Emoji and links are
    /// never part of a token.
    struct WordToken: Sendable {
        /// Character positions of the token in the analysed text.
        let range: Range<Int>
        /// The matching form.
        let key: SyllableKey
        /// Whether the token has at least one cased letter and no lowercase letter ("MẬT", "TỐI", "CTV2").
        let isUppercase: Bool
    }
}

extension TextReference {
    /// A word token (a Vietnamese syllable, or a run of letters and digits) in the form the matcher compares.
    ///
    /// ``letters`` is the token in lowercase with every Vietnamese tone mark taken off its vowel; ``tone`` says which
    /// tone mark was taken off. The vowel-quality marks (circumflex, breve, horn) and `đ` stay in ``letters``, and the
    /// tone is kept, so diacritics still decide: "mật" ≠ "mất" ≠ "mặt" ≠ "mat". Only the *position* of the tone mark is
    /// forgotten, so the old and the new placements compare equal ("hoà" = "hòa", "thuý" = "thúy", "khoẻ" = "khỏe").
    /// Because `String` compares by canonical equivalence, NFC and NFD spellings give equal keys.
    struct SyllableKey: Hashable, Sendable {
        /// The lowercase letters and digits with tone marks removed.
        var letters: String = ""
        /// ``VietnameseFolding/Tone`` raw value; ``VietnameseFolding/malformedTone`` when a token carries two tones.
        var tone: UInt8 = 0
    }
}

extension TextReference {
    /// The per-character part of matching Vietnamese text: lowercase, Ð → đ, default-ignorable characters dropped, and
    /// the tone mark separated from its vowel (see ``SyllableKey``).
    ///
    /// It works on grapheme clusters (`Character`), so precomposed (NFC) and combining (NFD) input behave the same: the
    /// tone table is keyed by `Character`, whose hashing and equality are canonical equivalence. Nothing here strips a
    /// diacritic that carries meaning.
    enum VietnameseFolding {
        /// The five tone marks of Vietnamese, with `none` for the level tone.
        enum Tone: UInt8, CaseIterable {
            case none = 0
            case grave = 1  // huyền, U+0300
            case acute = 2  // sắc, U+0301
            case hook = 3  // hỏi, U+0309
            case tilde = 4  // ngã, U+0303
            case dotBelow = 5  // nặng, U+0323

            /// The combining mark of this tone.
            var mark: Unicode.Scalar? {
                switch self {
                case .none: nil
                case .grave: "\u{0300}"
                case .acute: "\u{0301}"
                case .hook: "\u{0309}"
                case .tilde: "\u{0303}"
                case .dotBelow: "\u{0323}"
                }
            }
        }

        /// The tone value of a token that carries more than one tone mark (never a real syllable).
        static let malformedTone: UInt8 = 0xFF

        /// Every Vietnamese vowel with a tone mark, mapped to the vowel without it and the tone.
        static let tonedVowels: [Character: (vowel: Character, tone: UInt8)] = {
            var table: [Character: (vowel: Character, tone: UInt8)] = [:]
            for vowel in "aăâeêioôơuưy" {
                for tone in Tone.allCases {
                    guard let mark = tone.mark else { continue }
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: vowel.unicodeScalars)
                    scalars.append(mark)
                    table[Character(String(scalars))] = (vowel, tone.rawValue)
                }
            }
            return table
        }()

        /// Adds the matching form of `character` to `key`: its lowercase letters without tone mark to
        /// ``SyllableKey/letters``, its tone (if any) to ``SyllableKey/tone``.
        static func append(_ character: Character, to key: inout SyllableKey) {
            if let ascii = character.asciiValue {
                let lower = ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
                key.letters.unicodeScalars.append(Unicode.Scalar(lower))
                return
            }
            for lower in visible(character).lowercased() {
                if let (vowel, tone) = tonedVowels[lower] {
                    key.letters.append(vowel)
                    key.tone = key.tone == 0 ? tone : malformedTone
                } else if lower == "ð" || lower == "ɖ" {
                    key.letters.append("đ")  // Ð (U+00D0) and Ɖ (U+0189) are typed for Đ (U+0110).
                } else {
                    key.letters.append(lower)
                }
            }
        }

        /// The matching form of one character, e.g. for comparing units and emoticons.
        static func key(of character: Character) -> SyllableKey {
            var key = SyllableKey()
            append(character, to: &key)
            return key
        }

        /// The character without its default-ignorable code points (zero-width spaces and joiners, soft hyphens, bidi
        /// controls, variation selectors), which can hide inside a word without changing how it reads.
        static func visible(_ character: Character) -> String {
            let scalars = character.unicodeScalars
            guard scalars.contains(where: { $0.properties.isDefaultIgnorableCodePoint }) else {
                return String(character)
            }
            var result = String.UnicodeScalarView()
            for scalar in scalars where !scalar.properties.isDefaultIgnorableCodePoint { result.append(scalar) }
            return String(result)
        }

        /// Whether the character is nothing but default-ignorable code points (so it may sit inside a word).
        static func isIgnorable(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0.properties.isDefaultIgnorableCodePoint }
        }

        /// Whether the character is an uppercase letter, and whether it is cased at all (digits are not).
        static func caseOf(_ character: Character) -> (isCased: Bool, isUppercase: Bool) {
            if let ascii = character.asciiValue {
                if ascii >= 0x41 && ascii <= 0x5A { return (true, true) }
                if ascii >= 0x61 && ascii <= 0x7A { return (true, false) }
                return (false, false)
            }
            let text = visible(character)
            let upper = text.uppercased()
            guard text.lowercased() != upper else { return (false, false) }
            return (true, text == upper)
        }
    }
}

extension TextReference {
    /// Decides which grapheme clusters are emoji for R7d, by the Unicode emoji properties (UTS #51) rather than a list
    /// of code points, plus the configured extras (``MatchConfiguration/EmojiSettings``).
    ///
    /// Each `Character` is one candidate, so a ZWJ family (👨‍👩‍👧), a skin-toned hand (👍🏽), a flag (🇻🇳) and a keycap
    /// (1️⃣) are each one emoji. `Unicode.Scalar.Properties.isEmoji` alone is not the test: it is true for `1`, `#`,
    /// `©` and `™`, which are text unless U+FE0F asks for emoji presentation.
    struct EmojiClassifier: Sendable {
        /// Count a bare `0`–`9`, `#` or `*` (no U+FE0F, no keycap) as an emoji.
        let countBareDigitsAndSigns: Bool
        /// Count other Emoji=Yes characters in text style (`©`, `™`, `®`, `✔`, `➡`) as emoji without U+FE0F.
        let countTextStyleSymbols: Bool
        /// First scalars of the characters that count even in text style (`☺`, `❤`).
        let alwaysCount: Set<UInt32>

        init(_ settings: MatchConfiguration.EmojiSettings) {
            countBareDigitsAndSigns = settings.countBareDigitsAndSigns
            countTextStyleSymbols = settings.countTextStyleSymbols
            alwaysCount = Set(settings.alwaysCount.compactMap { $0.unicodeScalars.first?.value })
        }

        /// Whether the character is an emoji for R7d under these settings.
        func counts(_ character: Character) -> Bool {
            if Self.isPictographic(character) { return true }
            guard let first = character.unicodeScalars.first else { return false }
            if alwaysCount.contains(first.value) { return true }
            guard first.properties.isEmoji else { return false }
            return first.isASCII ? countBareDigitsAndSigns : countTextStyleSymbols
        }

        /// Whether the character shows as an emoji whatever the settings: some scalar has Emoji_Presentation (this
        /// covers emoji modifiers and regional indicators); or an Emoji scalar is followed by U+FE0F; or it is a keycap
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
}
