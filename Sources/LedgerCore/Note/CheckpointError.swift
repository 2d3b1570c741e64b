/// Why a text is not a [C2SP tlog-checkpoint](https://c2sp.org/tlog-checkpoint) body, or why checkpoint fields
/// cannot be formatted into one.
public enum CheckpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body is larger than a note allows.
    case tooLarge(byteCount: Int, limit: Int)
    /// The bytes at `offset` are not well-formed UTF-8.
    case invalidUTF8(offset: Int)
    /// An ASCII control character other than newline at `offset`.
    case controlCharacter(offset: Int, byte: UInt8)
    /// The body is empty or does not end with a newline.
    case notNewlineTerminated
    /// The body has fewer than the three lines origin, tree size and root hash.
    case missingLines(found: Int)
    /// The origin line is empty.
    case emptyOrigin
    /// A field to be formatted contains a newline.
    case containsNewline(field: String)
    /// The tree size line is not a canonical decimal `UInt64`.
    case invalidTreeSize(String, CanonicalDecimalError)
    /// The root hash line is not canonical padded base64.
    case invalidRootHashEncoding(String)
    /// The root hash does not decode to 32 bytes.
    case invalidRootHashLength(Int)
    /// Extension line `line` (1-based over the whole body, so the first extension is line 4) is empty.
    case emptyExtensionLine(line: Int)

    public var description: String {
        switch self {
        case .tooLarge(let count, let limit): "checkpoint is \(count) bytes; the limit is \(limit)"
        case .invalidUTF8(let offset): "checkpoint is not valid UTF-8 at byte \(offset)"
        case .controlCharacter(let offset, let byte):
            "checkpoint has control character 0x\(Hex.encode([byte])) at byte \(offset)"
        case .notNewlineTerminated: "checkpoint is empty or does not end with a newline"
        case .missingLines(let found): "checkpoint has \(found) lines; origin, tree size and root hash are required"
        case .emptyOrigin: "checkpoint origin line is empty"
        case .containsNewline(let field): "checkpoint \(field) contains a newline"
        case .invalidTreeSize(let text, let problem): "checkpoint tree size \"\(text)\": \(problem)"
        case .invalidRootHashEncoding(let text): "checkpoint root hash \"\(text)\" is not canonical base64"
        case .invalidRootHashLength(let count): "checkpoint root hash is \(count) bytes; expected 32"
        case .emptyExtensionLine(let line): "checkpoint extension line \(line) is empty"
        }
    }
}
