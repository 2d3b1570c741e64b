extension JSONParserEngine {
    /// Checks the UTF-8 sequence whose first byte, at `i`, is 0x80 or above, and returns the index after it.
    ///
    /// Well-formed sequences are those of the Unicode Standard's table 3-7: no overlong forms, no encoded
    /// surrogates (ED A0–BF), nothing above U+10FFFF (F4 90 and up, F5–FF), no stray continuation bytes, no
    /// truncation. The error points at the first byte of the bad sequence.
    func utf8SequenceEnd(at i: Int, inValue: Bool) throws(JSONError) -> Int {
        let lead = byte(i)
        var length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        case 0x80...0xBF:
            throw invalidUTF8(
                at: i,
                inValue: inValue,
                "continuation byte 0x\(Hex.uppercase(UInt32(lead), minimumDigits: 2)) without a lead byte"
            )
        case 0xC0, 0xC1:
            throw invalidUTF8(at: i, inValue: inValue, "overlong encoding")
        case 0xF5...0xF7:
            throw invalidUTF8(at: i, inValue: inValue, "code point above U+10FFFF")
        default:
            throw invalidUTF8(
                at: i,
                inValue: inValue,
                "byte 0x\(Hex.uppercase(UInt32(lead), minimumDigits: 2)) never occurs in UTF-8"
            )
        }
        guard i + 1 < end, byte(i + 1) & 0xC0 == 0x80 else {
            throw invalidUTF8(at: i, inValue: inValue, "truncated \(length)-byte sequence")
        }
        let second = byte(i + 1)
        if second < low || second > high {
            let reason =
                switch lead {
                case 0xED: "UTF-8 encoded surrogate"
                case 0xF4: "code point above U+10FFFF"
                default: "overlong encoding"
                }
            throw invalidUTF8(at: i, inValue: inValue, reason)
        }
        for k in 2..<length {
            guard i + k < end, byte(i + k) & 0xC0 == 0x80 else {
                throw invalidUTF8(at: i, inValue: inValue, "truncated \(length)-byte sequence")
            }
        }
        return i + length
    }

    private func invalidUTF8(at i: Int, inValue: Bool, _ reason: String) -> JSONError {
        JSONError(.invalidUTF8, at: i, path: path(inValue: inValue), what: "invalid UTF-8 (\(reason))")
    }
}
