/// Formats a finite double the way ECMAScript's `Number.prototype.toString` does (ECMA-262 `Number::toString`
/// with radix 10), which RFC 8785 §3.2.2.3 prescribes for canonical JSON numbers.
///
/// The shortest digits that read back as the same double, and the closest of those, come from Swift's
/// `Double.description` (SwiftDtoa guarantees both); only the layout is redone here.
enum ECMAScriptNumber {
    /// Appends the ECMAScript text of `value` to `out`. `value` must be finite; `-0` gives `0`.
    static func format(_ value: Double, into out: inout [UInt8]) {
        precondition(value.isFinite, "JSON has no text for \(value)")
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        // Collect the significant digits and the decimal exponent from Swift's text, which looks like
        // "123.456", "1e-07", "1.7976931348623157e+308" or "-5e-324".
        var digits = [UInt8]()
        digits.reserveCapacity(17)
        var pointSeen = false
        var digitsBeforePoint = 0
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for c in value.magnitude.description.utf8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(c &- 0x30)
                } else {
                    digits.append(c)
                    if !pointSeen { digitsBeforePoint += 1 }
                }
            case UInt8(ascii: "."): pointSeen = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentNegative = true
            default: break
            }
        }
        if exponentNegative { exponent = -exponent }
        // value = 0.d1d2…dk × 10^n once leading and trailing zeros are removed.
        var leadingZeros = 0
        while leadingZeros < digits.count && digits[leadingZeros] == UInt8(ascii: "0") { leadingZeros += 1 }
        var end = digits.count
        while end > leadingZeros && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        let significant = digits[leadingZeros..<end]
        let k = significant.count
        let n = digitsBeforePoint - leadingZeros + exponent

        if value < 0 { out.append(UInt8(ascii: "-")) }
        if k <= n && n <= 21 {
            // Integer: the digits followed by n - k zeros.
            out.append(contentsOf: significant)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            // The point falls inside the digits.
            out.append(contentsOf: significant.prefix(n))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: significant.dropFirst(n))
        } else if -6 < n && n <= 0 {
            // A small fraction: "0." then -n zeros, then the digits.
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: significant)
        } else {
            // Exponent form: d[.ddd]e±x.
            out.append(significant[significant.startIndex])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: significant.dropFirst())
            }
            out.append(UInt8(ascii: "e"))
            out.append(n - 1 >= 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            out.append(contentsOf: String((n - 1).magnitude).utf8)
        }
    }
}
