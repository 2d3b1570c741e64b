extension AccountWatch {
    /// Writes the watch for a snapshot: every account's first action (one per account that ever joined or posted)
    /// in its own layout, the rest through `Codable`.
    func write(to sink: ByteSink) throws {
        var light = self
        light.firstAction = [:]
        try sink.write(light)
        sink.put(UInt64(firstAction.count))
        for (account, action) in firstAction {
            sink.putShared(account)
            sink.put(action.mark)
            sink.putShared(action.group)
            sink.put(UInt8(action.joined ? 1 : 0))
        }
    }

    /// Reads what ``write(to:)`` wrote.
    init(reading source: ByteSource) throws {
        self = try source.read(AccountWatch.self)
        let count = try source.takeCount(minimumWidth: 13)
        firstAction.reserveCapacity(count)
        for _ in 0..<count {
            let account = try source.takeShared()
            let mark = try source.takeMark()
            let group = try source.takeShared()
            let joined = try source.take(UInt8.self)
            guard joined <= 1 else { throw SnapshotError("holds \(joined) where a true or false belongs") }
            let action = Action(mark: mark, group: group, joined: joined == 1)
            guard firstAction.updateValue(action, forKey: account) == nil else {
                throw SnapshotError("holds the first action of \(account) twice")
            }
        }
    }
}
