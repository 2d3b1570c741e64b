/// Reads what ``SnapshotEncoder`` wrote, in the same order.
struct SnapshotDecoder: Decoder {
    let source: ByteSource
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ListReader(source: source) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(source: source) }

    private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let source: ByteSource
        var codingPath: [any CodingKey] { [] }

        /// Unknown in this format: an enum with associated values needs its own conformance.
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }

        func decodeNil(forKey key: Key) throws -> Bool { try source.take(UInt8.self) == 0 }

        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            try source.read(type)
        }

        func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
            try present(type)
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type) }

        private func present<Value: Decodable>(_ type: Value.Type) throws -> Value? {
            switch try source.take(UInt8.self) {
            case 0: return nil
            case 1: return try source.read(type)
            case let other: throw SnapshotError("holds \(other) where a presence mark belongs")
            }
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            KeyedDecodingContainer(KeyedReader<NestedKey>(source: source))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            ListReader(source: source)
        }

        func superDecoder() throws -> any Decoder { SnapshotDecoder(source: source) }

        func superDecoder(forKey key: Key) throws -> any Decoder { SnapshotDecoder(source: source) }
    }

    /// Positional values (a `Range`'s bounds): the reader knows how many it asks for.
    private struct ListReader: UnkeyedDecodingContainer {
        let source: ByteSource
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var isAtEnd: Bool { false }
        private(set) var currentIndex = 0

        init(source: ByteSource) { self.source = source }

        mutating func decodeNil() throws -> Bool { try source.take(UInt8.self) == 0 }

        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            currentIndex += 1
            return try source.read(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            return KeyedDecodingContainer(KeyedReader<NestedKey>(source: source))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return ListReader(source: source)
        }

        mutating func superDecoder() throws -> any Decoder { SnapshotDecoder(source: source) }
    }

    private struct ValueReader: SingleValueDecodingContainer {
        let source: ByteSource
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try source.read(type) }
    }
}
