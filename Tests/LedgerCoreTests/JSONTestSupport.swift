import LedgerCore

/// Parses `text` with default or given limits.
func jsonParse(_ text: String, limits: JSONLimits = .init()) throws(JSONError) -> JSONValue {
    try JSONParser(limits: limits).parse(Array(text.utf8))
}

/// The error parsing `bytes` throws, or `nil` when they parse.
func jsonParseError(_ bytes: [UInt8], limits: JSONLimits = .init()) -> JSONError? {
    do {
        _ = try JSONParser(limits: limits).parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// The RFC 8785 form of `value` as text.
func jsonCanonicalText(_ value: JSONValue) -> String {
    String(decoding: JCS.serialize(value), as: UTF8.self)
}

/// The RFC 8785 form of the JSON text `text`.
func jsonCanonicalText(_ text: String) throws(JSONError) -> String {
    jsonCanonicalText(try jsonParse(text))
}
