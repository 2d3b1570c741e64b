/// Why bytes are not acceptable JSON: a stable ``code`` for programs, where it happened (``byteOffset`` and
/// ``path``), and a ``message`` for people such as `duplicate key "id" at byte 57 in $.data`.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Bytes that are not well-formed UTF-8: a stray continuation byte, an overlong form, an encoded surrogate,
        /// a code point above U+10FFFF or a truncated sequence.
        case invalidUTF8
        /// The input starts with the UTF-8 byte order mark EF BB BF, which RFC 8259 §8.1 forbids adding.
        case byteOrderMark
        /// A byte that cannot start or continue the JSON text at this point.
        case unexpectedCharacter
        /// The input ended inside a value.
        case unexpectedEnd
        /// An object names the same key twice (keys compare by their exact Unicode scalars).
        case duplicateKey
        /// Arrays and objects nest deeper than ``JSONLimits/maxDepth``.
        case tooDeep
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape
        /// A `\uD800`–`\uDFFF` escape that is not part of a high-low surrogate pair.
        case loneSurrogate
        /// A raw byte below 0x20 inside a string; it must be escaped.
        case controlCharacterInString
        /// A number that breaks the RFC 8259 grammar (leading zeros, `+`, `.5`, `1.`, `NaN`, `Infinity`) or whose
        /// magnitude is too large for an IEEE 754 double.
        case invalidNumber
        /// Something other than whitespace follows the JSON value.
        case trailingData
        /// A string longer than ``JSONLimits/maxStringBytes``.
        case stringTooLong
        /// A number with more digits than ``JSONLimits/maxNumberDigits``.
        case numberTooLong
    }

    /// The kind of failure.
    public let code: Code
    /// The offset of the offending byte from the start of the input: the first byte of a bad UTF-8 sequence, the
    /// backslash of a bad escape, the opening quote of a duplicate or over-long string, the bracket that nests too
    /// deep, or the input's length when it ended too early.
    public let byteOffset: Int
    /// Where in the document: `$` for the top level, then `.name` or `["other key"]` for object members and `[3]`
    /// for array elements, e.g. `$.data.items[3]`.
    public let path: String
    /// What went wrong and where, for people.
    public let message: String

    /// Creates an error; `what` describes the problem and is completed with the offset and path.
    init(_ code: Code, at byteOffset: Int, path: String, what: String, hint: String? = nil) {
        self.code = code
        self.byteOffset = byteOffset
        self.path = path
        var message = "\(what) at byte \(byteOffset) in \(path)"
        if let hint { message += " (\(hint))" }
        self.message = message
    }

    public var description: String { message }
}
