/// A JSON number exactly as written in the input: the parser never converts it to a binary floating-point value,
/// so identifiers and amounts with any number of digits survive parsing unchanged.
///
/// Every `JSONNumber` is valid RFC 8259 number syntax whose magnitude fits an IEEE 754 double (plain integers of
/// any length excepted, which are kept exact), so ``JCS`` can always serialize it.
///
/// Equality and hashing compare ``text``: `1.0` and `1` are different numbers here. Compare ``integerDigits`` or
/// the ``JCS`` bytes when numeric equality is meant.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's source text, e.g. `-12`, `3.50`, `1E+30`.
    public let text: String
    /// Whether ``text`` is plain integer syntax: an optional `-` and digits, with no fraction or exponent. `1.0`,
    /// `1e3` and `1E0` are not integers in this sense, although their values are whole.
    public let isInteger: Bool

    /// Wraps text the parser has already checked.
    init(validatedText text: String, isInteger: Bool) {
        self.text = text
        self.isInteger = isInteger
    }

    /// Checks `text` against the RFC 8259 number grammar (no surrounding whitespace, no leading zeros or `+`, no
    /// `NaN` or `Infinity`) and the range of a double; returns `nil` when it does not pass.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
            let last = bytes.last, last >= 0x30 && last <= 0x39,
            case .number(let number)? = try? JSONParser().parse(bytes)
        else { return nil }
        self = number
    }

    /// The decimal text of an integer, e.g. `JSONNumber(42)`.
    public init(_ value: some BinaryInteger) {
        self.init(validatedText: String(value), isInteger: true)
    }

    /// The shortest text that reads back as `value`, formatted like ECMAScript's `Number.prototype.toString`
    /// (so it is already in ``JCS`` form: `0.1`, `1e+21`, `-5e-324`); `nil` for NaN and infinities.
    /// Negative zero becomes `0`.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        var bytes = [UInt8]()
        ECMAScriptNumber.format(value, into: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        self.init(
            validatedText: text,
            isInteger: !bytes.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }
        )
    }

    /// For plain integer syntax (``isInteger``), the exact integer in canonical decimal form: the text itself,
    /// except that `-0` becomes `0` (RFC 8259 already rules out leading zeros and `+`). `nil` otherwise.
    public var integerDigits: String? {
        guard isInteger else { return nil }
        return text == "-0" ? "0" : text
    }

    /// The value as an `Int64` when ``text`` is plain integer syntax and the value fits; `nil` otherwise.
    public var int64Value: Int64? {
        guard isInteger else { return nil }
        return Int64(text)
    }

    /// The IEEE 754 double nearest to the value (correctly rounded); may lose digits, so never use it for
    /// identifiers. Integers too large for a double give an infinity.
    public var doubleValue: Double {
        Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity)
    }

    public var description: String { text }
}
