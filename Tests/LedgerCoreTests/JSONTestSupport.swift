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

/// A small deterministic generator (SplitMix64), so fuzz failures reproduce.
struct JSONTestRNG: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
