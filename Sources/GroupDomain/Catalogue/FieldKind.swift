import LedgerCore

/// The shape a `data` field must have.
public enum FieldKind: Sendable, Equatable {
    /// A non-empty identifier string (person, account, message, directive id).
    case identifier
    /// Free text.
    case text
    /// One of a fixed set of strings.
    case oneOf(Set<String>)
    /// A non-empty array of identifier strings.
    case identifiers
    /// A non-empty array of non-empty strings (free text, e.g. the fields a leader is in charge of).
    case texts
    /// An RFC 3339 timestamp with offset.
    case timestamp
    /// An integer.
    case integer
    /// 64 lowercase hexadecimal digits.
    case sha256Hex
    /// Any JSON object.
    case object
    /// An array of mention objects `{account, pos, len}`.
    case mentions

    /// Why `value` does not fit, or `nil`.
    func problem(_ value: JSONValue) -> String? {
        switch self {
        case .identifier:
            guard let text = value.stringValue else { return "must be a string, found \(value.kindName)" }
            return EnvelopeRules.identifierProblem(text)
        case .text:
            return value.stringValue == nil ? "must be a string, found \(value.kindName)" : nil
        case .oneOf(let allowed):
            guard let text = value.stringValue, allowed.contains(text) else {
                return "must be one of " + allowed.sorted().joined(separator: ", ")
            }
            return nil
        case .identifiers:
            guard let items = value.arrayValue, !items.isEmpty else { return "must be a non-empty array of strings" }
            for (position, item) in items.enumerated() {
                if let problem = FieldKind.identifier.problem(item) { return "[\(position)] \(problem)" }
            }
            return nil
        case .texts:
            guard let items = value.arrayValue, !items.isEmpty else { return "must be a non-empty array of strings" }
            for (position, item) in items.enumerated() {
                guard let text = item.stringValue, !text.isEmpty else {
                    return "[\(position)] must be a non-empty string"
                }
            }
            return nil
        case .timestamp:
            guard let text = value.stringValue, Timestamp.anyYear(text) != nil else {
                return "must be an RFC 3339 time with an offset, e.g. 2026-11-05T16:00:00+07:00"
            }
            return Timestamp.problem(text).map { "\"\(text)\" \($0)" }
        case .integer:
            return value.numberValue?.isInteger == true ? nil : "must be an integer"
        case .sha256Hex:
            guard let text = value.stringValue, text.utf8.count == 64,
                text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
            else { return "must be 64 lowercase hexadecimal digits" }
            return nil
        case .object:
            return value.objectValue == nil ? "must be an object" : nil
        case .mentions:
            guard let items = value.arrayValue else { return "must be an array of {account, pos, len}" }
            for (position, item) in items.enumerated() {
                guard let object = item.objectValue, let account = object["account"],
                    FieldKind.identifier.problem(account) == nil, object["pos"]?.numberValue?.isInteger == true,
                    object["len"]?.numberValue?.isInteger == true
                else { return "[\(position)] must be {account, pos, len} with integer UTF-16 offsets" }
            }
            return nil
        }
    }
}
