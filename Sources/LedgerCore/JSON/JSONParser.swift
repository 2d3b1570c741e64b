/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// It accepts exactly the JSON grammar and nothing else: any value at the top level, surrounded only by the four
/// JSON whitespace bytes. It rejects, with the byte offset and the path of the value:
/// - ill-formed UTF-8 anywhere (overlong forms, encoded surrogates, code points above U+10FFFF, truncated or stray
///   bytes) and a leading byte order mark;
/// - raw control characters (below 0x20) in strings, unknown escapes, unpaired `\uD800`–`\uDFFF` escapes;
/// - numbers with leading zeros, `+`, a bare `.` on either side, `NaN` and `Infinity`, and non-integer numbers
///   whose magnitude rounds to infinity as a double (plain integers of any length are kept exact);
/// - duplicate keys, compared by their UTF-8 bytes, so NFC and NFD spellings are two different keys;
/// - nesting deeper than ``JSONLimits/maxDepth``, strings and numbers over their limits, and trailing data.
///
/// `\u0000` in strings is accepted; callers that forbid it check for it. The parser keeps its own stack, so deep
/// input fails at ``JSONLimits/maxDepth`` without using the call stack, and it never converts numbers to `Double`.
public struct JSONParser: Sendable {
    /// The limits this parser enforces.
    public var limits: JSONLimits

    /// A parser with the given limits.
    public init(limits: JSONLimits = .init()) {
        self.limits = limits
    }

    /// Parses one JSON text.
    ///
    /// - Throws: ``JSONError`` for anything that is not exactly one strict RFC 8259 value.
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONError(.unexpectedEnd, at: 0, path: "$", what: "empty input", hint: "expected a JSON value")
        }
        var engine = JSONParserEngine(base: base, count: bytes.count, limits: limits)
        return try engine.parseDocument()
    }

    /// Parses one JSON text. See ``parse(_:)-(UnsafeRawBufferPointer)``.
    public func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON text, e.g. a line cut out of a larger buffer. See ``parse(_:)-(UnsafeRawBufferPointer)``.
    public func parse(_ bytes: ArraySlice<UInt8>) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses the UTF-8 form of `text`. See ``parse(_:)-(UnsafeRawBufferPointer)``.
    public func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }
}
