/// Hexadecimal text of bytes: two lowercase digits per byte on output; on input an even number of digits of either
/// case and nothing else (no `0x`, no spaces), or a ``HexDecodingError`` that says what is wrong.
public enum Hex {
    /// Two lowercase digits per byte, the high nibble first.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var index = 0
            for byte in bytes {
                out[index] = digit(byte >> 4)
                out[index + 1] = digit(byte & 0x0F)
                index += 2
            }
            return index
        }
    }

    /// The bytes that `text` spells: an even number of hexadecimal digits of either case.
    public static func decode(_ text: some StringProtocol) throws(HexDecodingError) -> [UInt8] {
        let digits = text.utf8
        guard digits.count % 2 == 0 else { throw .oddLength(characters: digits.count) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8?
        for (position, character) in digits.enumerated() {
            guard let nibble = value(ofDigit: character) else {
                throw .notADigit(character, position: position)
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The `count` bytes that `text` spells: exactly `2 × count` hexadecimal digits of either case.
    public static func decode(_ text: some StringProtocol, count: Int) throws(HexDecodingError) -> [UInt8] {
        guard text.utf8.count == count * 2 else {
            throw .wrongLength(characters: text.utf8.count, expectedBytes: count)
        }
        return try decode(text)
    }

    /// The value of one ASCII hexadecimal digit of either case, or `nil` for any other byte.
    @inlinable public static func value(ofDigit character: UInt8) -> UInt8? {
        let decimal = character &- UInt8(ascii: "0")
        if decimal < 10 { return decimal }
        let letter = (character | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : nil
    }

    /// The ASCII digit of `nibble` (0...15): lowercase unless `uppercase`.
    @inlinable public static func digit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) + nibble - 10
    }

    /// Uppercase digits of `value`, zero-padded to at least `minimumDigits`: the notation of code points (`U+00E9`)
    /// and of single bytes (`0xC3`) in messages.
    public static func uppercase(_ value: UInt32, minimumDigits: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
    }
}
