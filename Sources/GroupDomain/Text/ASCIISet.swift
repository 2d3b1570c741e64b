/// A set of ASCII values (0–127), as two 64-bit masks.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Adds `value`; a value of 128 or more (such as ``CharacterClass/notASCII``) adds nothing.
    @inline(__always)
    mutating func insert(_ value: UInt8) {
        if value < 64 {
            low |= 1 << UInt64(value)
        } else if value < 128 {
            high |= 1 << UInt64(value - 64)
        }
    }

    /// Whether `value` is in the set.
    func contains(_ value: UInt8) -> Bool {
        if value < 64 { return low & (1 << UInt64(value)) != 0 }
        return value < 128 && high & (1 << UInt64(value - 64)) != 0
    }

    /// Whether one of `0`–`9` is in the set.
    var containsDigit: Bool { low & 0x03FF_0000_0000_0000 != 0 }
}
