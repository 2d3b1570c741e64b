/// The character rules shared by signed notes, checkpoints and the texts inside them.
///
/// [C2SP signed-note](https://c2sp.org/signed-note): "Signed notes MUST be valid UTF-8 and MUST NOT contain any
/// ASCII control characters (those below U+0020) other than newline."
enum NoteText {
    /// The first way `bytes` break the rules, if any.
    enum Problem: Hashable, Sendable {
        /// The bytes starting at `offset` are not a well-formed UTF-8 sequence (Unicode §3.9, Table 3-7).
        case invalidUTF8(offset: Int)
        /// An ASCII control character other than newline at `offset`.
        case controlCharacter(offset: Int, byte: UInt8)
    }

    /// The first problem in `bytes`, or `nil` when they are valid UTF-8 with no control characters but `\n`.
    ///
    /// Accepts exactly the well-formed sequences of Unicode Table 3-7 (no overlong forms, surrogates or values
    /// above U+10FFFF), the same set Go's `unicode/utf8` and Swift's `String(validating:)` accept.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 < 0x20 && b0 != 0x0A { return .controlCharacter(offset: i, byte: b0) }
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return .invalidUTF8(offset: i)
            }
            guard i + length <= n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return .invalidUTF8(offset: i) }
            for j in 2..<length where bytes[i + j] & 0xC0 != 0x80 {
                return .invalidUTF8(offset: i)
            }
            i += length
        }
        return nil
    }

    /// The first problem in `bytes`, or `nil`.
    static func firstProblem(in bytes: some Collection<UInt8>) -> Problem? {
        if let result = bytes.withContiguousStorageIfAvailable({ firstProblem(in: $0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { firstProblem(in: $0) }
    }
}
