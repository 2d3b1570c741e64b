/// Why bytes are not a well-formed [C2SP signed note](https://c2sp.org/signed-note), or why a note did not
/// verify.
public enum NoteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with one signature line.
    public enum SignatureLineProblem: Error, Hashable, Sendable {
        /// The line does not start with an em dash (U+2014) and a space.
        case missingPrefix
        /// The key name is empty or contains `+` or a Unicode space (or there is no space after it).
        case invalidKeyName
        /// The signature is not canonical padded base64.
        case invalidBase64
        /// The signature is shorter than a 4-byte key ID plus one byte.
        case tooShort
    }

    /// The note is larger than the limit.
    case tooLarge(byteCount: Int, limit: Int)
    /// The bytes at `offset` are not well-formed UTF-8.
    case invalidUTF8(offset: Int)
    /// An ASCII control character other than newline at `offset`.
    case controlCharacter(offset: Int, byte: UInt8)
    /// The text is empty or does not end with a newline.
    case textNotNewlineTerminated
    /// There is no blank line separating the text from the signatures.
    case missingSignatureBlock
    /// The signature block is empty or its last line does not end with a newline.
    case signatureBlockNotNewlineTerminated
    /// Signature line `line` (1-based, counted from the first signature line) is malformed.
    case malformedSignatureLine(line: Int, SignatureLineProblem)
    /// A key name in a signature or signer is empty or contains `+` or a Unicode space.
    case invalidKeyName(String)
    /// A signature has no bytes after its key ID.
    case emptySignature
    /// A note needs at least one signature.
    case noSignatures
    /// More signature lines than the limit.
    case tooManySignatures(limit: Int)
    /// More than one of the given verifiers has this name and key ID.
    case ambiguousKey(name: String, keyID: UInt32)
    /// A signature by a known key did not verify; the whole note is rejected.
    case invalidSignature(name: String, keyID: UInt32)
    /// Fewer distinct known keys verified than required.
    case insufficientSignatures(verified: Int, required: Int)

    public var description: String {
        switch self {
        case .tooLarge(let count, let limit): "note is \(count) bytes; the limit is \(limit)"
        case .invalidUTF8(let offset): "note is not valid UTF-8 at byte \(offset)"
        case .controlCharacter(let offset, let byte):
            "note has control character 0x\(Hex.encode([byte])) at byte \(offset)"
        case .textNotNewlineTerminated: "note text is empty or does not end with a newline"
        case .missingSignatureBlock: "note has no blank line before its signatures"
        case .signatureBlockNotNewlineTerminated: "note signatures are missing or do not end with a newline"
        case .malformedSignatureLine(let line, let problem):
            "malformed note signature line \(line): "
                + {
                    switch problem {
                    case .missingPrefix: "it does not start with an em dash and a space"
                    case .invalidKeyName: "invalid key name"
                    case .invalidBase64: "the signature is not canonical base64"
                    case .tooShort: "the signature is shorter than 5 bytes"
                    }
                }()
        case .invalidKeyName(let name): "invalid key name \"\(name)\""
        case .emptySignature: "note signature has no bytes after its key ID"
        case .noSignatures: "note has no signatures"
        case .tooManySignatures(let limit): "note has more than \(limit) signatures"
        case .ambiguousKey(let name, let keyID): "ambiguous key \(name)+\(NoteKeyID.hex(keyID))"
        case .invalidSignature(let name, let keyID): "invalid signature for key \(name)+\(NoteKeyID.hex(keyID))"
        case .insufficientSignatures(let verified, let required):
            "note has \(verified) verified signatures; \(required) required"
        }
    }
}
