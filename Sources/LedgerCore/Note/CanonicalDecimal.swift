/// Why a field is not a canonical ASCII decimal.
public enum CanonicalDecimalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field is empty.
    case empty
    /// A character other than `0`–`9` (signs, spaces and `_` included).
    case notDecimal
    /// A leading zero in a number other than `0`.
    case leadingZero
    /// The value does not fit in 64 bits.
    case overflow

    public var description: String {
        switch self {
        case .empty: "empty number"
        case .notDecimal: "not an ASCII decimal number"
        case .leadingZero: "number has a leading zero"
        case .overflow: "number exceeds 2^64 - 1"
        }
    }
}

/// ASCII decimals "with no leading zeroes (unless the number is 0)", as tree sizes, indexes and timestamps are
/// written in C2SP [tlog-checkpoint](https://c2sp.org/tlog-checkpoint), [tlog-proof](https://c2sp.org/tlog-proof)
/// and [tlog-cosignature](https://c2sp.org/tlog-cosignature).
public enum CanonicalDecimal {
    /// Parses `bytes` as a canonical decimal `UInt64`.
    public static func parse(_ bytes: some Collection<UInt8>) throws(CanonicalDecimalError) -> UInt64 {
        guard let first = bytes.first else { throw .empty }
        var value: UInt64 = 0
        for c in bytes {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { throw .notDecimal }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { throw .overflow }
            value = sum
        }
        guard first != UInt8(ascii: "0") || bytes.count == 1 else { throw .leadingZero }
        return value
    }
}
