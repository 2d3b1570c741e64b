extension JSONParserEngine {
    /// Reads the number at `pos` (a `-` or a digit) by the RFC 8259 grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and keeps its text.
    ///
    /// Plain integers are never range-checked: they are kept exact at any length up to
    /// ``JSONLimits/maxNumberDigits``. Numbers with a fraction or exponent must fit a double (|x| below about
    /// 1.8e308) because ``JCS`` serializes them through one; tiny magnitudes that round to zero are accepted.
    mutating func parseNumber() throws(JSONError) -> JSONNumber {
        let start = pos
        var i = pos
        if byte(i) == JSONByte.minus { i += 1 }
        let integerStart = i
        guard i < end, isDigit(byte(i)) else {
            if i < end && (byte(i) == UInt8(ascii: "I") || byte(i) == UInt8(ascii: "N")) {
                throw invalidNumber(at: i, "NaN and Infinity are not JSON numbers")
            }
            throw invalidNumber(at: i, "expected a digit after '-'")
        }
        if byte(i) == JSONByte.zero {
            i += 1
            if i < end && isDigit(byte(i)) { throw invalidNumber(at: integerStart, "leading zeros are not allowed") }
        } else {
            while i < end && isDigit(byte(i)) { i += 1 }
        }
        let integerEnd = i
        var fractionEnd = i
        var isInteger = true
        if i < end && byte(i) == JSONByte.dot {
            isInteger = false
            i += 1
            guard i < end, isDigit(byte(i)) else { throw invalidNumber(at: i, "expected a digit after '.'") }
            while i < end && isDigit(byte(i)) { i += 1 }
            fractionEnd = i
        }
        var exponent = 0
        var exponentDigits = 0
        if i < end && (byte(i) == JSONByte.lowerE || byte(i) == JSONByte.upperE) {
            isInteger = false
            i += 1
            var negative = false
            if i < end && (byte(i) == JSONByte.plus || byte(i) == JSONByte.minus) {
                negative = byte(i) == JSONByte.minus
                i += 1
            }
            guard i < end, isDigit(byte(i)) else { throw invalidNumber(at: i, "expected a digit in the exponent") }
            while i < end && isDigit(byte(i)) {
                // Saturate: anything this large is out of range or zero anyway.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(byte(i) - JSONByte.zero) }
                exponentDigits += 1
                i += 1
            }
            if negative { exponent = -exponent }
        }
        let digitCount = (integerEnd - integerStart) + max(0, fractionEnd - integerEnd - 1) + exponentDigits
        guard digitCount <= limits.maxNumberDigits else {
            throw JSONError(
                .numberTooLong,
                at: start,
                path: path(inValue: true),
                what: "number with \(digitCount) digits is longer than the limit of \(limits.maxNumberDigits) digits"
            )
        }
        if !isInteger {
            try checkRange(
                start: start,
                integer: integerStart..<integerEnd,
                fractionEnd: fractionEnd,
                end: i,
                exponent: exponent
            )
        }
        pos = i
        return JSONNumber(validatedText: makeString(from: start, count: i - start), isInteger: isInteger)
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- JSONByte.zero < 10 }

    /// Refuses a non-integer number whose nearest double is infinite, without converting unless it is close.
    private func checkRange(
        start: Int,
        integer: Range<Int>,
        fractionEnd: Int,
        end stop: Int,
        exponent: Int
    )
        throws(JSONError)
    {
        // Find the first non-zero digit; the value is then below 10^(magnitude + 1).
        var position = 0
        var k = integer.lowerBound
        while k < fractionEnd {
            let c = byte(k)
            if c != JSONByte.dot {
                if c != JSONByte.zero { break }
                position += 1
            }
            k += 1
        }
        guard k < fractionEnd else { return }  // zero
        let magnitude = exponent + (integer.count - 1 - position)
        if magnitude < 308 { return }
        if magnitude == 308, let value = Double(makeString(from: start, count: stop - start)), value.isFinite {
            return
        }
        throw invalidNumber(at: start, "out of range: the magnitude exceeds the largest double, about 1.8e308")
    }

    private func invalidNumber(at i: Int, _ reason: String) -> JSONError {
        JSONError(.invalidNumber, at: i, path: path(inValue: true), what: "invalid number", hint: reason)
    }
}
