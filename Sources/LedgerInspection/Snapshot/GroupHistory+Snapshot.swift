import GroupDomain

extension GroupHistory {
    /// Writes the history for a snapshot: the member changes (one per join or leave) in their own layout, the
    /// record lists as columns, the few versions and role changes through `Codable`.
    func write(to sink: ByteSink) throws {
        try sink.write(versions)
        sink.put(UInt64(members.changes.count))
        for (account, changes) in members.changes {
            sink.putShared(account)
            sink.put(UInt64(changes.count))
            for change in changes {
                sink.put(change.seq)
                guard let membership = change.value else {
                    sink.put(UInt8(0))
                    continue
                }
                sink.put(UInt8(1))
                membership.write(to: sink)
            }
        }
        try sink.write(platformAdmins)
        try sink.write(deputies)
        try sink.write(admins)
        try sink.write(acknowledgements)
        for seqs in [posted, recalled, removed, lastPosts] { sink.put(seqs) }
        try sink.write(order)
    }

    /// Reads what ``write(to:)`` wrote, checking that every record it cites is below `size`.
    init(reading source: ByteSource, size: UInt64) throws {
        self.init()
        versions = try source.read([Version].self)
        let accountCount = try source.takeCount(minimumWidth: 12)
        members.changes.reserveCapacity(accountCount)
        for _ in 0..<accountCount {
            let account = try source.takeShared()
            let changeCount = try source.takeCount(minimumWidth: 9)
            var changes: [KeyedHistory<Membership>.Change] = []
            changes.reserveCapacity(changeCount)
            for _ in 0..<changeCount {
                let seq = try source.take(UInt64.self)
                let value: Membership?
                switch try source.take(UInt8.self) {
                case 0: value = nil
                case 1: value = try Membership(reading: source)
                case let other: throw SnapshotError("holds \(other) where a presence mark belongs")
                }
                changes.append(KeyedHistory.Change(seq: seq, value: value))
            }
            guard changes.map(\.seq).isAscendingBelow(size) else {
                throw SnapshotError("holds the member changes of \(account) out of order or past its size")
            }
            guard members.changes.updateValue(changes, forKey: account) == nil else {
                throw SnapshotError("holds the member changes of \(account) twice")
            }
        }
        platformAdmins = try source.read(KeyedHistory<Appointment>.self)
        deputies = try source.read(KeyedHistory<Appointment>.self)
        admins = try source.read(KeyedHistory<Appointment>.self)
        acknowledgements = try source.read(KeyedHistory<Acknowledgement>.self)
        posted = try source.takeArray(UInt64.self)
        recalled = try source.takeArray(UInt64.self)
        removed = try source.takeArray(UInt64.self)
        lastPosts = try source.takeArray(UInt64.self)
        guard [posted, recalled, removed, lastPosts].allSatisfy({ $0.isAscendingBelow(size) }) else {
            throw SnapshotError("holds a group's posts out of order or past its size")
        }
        order = try source.read(RecordOrder.self)
    }
}

extension [UInt64] {
    /// Whether the elements never descend and all lie below `size`.
    func isAscendingBelow(_ size: UInt64) -> Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 } && (last.map { $0 < size } ?? true)
    }
}
