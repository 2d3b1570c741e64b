import LedgerCore

/// Reads the bytes a ``ByteSink`` wrote, in the same order; every read checks that the bytes are there.
final class ByteSource {
    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { position == bytes.count }

    /// How many bytes are left.
    var remaining: Int { bytes.count - position }

    /// The SHA-256 of the bytes left.
    func hashOfRest() -> Hash {
        bytes.withUnsafeBytes { SHA256().hash(UnsafeRawBufferPointer(rebasing: $0[position...])) }
    }

    /// Reads a little-endian number.
    func take<Integer: FixedWidthInteger>(_: Integer.Type = Integer.self) throws(SnapshotError) -> Integer {
        let width = MemoryLayout<Integer>.size
        guard bytes.count - position >= width else { throw SnapshotError("ends in the middle of a number") }
        var value = Integer.zero
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + width)]))
            }
        }
        position += width
        return Integer(littleEndian: value)
    }

    /// Reads a count of items, each at least `minimumWidth` bytes, checking that so many could be there.
    func takeCount(minimumWidth: Int = 1) throws(SnapshotError) -> Int {
        let count = try take(UInt64.self)
        guard count <= UInt64(bytes.count - position) / UInt64(max(1, minimumWidth)) else {
            throw SnapshotError("holds a count of \(count) items that cannot fit in the rest of the file")
        }
        return Int(count)
    }

    /// Reads a length-prefixed UTF-8 string.
    func takeString() throws(SnapshotError) -> String {
        let length = Int(try take(UInt32.self))
        guard bytes.count - position >= length else { throw SnapshotError("ends in the middle of a string") }
        defer { position += length }
        guard let string = String(validating: bytes[position..<(position + length)], as: UTF8.self) else {
            throw SnapshotError("holds a string that is not UTF-8")
        }
        return string
    }

    /// Reads a count and that many numbers.
    func takeArray<Integer: FixedWidthInteger>(_: Integer.Type = Integer.self) throws(SnapshotError) -> [Integer] {
        let count = try takeCount(minimumWidth: MemoryLayout<Integer>.size)
        var values: [Integer] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try take(Integer.self)) }
        return values
    }

    /// Reads an index (keys with ascending sequence numbers) as ``ByteSink`` writes it.
    func takeIndex() throws(SnapshotError) -> [String: [UInt64]] {
        let count = try takeCount(minimumWidth: 12)
        var index: [String: [UInt64]] = [:]
        index.reserveCapacity(count)
        for _ in 0..<count {
            let key = try takeString()
            let seqs = try takeArray(UInt64.self)
            guard zip(seqs, seqs.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw SnapshotError("holds the records of \(key) out of order")
            }
            guard index.updateValue(seqs, forKey: key) == nil else { throw SnapshotError("holds \(key) twice") }
        }
        return index
    }

    /// Reads a value in the format ``ByteSink/write(_:)`` wrote it.
    func read<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
        switch type {
        case is Bool.Type:
            let byte = try take(UInt8.self)
            guard byte <= 1 else { throw SnapshotError("holds \(byte) where a true or false belongs") }
            return (byte == 1) as! Value
        case is String.Type: return try takeString() as! Value
        case is Int.Type: return Int(try take(Int64.self)) as! Value
        case is Int64.Type: return try take(Int64.self) as! Value
        case is Int32.Type: return try take(Int32.self) as! Value
        case is UInt8.Type: return try take(UInt8.self) as! Value
        case is UInt32.Type: return try take(UInt32.self) as! Value
        case is UInt64.Type: return try take(UInt64.self) as! Value
        case is [UInt64].Type: return try takeArray(UInt64.self) as! Value
        case let collection as any SnapshotCollection.Type: return try collection.read(from: self) as! Value
        case let optional as any SnapshotOptional.Type: return try optional.read(from: self) as! Value
        default: return try Value(from: SnapshotDecoder(source: self))
        }
    }
}
