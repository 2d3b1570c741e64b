/// How ``AnalysedText/init(_:)`` finds the characters of a text on its UTF-8 bytes.
extension AnalysedText {
    /// The scalar that starts at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (value, 4)
    }

    /// The character at `offset`, which starts with `first` (whose bytes end at `firstEnd`) and is not known to be
    /// a lone segmentable ``LatinCharacters`` scalar; `nil` when it is a lone ``LatinCharacters`` scalar all the same.
    ///
    /// A Latin letter followed by combining marks, or a single other scalar, is taken as the whole character when a
    /// segmentable scalar or the end follows it and ``CommonCharacters`` has it (for its entries that holds);
    /// otherwise `String` finds where the character ends, and ``CommonCharacters`` may still have it.
    static func complexCharacter(
        at offset: Int,
        after first: UInt32,
        ending firstEnd: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        of text: String
    ) -> ComplexCharacter? {
        let common = CommonCharacters.byBytes
        var end = firstEnd
        if LatinCharacters.index(first) != nil {
            // U+0300–U+036F are CC 80–CD AF in UTF-8.
            while end + 1 < bytes.count, bytes[end] == 0xCC || (bytes[end] == 0xCD && bytes[end + 1] < 0xB0) {
                end += 2
            }
        }
        if end - offset <= 8, end == bytes.count || LatinCharacters.isSegmentable(decode(bytes, at: end).0),
            let character = common[CommonCharacters.key(bytes[offset..<end])]
        {
            return character
        }
        let character = text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
        let length = character.utf8.count
        if length == firstEnd - offset, LatinCharacters.index(first) != nil { return nil }
        if length <= 8, let known = common[CommonCharacters.key(bytes[offset..<(offset + length)])] { return known }
        return ComplexCharacter(character)
    }

    /// Whether a grapheme cluster boundary surely lies between the segmentable `previous` scalar and the scalar at
    /// `offset`: when that one is segmentable too, and the two are not CR LF.
    @inline(__always)
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, after previous: UInt32) -> Bool {
        let lead = bytes[offset]
        if lead < 0x80 { return lead != 0x0A || previous != 0x0D }
        return LatinCharacters.isSegmentable(decode(bytes, at: offset).0)
    }
}
