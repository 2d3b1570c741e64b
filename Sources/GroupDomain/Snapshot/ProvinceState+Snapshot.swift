extension ProvinceState {
    /// Writes the state for a snapshot: the groups' members (the bulk of it) in their own layout, everything else
    /// through `Codable`.
    func write(to sink: ByteSink) throws {
        var light = self
        for id in light.groups.keys { light.groups[id]?.members = [:] }
        try sink.write(light)
        sink.put(UInt64(groups.count))
        for (id, group) in groups {
            sink.putShared(id)
            sink.put(UInt64(group.members.count))
            for (account, membership) in group.members {
                sink.putShared(account)
                membership.write(to: sink)
            }
        }
    }

    /// Reads what ``write(to:)`` wrote.
    init(reading source: ByteSource) throws {
        self = try source.read(ProvinceState.self)
        let count = try source.takeCount(minimumWidth: 12)
        guard count == groups.count else {
            throw SnapshotError("holds the members of \(count) groups of \(groups.count)")
        }
        var seen = Set<String>()
        for _ in 0..<count {
            let id = try source.takeShared()
            guard groups[id] != nil, seen.insert(id).inserted else {
                throw SnapshotError("holds the members of group \(id) twice or of no such group")
            }
            let memberCount = try source.takeCount(minimumWidth: 10)
            var members: [String: Membership] = [:]
            members.reserveCapacity(memberCount)
            for _ in 0..<memberCount {
                let account = try source.takeShared()
                guard members.updateValue(try Membership(reading: source), forKey: account) == nil else {
                    throw SnapshotError("holds member \(account) of group \(id) twice")
                }
            }
            groups[id]?.members = members
        }
    }
}
