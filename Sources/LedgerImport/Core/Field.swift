import LedgerCore

/// A value inside a parsed unit together with its JSON path and the unit's location, so that every check can
/// name exactly what it refused: `zca.jsonl line 3 (byte 812): field $.payload.data.msgId: …`.
struct Field {
    /// The value, or `nil` when the member is absent.
    let value: JSONValue?
    let location: SourceLocation
    /// The path of the containing value, and the step from it to this one: the full path is joined only when a
    /// message needs it, since most fields are read without error.
    private let parentPath: String
    private let step: Step

    private enum Step {
        case none
        case member(String)
        case element(Int)
    }

    init(_ value: JSONValue?, path: String = "$", location: SourceLocation) {
        self.init(value, parentPath: path, step: .none, location: location)
    }

    private init(_ value: JSONValue?, parentPath: String, step: Step, location: SourceLocation) {
        self.value = value
        self.parentPath = parentPath
        self.step = step
        self.location = location
    }

    /// `$.payload.data.msgId`, `$[3].mentions[0].uid`.
    var path: String {
        switch step {
        case .none: parentPath
        case .member(let key): parentPath + "." + key
        case .element(let index): parentPath + "[\(index)]"
        }
    }

    /// The member `key` of this object (absent when this is not an object).
    subscript(key: String) -> Field {
        Field(value?[key], parentPath: path, step: .member(key), location: location)
    }

    /// Whether the value is present and not `null`.
    var isPresent: Bool {
        guard let value else { return false }
        return !value.isNull
    }

    func error(_ reason: String) -> ImportError {
        ImportError(location, field: path, reason)
    }

    func object() throws(ImportError) -> JSONObject {
        guard let value else { throw error("is required") }
        guard let object = value.objectValue else { throw error("must be an object, found \(value.kindName)") }
        return object
    }

    func array() throws(ImportError) -> [Field] {
        guard let value else { throw error("is required") }
        guard let items = value.arrayValue else { throw error("must be an array, found \(value.kindName)") }
        let path = path
        return items.enumerated().map { Field($1, parentPath: path, step: .element($0), location: location) }
    }

    /// The elements when present, `[]` when absent or `null`.
    func optionalArray() throws(ImportError) -> [Field] {
        isPresent ? try array() : []
    }

    func text() throws(ImportError) -> String {
        guard let value else { throw error("is required") }
        guard let text = value.stringValue else { throw error("must be a string, found \(value.kindName)") }
        return text
    }

    /// The string, or `nil` when absent or `null`.
    func optionalText() throws(ImportError) -> String? {
        isPresent ? try text() : nil
    }

    /// Text that goes into the chain (`data`): no control characters, bidirectional controls or line separators,
    /// which would let a source hide or reorder what a report shows.
    func label() throws(ImportError) -> String {
        let text = try text()
        if let problem = EnvelopeRules.hiddenCharacterProblem(text) { throw error(problem) }
        return text
    }

    /// An id: a non-empty string, or an integer number whose exact digits are kept (Zalo sends some ids beyond 2^53
    /// as bare numbers). A fraction or an exponent means the digits were already lost upstream: refused.
    func identifier() throws(ImportError) -> String {
        guard let value else { throw error("is required") }
        let text: String
        switch value {
        case .string(let string):
            text = string
        case .number(let number):
            guard let digits = number.integerDigits else {
                throw error(
                    "the id \(number.text) is not an integer: its digits were lost (a double cannot hold "
                        + "Zalo's 19-digit ids); send ids as strings or exact integers"
                )
            }
            text = digits
        default:
            throw error("must be an id (a string or an integer), found \(value.kindName)")
        }
        if let problem = EnvelopeRules.identifierProblem(text) { throw error("id \(problem)") }
        return text
    }

    /// A Zalo account, group or message id: an ``identifier()`` of ASCII digits only. A look-alike character (a
    /// fullwidth or Arabic-Indic digit, a Cyrillic letter) would make another account or group that reads the same
    /// in a report, so it is refused.
    func zaloId() throws(ImportError) -> String {
        let id = try identifier()
        guard id.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw error(
                "is \"\(id)\", not a Zalo id (ASCII digits 0-9): a look-alike character would name another account "
                    + "or group that reads the same"
            )
        }
        return id
    }

    /// The Zalo id, or `nil` when absent, `null` or the empty string.
    func optionalZaloId() throws(ImportError) -> String? {
        guard isPresent, value?.stringValue != "" else { return nil }
        return try zaloId()
    }

    /// The id, or `nil` when absent, `null` or the empty string.
    func optionalIdentifier() throws(ImportError) -> String? {
        guard isPresent else { return nil }
        if value?.stringValue == "" { return nil }
        return try identifier()
    }

    /// An integer (as a number, or as a string of digits).
    func integer() throws(ImportError) -> Int64 {
        guard let value else { throw error("is required") }
        switch value {
        case .number(let number):
            if let integer = number.int64Value { return integer }
        case .string(let string):
            if let integer = Int64(string), !string.hasPrefix("+") { return integer }
        default:
            break
        }
        throw error("must be an integer, found \(value)")
    }

    /// A Zalo time: epoch milliseconds as a string of digits or an integer, turned into RFC 3339 at +07:00.
    func epochMillis() throws(ImportError) -> String {
        guard let value else { throw error("is required") }
        guard let millis = try? integer(), let text = ZaloTime.rfc3339(millis: millis) else {
            throw error("must be epoch milliseconds (digits), found \(value)")
        }
        return text
    }
}
