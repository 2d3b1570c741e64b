/// Characters outside the ``LatinCharacters`` that posts often contain, classified once as ``ComplexCharacter``s and
/// found by their UTF-8 bytes: Vietnamese letters typed in NFD (a vowel and one or two combining marks, "e" U+0323
/// U+0302 for "ệ"), single scalars among punctuation, currency signs, symbols, dingbats and emoji (“ ” – … ₫ ❤ 👍),
/// the emoji symbols with U+FE0F (❤️), the emoji with a skin tone (👍🏽), and flags (🇻🇳).
///
/// A value here is exactly what ``ComplexCharacter/init(_:)`` makes of the character, so using it changes nothing but
/// the time taken. ``AnalysedText`` also uses the table to see where such a character ends: a Latin letter followed
/// by combining marks (U+0300–U+036F), or a single scalar of this table, is a whole grapheme cluster when a
/// segmentable ``LatinCharacters`` scalar or the end of the text follows it (`TextCanonicalFormTests` checks every
/// entry).
enum CommonCharacters {
    /// The characters by ``key(_:)`` of their bytes.
    static let byBytes: [UInt64: ComplexCharacter] = {
        var table: [UInt64: ComplexCharacter] = [:]
        func add(_ scalars: [Unicode.Scalar]) {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let bytes = Array(text.utf8)
            guard bytes.count <= 8, text.count == 1 else { return }
            table[key(bytes[...])] = ComplexCharacter(Character(text))
        }
        for base in vowels {
            for first in marks {
                add([base, first])
                for second in marks { add([base, first, second]) }
            }
        }
        for range in symbolRanges {
            for scalar in range.compactMap(Unicode.Scalar.init) {
                add([scalar])
                if scalar.properties.isEmoji { add([scalar, "\u{FE0F}"]) }
            }
        }
        for scalar in emojiRanges.joined().compactMap(Unicode.Scalar.init) { add([scalar]) }
        for base in (symbolRanges + emojiRanges).joined().compactMap(Unicode.Scalar.init)
        where base.properties.isEmojiModifierBase {
            for modifier in skinTones { add([base, modifier]) }
        }
        for first in regionalIndicators {
            for second in regionalIndicators { add([first, second]) }
        }
        add(["\u{00A9}"])
        add(["\u{00AE}"])
        return table
    }()

    /// The key of a character of at most 8 bytes: the bytes, the first in the lowest 8 bits. (No byte of such a
    /// character is 0, so the key also tells the length.)
    @inline(__always)
    static func key<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    /// The bases of Vietnamese letters in NFD, and the precomposed vowels that some keyboards combine with a tone mark.
    private static let vowels: [Unicode.Scalar] = Array("aeiouyAEIOUYâăêôơưÂĂÊÔƠƯ".unicodeScalars)
    /// The combining marks of Vietnamese: the five tones, then circumflex, breve and horn.
    private static let marks: [Unicode.Scalar] = [
        "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}",
    ]
    /// General punctuation, currency signs, letterlike symbols, arrows, miscellaneous symbols and dingbats.
    private static let symbolRanges: [ClosedRange<UInt32>] = [
        0x2000...0x206F, 0x20A0...0x20C0, 0x2100...0x214F, 0x2190...0x21FF, 0x2600...0x27BF,
    ]
    /// Pictographs, emoticons, transport symbols and supplemental pictographs.
    private static let emojiRanges: [ClosedRange<UInt32>] = [0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF]
    /// The five skin tones (emoji modifiers).
    private static let skinTones = (0x1F3FB...0x1F3FF).compactMap(Unicode.Scalar.init)
    /// The regional indicators, which make flags in pairs (🇻🇳).
    private static let regionalIndicators = (0x1F1E6...0x1F1FF).compactMap(Unicode.Scalar.init)
}
