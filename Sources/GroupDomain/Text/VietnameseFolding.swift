/// The per-character part of matching Vietnamese text: lowercase, Ð → đ, default-ignorable characters dropped, and the
/// tone mark separated from its vowel (see ``SyllableKey``).
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
        forEachPiece(of: character) { piece, tone in
            key.letters.append(piece)
            key.tone = adding(tone, to: key.tone)
        }
    }

    /// The matching form of `character` as canonical bytes, or `nil` when a piece of it is not one of the
    /// ``LatinCharacters`` (or the whole is longer than a ``CharacterFold`` holds).
    static func fold(_ character: Character) -> CharacterFold? {
        var fold: CharacterFold? = CharacterFold()
        forEachPiece(of: character) { piece, tone in
            guard var folded = fold, let scalar = LatinCharacters.equivalent(of: piece), folded.append(scalar) else {
                fold = nil
                return
            }
            folded.tone = adding(tone, to: folded.tone)
            fold = folded
        }
        return fold
    }

    /// The tone of a syllable after a character that adds `tone` (0 for none): a second tone makes it
    /// ``malformedTone``.
    @inline(__always)
    static func adding(_ tone: UInt8, to syllable: UInt8) -> UInt8 {
        tone == 0 ? syllable : syllable == 0 ? tone : malformedTone
    }

    /// Calls `body` with each piece of the matching form of `character`, in order: a lowercase character without
    /// tone mark, and the tone taken off it (0 for none). `Ð` (U+00D0) and `Ɖ` (U+0189), typed for `Đ` (U+0110),
    /// give `đ`.
    private static func forEachPiece(of character: Character, _ body: (Character, UInt8) -> Void) {
        if let ascii = character.asciiValue {
            let lower = ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
            body(Character(Unicode.Scalar(lower)), 0)
            return
        }
        for lower in visible(character).lowercased() {
            if let (vowel, tone) = tonedVowels[lower] {
                body(vowel, tone)
            } else if lower == "ð" || lower == "ɖ" {
                body("đ", 0)
            } else {
                body(lower, 0)
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
        guard scalars.contains(where: { $0.properties.isDefaultIgnorableCodePoint }) else { return String(character) }
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
