extension DirectiveWatch {
    /// Writes the watch for a snapshot: every post's record by message id (one per post) in its own layout, the
    /// rest through `Codable`.
    func write(to sink: ByteSink) throws {
        var light = self
        light.posts = [:]
        try sink.write(light)
        sink.put(UInt64(posts.count))
        for (message, mark) in posts {
            sink.put(message)
            sink.put(mark)
        }
    }

    /// Reads what ``write(to:)`` wrote.
    init(reading source: ByteSource) throws {
        self = try source.read(DirectiveWatch.self)
        let count = try source.takeCount(minimumWidth: 8)
        posts.reserveCapacity(count)
        for _ in 0..<count {
            let message = try source.takeString()
            guard posts.updateValue(try source.takeMark(), forKey: message) == nil else {
                throw SnapshotError("holds the post \(message) twice")
            }
        }
    }
}
