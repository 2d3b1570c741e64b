/// A signal is coded with its text as a string (a `Substring` is not `Codable`); it reads back as a slice of that
/// string, equal to the original.
extension EvidenceSignal: Codable {
    private enum CodingKeys: String, CodingKey {
        case group, term, text, utf8Range, utf16Range, weight
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            group: try container.decode(String.self, forKey: .group),
            term: try container.decode(String.self, forKey: .term),
            text: Substring(try container.decode(String.self, forKey: .text)),
            utf8Range: try container.decode(Range<Int>.self, forKey: .utf8Range),
            utf16Range: try container.decode(Range<Int>.self, forKey: .utf16Range),
            weight: try container.decode(Int.self, forKey: .weight)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(term, forKey: .term)
        try container.encode(String(text), forKey: .text)
        try container.encode(utf8Range, forKey: .utf8Range)
        try container.encode(utf16Range, forKey: .utf16Range)
        try container.encode(weight, forKey: .weight)
    }
}
