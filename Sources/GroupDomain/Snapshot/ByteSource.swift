package import LedgerCore

/// Reads the bytes a ``ByteSink`` wrote, in the same order; every read checks that the bytes are there, and no
/// count makes it reserve more than the rest of the bytes could hold.
package final class ByteSource {
    private let bytes: [UInt8]
    package private(set) var position: Int
    /// Where the bytes this source reads end.
    private let end: Int
    private var shared: [String] = []
    private var marks: [EventMark] = []

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
    }

    /// Bytes of a source with its tables, to be read by a source of their own, on any thread (a source is not
    /// `Sendable`).
    package struct Section: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let range: Range<Int>
        fileprivate let shared: [String]
        fileprivate let marks: [EventMark]

        /// The SHA-256 of the section's bytes.
        package func hash() -> Hash {
            bytes.withUnsafeBytes { SHA256().hash(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }

    /// A source reading `section`.
    package init(_ section: Section) {
        bytes = section.bytes
        position = section.range.lowerBound
        end = section.range.upperBound
        shared = section.shared
        marks = section.marks
    }

    /// Whether every byte was read.
    package var isAtEnd: Bool { position == end }

    /// How many bytes are left.
    package var remaining: Int { end - position }

    /// The bytes left, as a section; this source is at its end afterwards.
    package func takeRest() -> Section {
        defer { position = end }
        return Section(bytes: bytes, range: position..<end, shared: shared, marks: marks)
    }

    /// Reads a section ``ByteSink/section(_:)`` wrote, with this source's tables, and goes on after it.
    package func takeSection() throws(SnapshotError) -> Section {
        let length = try takeCount()
        defer { position += length }
        return Section(bytes: bytes, range: position..<(position + length), shared: shared, marks: marks)
    }

    /// Reads `count` bytes as they are.
    package func take(raw count: Int) throws(SnapshotError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw SnapshotError("ends in the middle of a value") }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    /// Reads a little-endian number.
    package func take<Integer: FixedWidthInteger>(_: Integer.Type = Integer.self) throws(SnapshotError) -> Integer {
        let width = MemoryLayout<Integer>.size
        guard remaining >= width else { throw SnapshotError("ends in the middle of a number") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Integer.self) }
        position += width
        return Integer(littleEndian: value)
    }

    /// Reads a number ``ByteSink/putVariable(_:)`` wrote.
    package func takeVariable() throws(SnapshotError) -> UInt64 {
        var position = self.position
        let number = bytes.withUnsafeBytes { raw in
            Result { () throws(SnapshotError) in
                try VariableLength.read(UnsafeRawBufferPointer(rebasing: raw[..<end]), at: &position)
            }
        }
        self.position = position
        return try number.get()
    }

    /// Reads a count of items, each at least `minimumWidth` bytes, checking that so many could be there.
    package func takeCount(minimumWidth: Int = 1) throws(SnapshotError) -> Int {
        try checkedCount(try take(UInt64.self), minimumWidth: minimumWidth)
    }

    private func checkedCount(_ count: UInt64, minimumWidth: Int) throws(SnapshotError) -> Int {
        guard count <= UInt64(remaining) / UInt64(max(1, minimumWidth)) else {
            throw SnapshotError("holds a count of \(count) items that cannot fit in the rest of the file")
        }
        return Int(count)
    }

    /// Reads a length-prefixed UTF-8 string.
    package func takeString() throws(SnapshotError) -> String {
        let length = Int(try take(UInt32.self))
        guard remaining >= length else { throw SnapshotError("ends in the middle of a string") }
        let start = position
        position += length
        let string = bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[start..<(start + length)]), as: UTF8.self)
        }
        guard let string else { throw SnapshotError("holds a string that is not UTF-8") }
        return string
    }

    /// Reads the tables ``ByteSink/finished()`` put before the body: the shared strings and the marks.
    package func takeTables() throws(SnapshotError) {
        let stringCount = try takeCount(minimumWidth: 4)
        shared.reserveCapacity(stringCount)
        for _ in 0..<stringCount { shared.append(try takeString()) }
        let markCount = try takeCount(minimumWidth: 12)
        marks.reserveCapacity(markCount)
        for _ in 0..<markCount {
            let seq = try take(UInt64.self)
            let text = try takeString()
            guard let time = Timestamp.anyYear(text) else { throw SnapshotError("holds \(text), not a time") }
            marks.append(EventMark(seq: seq, time: time))
        }
    }

    /// Reads a string ``ByteSink/putShared(_:)`` wrote.
    package func takeShared() throws(SnapshotError) -> String {
        let number = Int(try take(UInt32.self))
        guard number < shared.count else { throw SnapshotError("names a string it does not hold") }
        return shared[number]
    }

    /// Reads an optional string ``ByteSink/putShared(optional:)`` wrote.
    package func takeSharedOptional() throws(SnapshotError) -> String? {
        switch try take(UInt8.self) {
        case 0: return nil
        case 1: return try takeShared()
        case let other: throw SnapshotError("holds \(other) where a presence mark belongs")
        }
    }

    /// Reads a mark `ByteSink.put(_ mark:)` wrote.
    package func takeMark() throws(SnapshotError) -> EventMark {
        let number = Int(try take(UInt32.self))
        guard number < marks.count else { throw SnapshotError("names a mark it does not hold") }
        return marks[number]
    }

    /// Reads a count and that many numbers, in one copy.
    package func takeArray<Integer: FixedWidthInteger>(
        _: Integer.Type = Integer.self
    ) throws(SnapshotError) -> [Integer] {
        let width = MemoryLayout<Integer>.size
        let count = try takeCount(minimumWidth: width)
        let start = position
        position += count * width
        return [Integer](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                let numbers = UnsafeRawBufferPointer(rebasing: source[start..<(start + count * width)])
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: numbers)
            }
            #if !_endian(little)
            for index in 0..<count { buffer[index] = Integer(littleEndian: buffer[index]) }
            #endif
            initialized = count
        }
    }

    /// Reads an index (keys with ascending sequence numbers) as ``ByteSink`` writes it.
    package func takeIndex() throws(SnapshotError) -> [String: [UInt64]] {
        let count = try takeCount(minimumWidth: 6)
        var index: [String: [UInt64]] = [:]
        index.reserveCapacity(count)
        for _ in 0..<count {
            let key = try takeString()
            let seqCount = try checkedCount(try takeVariable(), minimumWidth: 1)
            var seqs: [UInt64] = []
            seqs.reserveCapacity(seqCount)
            for position in 0..<seqCount {
                let gap = try takeVariable()
                guard position > 0 else {
                    seqs.append(gap)
                    continue
                }
                let (seq, overflow) = seqs[position - 1].addingReportingOverflow(gap)
                guard gap > 0, !overflow else { throw SnapshotError("holds the records of \(key) out of order") }
                seqs.append(seq)
            }
            guard index.updateValue(seqs, forKey: key) == nil else { throw SnapshotError("holds \(key) twice") }
        }
        return index
    }

    /// Reads a value in the format ``ByteSink/write(_:)`` wrote it.
    package func read<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
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
        case is EventMark.Type: return try takeMark() as! Value
        case is [UInt64].Type: return try takeArray(UInt64.self) as! Value
        case let collection as any SnapshotCollection.Type: return try collection.read(from: self) as! Value
        case let optional as any SnapshotOptional.Type: return try optional.read(from: self) as! Value
        default: return try Value(from: SnapshotDecoder(source: self))
        }
    }
}
