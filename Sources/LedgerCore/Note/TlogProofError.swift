/// Why bytes are not a [C2SP tlog-proof](https://c2sp.org/tlog-proof) (`c2sp.org/tlog-proof@v1`), or why
/// proof fields cannot be formatted into one.
public enum TlogProofError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The proof is larger than the limit.
    case tooLarge(byteCount: Int, limit: Int)
    /// The first line is not exactly `c2sp.org/tlog-proof@v1`.
    case wrongHeader
    /// The input ends before the named part (a line, or the blank line before the checkpoint).
    case truncated(expecting: String)
    /// The `extra` line's data is not canonical padded base64.
    case invalidExtraEncoding
    /// The `extra` line is present but its data is empty (an absent extra is written by omitting the line).
    case emptyExtra
    /// The line after the header (and the optional `extra` line) does not start with `index `.
    case missingIndex
    /// The index is not a canonical decimal `UInt64`.
    case invalidIndex(String, CanonicalDecimalError)
    /// Inclusion proof line `line` (1-based, counted from the first proof hash) is not canonical base64.
    case invalidPathHashEncoding(line: Int)
    /// Inclusion proof line `line` does not decode to 32 bytes.
    case invalidPathHashLength(line: Int, byteCount: Int)
    /// More inclusion proof hashes than any tree of at most 2^64 − 1 leaves needs.
    case pathTooLong(count: Int, limit: Int)
    /// The embedded checkpoint is not a well-formed signed note.
    case invalidCheckpointNote(NoteError)
    /// The embedded note's text is not a checkpoint.
    case invalidCheckpoint(CheckpointError)

    public var description: String {
        switch self {
        case .tooLarge(let count, let limit): "proof is \(count) bytes; the limit is \(limit)"
        case .wrongHeader: "proof does not start with the line \(TlogProof.header)"
        case .truncated(let expecting): "proof ends before its \(expecting)"
        case .invalidExtraEncoding: "proof extra data is not canonical base64"
        case .emptyExtra: "proof has an extra line with no data"
        case .missingIndex: "proof has no index line"
        case .invalidIndex(let text, let problem): "proof index \"\(text)\": \(problem)"
        case .invalidPathHashEncoding(let line): "proof hash \(line) is not canonical base64"
        case .invalidPathHashLength(let line, let count): "proof hash \(line) is \(count) bytes; expected 32"
        case .pathTooLong(let count, let limit): "proof has \(count) hashes; at most \(limit) are possible"
        case .invalidCheckpointNote(let error): "proof checkpoint: \(error)"
        case .invalidCheckpoint(let error): "proof checkpoint: \(error)"
        }
    }
}
