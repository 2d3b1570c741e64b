/// Variable-length numbers as snapshots write them (LEB128): seven bits a byte, low bits first, the high bit set
/// on every byte but the last — a dense list of record gaps takes about a byte a record.
package enum VariableLength {
    /// Appends `value` to `bytes`.
    package static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Reads the number at `position` in `raw` and moves `position` past it, refusing one that runs past the end
    /// or past 64 bits.
    @inlinable
    package static func read(_ raw: UnsafeRawBufferPointer, at position: inout Int) throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < raw.count else { throw SnapshotError("ends in the middle of a number") }
            let byte = raw[position]
            position += 1
            guard shift < 64, shift < 63 || byte & 0x7F <= 1 else { throw SnapshotError("holds a number too large") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
}
