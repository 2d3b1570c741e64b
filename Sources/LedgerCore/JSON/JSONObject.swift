/// A JSON object: its members in input order, with keys that are unique by their exact Unicode scalars.
///
/// Keys compare by UTF-8 bytes, not by Swift's `String ==` (which treats NFC and NFD forms as equal): `"café"`
/// (U+00E9) and `"café"` (`e` + U+0301) are two different keys and may both appear.
///
/// Two objects are equal when they have the same keys with equal values, in any order (RFC 8259 objects are
/// unordered); ``members`` still keeps the input order.
public struct JSONObject: Sendable, Hashable {
    /// Objects with more members than this get a hash index for lookups and duplicate checks.
    static let indexThreshold = 32

    /// The members in input order.
    public let members: [(key: String, value: JSONValue)]
    /// Key to position in `members`, present only for objects larger than `indexThreshold`.
    private let index: [JSONKey: Int]?

    /// An object with the given members, kept in the given order.
    ///
    /// - Precondition: no two keys have the same UTF-8 bytes (as with `Dictionary(uniqueKeysWithValues:)`).
    ///   Use ``init(checkingMembers:)`` for members that come from outside the program.
    public init(members: [(key: String, value: JSONValue)]) {
        guard let object = JSONObject(checkingMembers: members) else {
            preconditionFailure("JSONObject(members:) was given a duplicate key")
        }
        self = object
    }

    /// An object with the given members, or `nil` when two keys have the same UTF-8 bytes.
    public init?(checkingMembers members: [(key: String, value: JSONValue)]) {
        if members.count > JSONObject.indexThreshold {
            var index = [JSONKey: Int](minimumCapacity: members.count)
            for (position, member) in members.enumerated() {
                guard index.updateValue(position, forKey: JSONKey(member.key)) == nil else { return nil }
            }
            self.init(validatedMembers: members, index: index)
        } else {
            for i in members.indices {
                for j in 0..<i where JSONKey.bytesEqual(members[i].key, members[j].key) { return nil }
            }
            self.init(validatedMembers: members, index: nil)
        }
    }

    /// Wraps members whose keys are known to be unique; `index` must be given when there are more than
    /// `indexThreshold` members.
    init(validatedMembers members: [(key: String, value: JSONValue)], index: [JSONKey: Int]?) {
        assert((members.count > JSONObject.indexThreshold) == (index != nil))
        self.members = members
        self.index = index
    }

    /// The empty object.
    public init() { self.init(validatedMembers: [], index: nil) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in input order.
    public var keys: [String] { members.map(\.key) }

    /// The value of the member whose key has exactly the UTF-8 bytes of `key`, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        return members[position].value
    }

    /// The position in ``members`` of the member named `key` (compared by UTF-8 bytes), or `nil`.
    public func position(of key: String) -> Int? {
        if let index { return index[JSONKey(key)] }
        return members.firstIndex { JSONKey.bytesEqual($0.key, key) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members {
            guard let position = rhs.position(of: member.key), rhs.members[position].value == member.value else {
                return false
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: the members' own hashes are summed.
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            JSONKey.hashBytes(of: member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(sum)
    }
}
