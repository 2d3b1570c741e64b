extension JSONParserEngine {
    /// Reads the string whose opening quote is at `pos` and leaves `pos` after the closing quote.
    ///
    /// Plain runs (printable ASCII and checked UTF-8) are scanned eight bytes at a time and copied once; escapes
    /// switch to decoding into `scratch`.
    mutating func parseString(isKey: Bool) throws(JSONError) -> String {
        let start = pos
        var i = pos + 1
        while true {
            i = skipPlainASCII(from: i)
            guard i < end else { throw unterminated(start: start, isKey: isKey) }
            let c = byte(i)
            if c == JSONByte.quote {
                let length = i - start - 1
                if length > limits.maxStringBytes { throw stringTooLong(length, start: start, isKey: isKey) }
                pos = i + 1
                return makeString(from: start + 1, count: length)
            } else if c == JSONByte.backslash {
                return try parseEscapedString(start: start, firstEscape: i, isKey: isKey)
            } else if c < 0x20 {
                throw controlCharacter(at: i, isKey: isKey)
            } else if c < 0x80 {
                i += 1
            } else {
                i = try utf8SequenceEnd(at: i, inValue: !isKey)
            }
        }
    }

    /// Continues a string that has escapes: bytes before `firstEscape` are plain.
    private mutating func parseEscapedString(start: Int, firstEscape: Int, isKey: Bool) throws(JSONError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = start + 1
        var i = firstEscape
        while true {
            i = skipPlainASCII(from: i)
            guard i < end else { throw unterminated(start: start, isKey: isKey) }
            let c = byte(i)
            if c == JSONByte.quote {
                appendRun(from: runStart, to: i)
                if scratch.count > limits.maxStringBytes {
                    throw stringTooLong(scratch.count, start: start, isKey: isKey)
                }
                pos = i + 1
                return String(decoding: scratch, as: UTF8.self)
            } else if c == JSONByte.backslash {
                appendRun(from: runStart, to: i)
                i = try decodeEscape(at: i, isKey: isKey)
                runStart = i
            } else if c < 0x20 {
                throw controlCharacter(at: i, isKey: isKey)
            } else if c < 0x80 {
                i += 1
            } else {
                i = try utf8SequenceEnd(at: i, inValue: !isKey)
            }
        }
    }

    /// Skips bytes that need no attention in a string (0x20–0x7F except `"` and `\`), eight at a time while it can;
    /// returns the index of the first byte that needs attention, or `end`.
    @inline(__always) private func skipPlainASCII(from start: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= end {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let quotes = w ^ (ones &* UInt64(JSONByte.quote))
            let backslashes = w ^ (ones &* UInt64(JSONByte.backslash))
            // Classic SWAR tests: a byte below 0x20, a zero byte (for quote and backslash), a byte at or above 0x80.
            let below20 = w &- (ones &* 0x20)
            let zeroQuote = (quotes &- ones) & ~quotes
            let zeroBackslash = (backslashes &- ones) & ~backslashes
            if (below20 | zeroQuote | zeroBackslash | w) & highs != 0 {
                // Something here may need attention; `below20` alone can fire for a byte right after one that did.
                break
            }
            i += 8
        }
        while i < end {
            let c = byte(i)
            if c < 0x20 || c >= 0x80 || c == JSONByte.quote || c == JSONByte.backslash { return i }
            i += 1
        }
        return i
    }

    private mutating func appendRun(from start: Int, to stop: Int) {
        guard stop > start else { return }
        scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: stop - start))
    }

    /// A string made of already validated UTF-8 input bytes.
    func makeString(from start: Int, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(start: base + start, count: count)
            )
            return count
        }
    }

    /// Decodes the escape whose backslash is at `i` into `scratch`; returns the index after it.
    private mutating func decodeEscape(at i: Int, isKey: Bool) throws(JSONError) -> Int {
        guard i + 1 < end else { throw unexpected(at: end, expected: "an escape after '\\'", inValue: !isKey) }
        let decoded: UInt8
        switch byte(i + 1) {
        case JSONByte.quote: decoded = JSONByte.quote
        case JSONByte.backslash: decoded = JSONByte.backslash
        case JSONByte.slash: decoded = JSONByte.slash
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = JSONByte.newline
        case UInt8(ascii: "r"): decoded = JSONByte.carriageReturn
        case UInt8(ascii: "t"): decoded = JSONByte.tab
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: i, isKey: isKey)
        default: throw invalidEscape(at: i, isKey: isKey)
        }
        scratch.append(decoded)
        return i + 2
    }

    /// Decodes `\uXXXX` at `i`, or a `\uXXXX\uXXXX` surrogate pair, into `scratch` as UTF-8.
    private mutating func decodeUnicodeEscape(at i: Int, isKey: Bool) throws(JSONError) -> Int {
        guard let unit = hex4(at: i + 2) else { throw invalidEscape(at: i, isKey: isKey) }
        var scalar = unit
        var next = i + 6
        if unit >= 0xD800 && unit <= 0xDBFF {
            guard next + 1 < end, byte(next) == JSONByte.backslash, byte(next + 1) == UInt8(ascii: "u"),
                let low = hex4(at: next + 2), low >= 0xDC00 && low <= 0xDFFF
            else { throw loneSurrogate(unit, at: i, isKey: isKey) }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            throw loneSurrogate(unit, at: i, isKey: isKey)
        }
        if scalar < 0x80 {
            scratch.append(UInt8(scalar))
        } else if scalar < 0x800 {
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
        return next
    }

    /// The value of four hex digits at `i`, or `nil` when they are not all there.
    private func hex4(at i: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in i..<i + 4 {
            guard let digit = Hex.value(ofDigit: byte(k)) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func stringTooLong(_ length: Int, start: Int, isKey: Bool) -> JSONError {
        JSONError(
            .stringTooLong,
            at: start,
            path: path(inValue: !isKey),
            what: "\(isKey ? "key" : "string") of \(length) bytes is longer than the limit of "
                + "\(limits.maxStringBytes) bytes"
        )
    }

    private func unterminated(start: Int, isKey: Bool) -> JSONError {
        JSONError(
            .unexpectedEnd,
            at: end,
            path: path(inValue: !isKey),
            what: "unexpected end of input",
            hint: "the string that starts at byte \(start) has no closing quote"
        )
    }

    private func controlCharacter(at i: Int, isKey: Bool) -> JSONError {
        JSONError(
            .controlCharacterInString,
            at: i,
            path: path(inValue: !isKey),
            what: "unescaped control character U+\(Hex.uppercase(UInt32(byte(i)), minimumDigits: 4)) in a string",
            hint: "write it as an escape such as \\n or \\u001f"
        )
    }

    private func invalidEscape(at i: Int, isKey: Bool) -> JSONError {
        var shown = ""
        for k in i..<min(i + 6, end) {
            let c = byte(k)
            guard c >= 0x20 && c < 0x7F && (k == i || c != JSONByte.backslash) && c != JSONByte.quote else { break }
            shown.append(Character(Unicode.Scalar(c)))
            if k == i + 1 && c != UInt8(ascii: "u") { break }
        }
        return JSONError(
            .invalidEscape,
            at: i,
            path: path(inValue: !isKey),
            what: "invalid escape \(shown)",
            hint: "JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits"
        )
    }

    private func loneSurrogate(_ unit: UInt32, at i: Int, isKey: Bool) -> JSONError {
        let kind =
            unit < 0xDC00
            ? "a high surrogate must be followed by a \\uDC00-\\uDFFF escape" : "a low surrogate must follow a high one"
        return JSONError(
            .loneSurrogate,
            at: i,
            path: path(inValue: !isKey),
            what: "unpaired surrogate escape \\u\(Hex.uppercase(unit, minimumDigits: 4))",
            hint: kind
        )
    }
}
