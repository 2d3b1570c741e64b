/// The collections a snapshot writes as a count and their elements (the `Codable` way, through unkeyed
/// containers, would not know the count before the end).
protocol SnapshotCollection {
    /// Writes the count and the elements.
    func write(to sink: ByteSink) throws
    /// Reads what ``write(to:)`` wrote.
    static func read(from source: ByteSource) throws -> Self
}

extension Array: SnapshotCollection where Element: Codable {
    func write(to sink: ByteSink) throws {
        sink.put(UInt64(count))
        for element in self { try sink.write(element) }
    }

    static func read(from source: ByteSource) throws -> [Element] {
        let count = try source.takeCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try source.read(Element.self)) }
        return elements
    }
}

extension Set: SnapshotCollection where Element: Codable {
    func write(to sink: ByteSink) throws {
        sink.put(UInt64(count))
        for element in self { try sink.write(element) }
    }

    static func read(from source: ByteSource) throws -> Set<Element> {
        let count = try source.takeCount()
        var elements = Set<Element>(minimumCapacity: count)
        for _ in 0..<count { elements.insert(try source.read(Element.self)) }
        return elements
    }
}

extension Dictionary: SnapshotCollection where Key: Codable, Value: Codable {
    func write(to sink: ByteSink) throws {
        sink.put(UInt64(count))
        for (key, value) in self {
            try sink.write(key)
            try sink.write(value)
        }
    }

    static func read(from source: ByteSource) throws -> [Key: Value] {
        let count = try source.takeCount(minimumWidth: 2)
        var dictionary = [Key: Value](minimumCapacity: count)
        for _ in 0..<count {
            let key = try source.read(Key.self)
            guard dictionary.updateValue(try source.read(Value.self), forKey: key) == nil else {
                throw SnapshotError("holds a key twice")
            }
        }
        return dictionary
    }
}

/// An optional outside a keyed container (an array's element): a presence byte and the value.
protocol SnapshotOptional {
    /// Writes the presence byte and the value.
    func write(to sink: ByteSink) throws
    /// Reads what ``write(to:)`` wrote.
    static func read(from source: ByteSource) throws -> Self
}

extension Optional: SnapshotOptional where Wrapped: Codable {
    func write(to sink: ByteSink) throws {
        guard let self else { return sink.put(UInt8(0)) }
        sink.put(UInt8(1))
        try sink.write(self)
    }

    static func read(from source: ByteSource) throws -> Wrapped? {
        switch try source.take(UInt8.self) {
        case 0: return nil
        case 1: return try source.read(Wrapped.self)
        case let other: throw SnapshotError("holds \(other) where a presence mark belongs")
        }
    }
}
