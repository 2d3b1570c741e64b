/// A JSON value is coded as its canonical JSON text (RFC 8785), which reads back as an equal value.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try JSONParser().parse(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not JSON: \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: JCS.serialize(self), as: UTF8.self))
    }
}
