/// The input an import reads, as provenance records it.
public struct ImportSource: Sendable, Hashable {
    /// The name in messages: the path as given, or `stdin`.
    public var name: String
    /// The SHA-256 of the whole input, lowercase hex, when it is known before the first event is made (a file read
    /// to its end); `nil` for a stream. Recorded in each event's `data.source.file_sha256`.
    public var fileSHA256: String?

    public init(name: String, fileSHA256: String? = nil) {
        self.name = name
        self.fileSHA256 = fileSHA256
    }
}
