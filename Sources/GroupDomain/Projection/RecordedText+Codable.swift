/// A recorded text is coded as the text, or as nothing (`nil`) when withheld.
extension RecordedText: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decode(String?.self).map(RecordedText.text) ?? .withheld
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
