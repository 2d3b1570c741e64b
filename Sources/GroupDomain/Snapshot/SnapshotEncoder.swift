/// Writes an `Encodable` value into a ``ByteSink`` field after field, without names: keyed containers write their
/// values in the order given, an optional as a presence byte and the value. The synthesised `Codable` of a struct
/// reads its fields in the order it writes them, which is all this format needs; an enum with associated values
/// (whose synthesised decoding asks for the keys present) needs a conformance of its own.
struct SnapshotEncoder: Encoder {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { ListWriter(sink: sink) }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(sink: sink) }

    private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: ByteSink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { sink.put(UInt8(0)) }

        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { try sink.write(value) }

        mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
            guard let value else { return sink.put(UInt8(0)) }
            sink.put(UInt8(1))
            try sink.write(value)
        }

        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value) }

        private func present<Value: Encodable>(_ value: Value?) throws {
            guard let value else { return sink.put(UInt8(0)) }
            sink.put(UInt8(1))
            try sink.write(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type,
            forKey key: Key
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            KeyedEncodingContainer(KeyedWriter<NestedKey>(sink: sink))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ListWriter(sink: sink)
        }

        mutating func superEncoder() -> any Encoder { SnapshotEncoder(sink: sink) }

        mutating func superEncoder(forKey key: Key) -> any Encoder { SnapshotEncoder(sink: sink) }
    }

    /// Positional values (a `Range`'s bounds); collections never come here (``SnapshotCollection``).
    private struct ListWriter: UnkeyedEncodingContainer {
        let sink: ByteSink
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(sink: ByteSink) { self.sink = sink }

        mutating func encodeNil() throws {
            count += 1
            sink.put(UInt8(0))
        }

        mutating func encode<Value: Encodable>(_ value: Value) throws {
            count += 1
            try sink.write(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            count += 1
            return KeyedEncodingContainer(KeyedWriter<NestedKey>(sink: sink))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return ListWriter(sink: sink)
        }

        mutating func superEncoder() -> any Encoder { SnapshotEncoder(sink: sink) }
    }

    private struct ValueWriter: SingleValueEncodingContainer {
        let sink: ByteSink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { sink.put(UInt8(0)) }

        mutating func encode<Value: Encodable>(_ value: Value) throws { try sink.write(value) }
    }
}
