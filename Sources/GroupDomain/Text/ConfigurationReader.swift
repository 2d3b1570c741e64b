import LedgerCore

/// Reads one JSON object of the text-rules file strictly: unknown keys, missing keys and wrong types are errors that
/// name the JSON path (`$.R7b.officialDomains[2]`). Every object may carry a `note` (a string or a list of strings),
/// which is ignored.
struct ConfigurationReader {
    /// The object being read.
    let object: JSONObject
    /// Its JSON path, `$` for the top level.
    let path: String

    /// Wraps `value`, which must be an object, and checks that it has no keys besides `keys` and `note`.
    init(_ value: JSONValue, path: String, keys: Set<String>) throws(LedgerError) {
        guard let object = value.objectValue else { throw Self.error(path, "must be an object") }
        self.object = object
        self.path = path
        for key in object.keys where key != "note" && !keys.contains(key) {
            let known = keys.sorted().joined(separator: ", ")
            throw Self.error(path, "has an unknown key \"\(key)\" (known keys: \(known), note)")
        }
        if let note = object["note"] {
            let isText = note.stringValue != nil || note.arrayValue?.allSatisfy { $0.stringValue != nil } == true
            guard isText else { throw Self.error("\(path).note", "must be a string or a list of strings") }
        }
    }

    /// The error for a problem at `path`.
    static func error(_ path: String, _ problem: String) -> LedgerError {
        LedgerError(.badInput, "text rules: \(path) \(problem)")
    }

    /// The path of a member.
    func path(_ key: String) -> String { "\(path).\(key)" }

    /// A required member.
    func value(_ key: String) throws(LedgerError) -> JSONValue {
        guard let value = object[key] else { throw Self.error(path(key), "is missing") }
        return value
    }

    /// Whether the object has member `key` (for the members added after version 1, which are optional).
    func has(_ key: String) -> Bool { object[key] != nil }

    /// A required object member, checked against its own `keys`.
    func object(_ key: String, keys: Set<String>) throws(LedgerError) -> ConfigurationReader {
        try ConfigurationReader(value(key), path: path(key), keys: keys)
    }

    /// A required member that is an object or `null`.
    func optionalObject(_ key: String, keys: Set<String>) throws(LedgerError) -> ConfigurationReader? {
        let value = try value(key)
        if value.isNull { return nil }
        return try ConfigurationReader(value, path: path(key), keys: keys)
    }

    /// A required string member.
    func string(_ key: String) throws(LedgerError) -> String {
        guard let string = try value(key).stringValue else { throw Self.error(path(key), "must be a string") }
        return string
    }

    /// A required `true`/`false` member.
    func bool(_ key: String) throws(LedgerError) -> Bool {
        guard let bool = try value(key).boolValue else { throw Self.error(path(key), "must be true or false") }
        return bool
    }

    /// A required integer member in `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(LedgerError) -> Int {
        guard let number = try value(key).numberValue?.int64Value, let int = Int(exactly: number),
            range.contains(int)
        else { throw Self.error(path(key), "must be an integer from \(range.lowerBound) to \(range.upperBound)") }
        return int
    }

    /// A required list of non-empty strings, each passed through `check`, which returns a problem or `nil`.
    func strings(_ key: String, check: (String) -> String? = { _ in nil }) throws(LedgerError) -> [String] {
        guard let array = try value(key).arrayValue else { throw Self.error(path(key), "must be a list of strings") }
        var strings: [String] = []
        for (position, element) in array.enumerated() {
            let elementPath = "\(path(key))[\(position)]"
            guard let string = element.stringValue else { throw Self.error(elementPath, "must be a string") }
            guard !string.isEmpty else { throw Self.error(elementPath, "must not be empty") }
            if let problem = check(string) { throw Self.error(elementPath, "\"\(string)\" \(problem)") }
            strings.append(string)
        }
        return strings
    }

    /// A list of words and phrases of whole words.
    func terms(_ key: String) throws(LedgerError) -> [String] {
        try strings(key) { term in
            !PhraseIndex.isPhrase(term)
                ? "is not a word or a phrase of whole words separated by spaces" : nil
        }
    }
}
