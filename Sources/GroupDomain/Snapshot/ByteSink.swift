import LedgerCore

/// The bytes of a snapshot being written: fixed-width little-endian numbers, length-prefixed strings, count-prefixed
/// collections, in the order the values are written (the format has no field names; the reader reads in the same
/// order).
///
/// Two tables make the heavy parts cheap to read back: strings written with ``putShared(_:)`` (accounts, groups:
/// the same few strings over and over) are written once and named by their number, and so are event marks
/// (`put(_ mark:)`), whose time text would otherwise be parsed again for each copy. ``finished()`` puts
/// the tables before the body, so a reader has them before the first number that names an entry.
package final class ByteSink {
    package private(set) var bytes: [UInt8] = []
    private var sharedNumbers: [String: UInt32] = [:]
    private var shared: [String] = []
    private var markNumbers: [EventMark: UInt32] = [:]
    private var marks: [EventMark] = []

    package init() {}

    /// Appends the little-endian bytes of `value`.
    package func put<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends what `body` writes as a section: its byte length first, so that a reader can hand the section to
    /// another thread and go on after it (``ByteSource/takeSection()``).
    package func section(_ body: (ByteSink) throws -> Void) rethrows {
        let lengthAt = bytes.count
        put(UInt64(0))
        try body(self)
        let length = UInt64(bytes.count - lengthAt - 8)
        withUnsafeBytes(of: length.littleEndian) { bytes.replaceSubrange(lengthAt..<(lengthAt + 8), with: $0) }
    }

    /// Appends `raw` as it is.
    package func put(raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Appends a length and the UTF-8 of `string`.
    package func put(_ string: String) {
        put(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends the number of `string` in the table of shared strings, adding it when it is new.
    package func putShared(_ string: String) {
        if let known = sharedNumbers[string] { return put(known) }
        let number = UInt32(shared.count)
        shared.append(string)
        sharedNumbers[string] = number
        put(number)
    }

    /// Appends a presence byte and, when there is one, the number of `string` in the table of shared strings.
    package func putShared(optional string: String?) {
        guard let string else { return put(UInt8(0)) }
        put(UInt8(1))
        putShared(string)
    }

    /// Appends the number of `mark` in the table of marks, adding it when it is new.
    package func put(_ mark: EventMark) {
        if let known = markNumbers[mark] { return put(known) }
        let number = UInt32(marks.count)
        marks.append(mark)
        markNumbers[mark] = number
        put(number)
    }

    /// Appends a count and every element of `values`, in one copy.
    package func put<Integer: FixedWidthInteger>(_ values: [Integer]) {
        put(UInt64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { put(value) }
        #endif
    }

    /// Appends `value` as a variable-length number (``VariableLength``).
    package func putVariable(_ value: UInt64) {
        VariableLength.append(value, to: &bytes)
    }

    /// Appends a count and each key with its ascending sequence numbers (an index): the first number, then each
    /// one's gap from the one before, all variable-length, so that a dense list takes about a byte a record.
    package func put(_ index: [String: [UInt64]]) {
        put(UInt64(index.count))
        for (key, seqs) in index {
            put(key)
            putVariable(UInt64(seqs.count))
            var previous: UInt64? = nil
            for seq in seqs {
                putVariable(previous.map { seq - $0 } ?? seq)
                previous = seq
            }
        }
    }

    /// The snapshot: the shared strings, the marks (each its sequence number and time text), then the body.
    package func finished() -> [UInt8] {
        let tables = ByteSink()
        tables.put(UInt64(shared.count))
        for string in shared { tables.put(string) }
        tables.put(UInt64(marks.count))
        for mark in marks {
            tables.put(mark.seq)
            tables.put(mark.time.text)
        }
        return tables.bytes + bytes
    }

    /// Appends `value` in the format of its type: numbers, strings and collections directly, anything else by its
    /// `Encodable` conformance. (An optional comes first: a cast to its wrapped type would unwrap it.)
    package func write<Value: Encodable>(_ value: Value) throws {
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
        case let value as EventMark: put(value)
        case let value as [UInt64]: put(value)
        case let value as any SnapshotCollection: try value.write(to: self)
        default: try value.encode(to: SnapshotEncoder(sink: self))
        }
    }
}
