/// Why text is not the hexadecimal spelling of bytes.
public enum HexDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An odd number of characters: every byte takes two digits.
    case oddLength(characters: Int)
    /// The UTF-8 byte at `position` (from 0) is not a hexadecimal digit.
    case notADigit(UInt8, position: Int)
    /// The text has `characters` characters where `expectedBytes` bytes, twice as many digits, were expected.
    case wrongLength(characters: Int, expectedBytes: Int)

    public var description: String {
        switch self {
        case .oddLength(let characters):
            "an odd number of characters (\(characters)) where every byte takes two hexadecimal digits"
        case .notADigit(let byte, let position):
            (byte >= 0x21 && byte < 0x7F ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(Hex.encode([byte]))")
                + " at position \(position) is not a hexadecimal digit (0-9, a-f)"
        case .wrongLength(let characters, let expectedBytes):
            "\(characters) characters where \(expectedBytes * 2) hexadecimal digits (\(expectedBytes) bytes) were expected"
        }
    }
}
