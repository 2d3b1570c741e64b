/// How the entries of one of a group's dictionaries (members, admins…) changed, record by record, so that the
/// dictionary at any record can be rebuilt.
struct KeyedHistory<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    /// One change: from record `seq` on, the key holds `value` (`nil`: the key was removed).
    struct Change: Sendable, Equatable, Codable {
        let seq: UInt64
        let value: Value?
    }

    var changes: [String: [Change]] = [:]

    init() {}

    /// Notes that `key` holds `value` after record `seq`, if that is a change.
    mutating func note(_ key: String, _ value: Value?, at seq: UInt64) {
        let last = changes[key]?.last
        guard last.map({ $0.value != value }) ?? (value != nil) else { return }
        changes[key, default: []].append(Change(seq: seq, value: value))
    }

    /// Notes every key that differs between `old` and `new`, after record `seq`.
    mutating func note(from old: [String: Value], to new: [String: Value], at seq: UInt64) {
        guard old != new else { return }
        for key in Set(old.keys).union(new.keys) where old[key] != new[key] { note(key, new[key], at: seq) }
    }

    /// The dictionary after records `0...seq`.
    func values(through seq: UInt64) -> [String: Value] {
        var values: [String: Value] = [:]
        for (key, keyChanges) in changes {
            var low = 0
            var high = keyChanges.count
            while low < high {
                let middle = (low + high) / 2
                if keyChanges[middle].seq <= seq { low = middle + 1 } else { high = middle }
            }
            if low > 0, let value = keyChanges[low - 1].value { values[key] = value }
        }
        return values
    }
}
