/// The bytes of a snapshot being written: fixed-width little-endian numbers, length-prefixed strings and
/// count-prefixed collections, in the order the values are written (the format has no field names; the reader
/// reads in the same order).
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Appends the little-endian bytes of `value`.
    func put<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a length and the UTF-8 of `string`.
    func put(_ string: String) {
        put(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends a count and every element of `values`.
    func put<Integer: FixedWidthInteger>(_ values: [Integer]) {
        put(UInt64(values.count))
        bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<Integer>.size)
        for value in values { put(value) }
    }

    /// Appends a count and each key with its ascending sequence numbers (an index).
    func put(_ index: [String: [UInt64]]) {
        put(UInt64(index.count))
        for (key, seqs) in index {
            put(key)
            put(seqs)
        }
    }

    /// Appends `value` in the format of its type: numbers, strings and collections directly, anything else by its
    /// `Encodable` conformance. (An optional comes first: a cast to its wrapped type would unwrap it.)
    func write<Value: Encodable>(_ value: Value) throws {
        switch value {
        case let value as any SnapshotOptional: try value.write(to: self)
        case let value as Bool: put(UInt8(value ? 1 : 0))
        case let value as String: put(value)
        case let value as Int: put(Int64(value))
        case let value as Int64: put(value)
        case let value as Int32: put(value)
        case let value as UInt8: put(value)
        case let value as UInt32: put(value)
        case let value as UInt64: put(value)
        case let value as [UInt64]: put(value)
        case let value as any SnapshotCollection: try value.write(to: self)
        default: try value.encode(to: SnapshotEncoder(sink: self))
        }
    }
}
