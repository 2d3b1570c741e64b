import LedgerCore

/// Small helpers for building the JSON documents of states and reports.
enum JSONBuilding {
    /// An object of the members whose value is not `nil`, in the given order (``JCS`` sorts them on output).
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(JSONObject(members: members.compactMap { key, value in value.map { (key: key, value: $0) } }))
    }

    /// An object keyed by `keys`, each value made by `value`.
    static func object<Key>(keyedBy keys: some Sequence<Key>, _ value: (Key) -> JSONValue) -> JSONValue
    where Key: CustomStringConvertible {
        .object(JSONObject(members: keys.map { (key: $0.description, value: value($0)) }))
    }

    /// A JSON integer.
    static func number(_ value: some BinaryInteger) -> JSONValue { .number(JSONNumber(value)) }

    /// A JSON string, or `nil`.
    static func string(_ value: String?) -> JSONValue? { value.map { .string($0) } }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
}
