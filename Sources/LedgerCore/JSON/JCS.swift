/// The JSON Canonicalization Scheme (RFC 8785): one exact byte sequence for each JSON value, for hashing and
/// signing.
///
/// - Objects: members sorted by key, keys compared as sequences of UTF-16 code units (§3.2.3); no whitespace.
/// - Strings: `"` and `\` escaped with a backslash; U+0008, U+0009, U+000A, U+000C, U+000D as `\b \t \n \f \r`;
///   other controls below U+0020 as `\u00xx` with lower-case hex; everything else, U+007F, U+2028, U+2029 and all
///   non-ASCII included, as raw UTF-8 (§3.2.2.2).
/// - Literals: `null`, `true`, `false`.
/// - Numbers with a fraction or exponent: ECMAScript `Number.prototype.toString` of the nearest double (§3.2.2.3),
///   e.g. `4.50` → `4.5`, `1E30` → `1e+30`, `2e-3` → `0.002`, `1e-7` → `1e-7`.
///
/// **Deviation from RFC 8785 for plain integers.** A number written as a plain integer (``JSONNumber/isInteger``)
/// is written as its exact digits (``JSONNumber/integerDigits``; `-0` becomes `0`). Within ±2^53 this is exactly
/// what RFC 8785 produces. Beyond that, RFC 8785 would round through a double (`12345678901234567891` →
/// `12345678901234567000`), which would silently change identifiers, so the exact digits are kept instead.
/// A large integer written with a fraction or exponent (`1.0e25`) is not a plain integer and is serialized as
/// RFC 8785 says.
///
/// Serialization cannot fail: every ``JSONNumber`` is finite by construction (the parser and the public
/// initializers refuse NaN, infinities and out-of-range magnitudes), and every Swift `String` is valid Unicode.
/// It recurses once per nesting level, which ``JSONLimits/maxDepth`` bounds for parsed values.
public enum JCS {
    /// Appends the canonical bytes of `value` to `out`.
    public static func serialize(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .number(let number):
            serialize(number, into: &out)
        case .string(let string):
            serialize(string, into: &out)
        case .array(let elements):
            out.append(JSONByte.openBracket)
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(JSONByte.comma) }
                serialize(element, into: &out)
            }
            out.append(JSONByte.closeBracket)
        case .object(let object):
            out.append(JSONByte.openBrace)
            let members = object.members
            if let order = sortingOrder(members) {
                for (i, position) in order.enumerated() {
                    if i > 0 { out.append(JSONByte.comma) }
                    serialize(member: members[position], into: &out)
                }
            } else {
                for (i, member) in members.enumerated() {
                    if i > 0 { out.append(JSONByte.comma) }
                    serialize(member: member, into: &out)
                }
            }
            out.append(JSONByte.closeBrace)
        }
    }

    /// The canonical bytes of `value`.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var out = [UInt8]()
        serialize(value, into: &out)
        return out
    }

    /// Parses `bytes` strictly and returns their canonical form.
    ///
    /// - Throws: ``JSONError`` when `bytes` are not acceptable to ``JSONParser``.
    public static func canonicalize(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(JSONError) -> [UInt8] {
        serialize(try JSONParser(limits: limits).parse(bytes))
    }

    /// Appends the canonical text of a number (see the type's documentation for plain integers).
    public static func serialize(_ number: JSONNumber, into out: inout [UInt8]) {
        if let digits = number.integerDigits {
            out.append(contentsOf: digits.utf8)
        } else {
            // A valid non-integer JSON number always reads as a finite double (the parser checks the range).
            ECMAScriptNumber.format(Double(number.text)!, into: &out)
        }
    }

    /// Appends a string in quotes with the RFC 8785 escapes.
    public static func serialize(_ string: String, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { serializeString(utf8: UnsafeRawBufferPointer($0), into: &out) }
    }

    /// Appends the string whose well-formed UTF-8 bytes are `bytes`, in quotes with the RFC 8785 escapes.
    package static func serializeString(utf8 bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(JSONByte.quote)
        var runStart = 0
        for (i, c) in bytes.enumerated() where c < 0x20 || c == JSONByte.quote || c == JSONByte.backslash {
            if i > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<i])) }
            runStart = i + 1
            out.append(JSONByte.backslash)
            switch c {
            case JSONByte.quote: out.append(JSONByte.quote)
            case JSONByte.backslash: out.append(JSONByte.backslash)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append(contentsOf: "u00".utf8)
                out.append(Hex.digit(c >> 4))
                out.append(Hex.digit(c & 0xF))
            }
        }
        if bytes.count > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...])) }
        out.append(JSONByte.quote)
    }

    private static func serialize(member: (key: String, value: JSONValue), into out: inout [UInt8]) {
        serialize(member.key, into: &out)
        out.append(JSONByte.colon)
        serialize(member.value, into: &out)
    }

    /// Member positions in RFC 8785 order (keys compared as UTF-16 code unit sequences), or `nil` when the members
    /// are in that order already.
    static func sortingOrder(_ members: [(key: String, value: JSONValue)]) -> [Int]? {
        var sorted = true
        for i in members.indices.dropFirst() where !JSONKey.utf16Precedes(members[i - 1].key, members[i].key) {
            sorted = false
            break
        }
        if sorted { return nil }
        return members.indices.sorted { JSONKey.utf16Precedes(members[$0].key, members[$1].key) }
    }
}
