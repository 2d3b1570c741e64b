/// A string compared, hashed and ordered by its UTF-8 bytes (that is, by its Unicode scalars), never by Swift's
/// canonical equivalence: `"café"` written with U+00E9 and `"café"` written with `e` + U+0301 are two different keys.
///
/// JSON object keys and JSON string values use this identity everywhere in `LedgerCore.JSON`.
struct JSONKey: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { JSONKey.bytesEqual(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) { JSONKey.hashBytes(of: string, into: &hasher) }

    /// Whether two strings consist of the same bytes (the same scalars), ignoring canonical equivalence.
    static func bytesEqual(_ lhs: String, _ rhs: String) -> Bool {
        // Same bytes imply canonically equal, so `!=` (fast for ASCII) settles most mismatches.
        guard lhs.utf8.count == rhs.utf8.count, lhs == rhs else { return false }
        var a = lhs
        var b = rhs
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                if pa.baseAddress == pb.baseAddress { return true }
                for i in 0..<pa.count where pa[i] != pb[i] { return false }
                return true
            }
        }
    }

    /// Feeds the UTF-8 bytes of `string` (and their count) to `hasher`.
    static func hashBytes(of string: String, into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    /// Whether `lhs` sorts before `rhs` when both are compared as sequences of UTF-16 code units, the member order
    /// of RFC 8785 §3.2.3.
    ///
    /// UTF-8 byte order equals code point order, which differs from UTF-16 order only between a supplementary
    /// scalar (U+10000 and up, encoded as surrogates 0xD800–0xDBFF) and a scalar in U+E000–U+FFFF. So the bytes are
    /// compared directly and only the first differing scalar is checked for that case.
    static func utf16Precedes(_ lhs: String, _ rhs: String) -> Bool {
        var a = lhs
        var b = rhs
        return a.withUTF8 { pa in b.withUTF8 { pb in utf16Precedes(pa, pb) } }
    }

    static func utf16Precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[i] == b[i] { i += 1 }
        if i == n { return a.count < b.count }
        // When the difference is in a continuation byte, both scalars have the same lead byte, hence the same
        // length and plane, and byte order is UTF-16 order. Otherwise a[i] and b[i] are the lead bytes.
        let x = a[i]
        let y = b[i]
        if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
        if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
        return x < y
    }
}
