/// Why a key name, verifier key (`vkey`) or signer key (`skey`) string was rejected.
///
/// Key strings follow Go's `golang.org/x/mod/sumdb/note`: a verifier key is
/// `<name>+<8 hex digits key ID>+<base64(type || public key)>` and a signer key is
/// `PRIVATE+KEY+<name>+<8 hex digits key ID>+<base64(type || private key)>`
/// ([C2SP signed-note](https://c2sp.org/signed-note)).
public enum NoteKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name is empty or contains a `+` or a Unicode space.
    case invalidKeyName(String)
    /// The string has fewer than the three `+`-separated fields (name, key ID, key).
    case missingField(String)
    /// A signer key does not start with `PRIVATE+KEY+`.
    case missingPrivateKeyPrefix
    /// The key ID field is not exactly eight hexadecimal digits.
    case invalidKeyIDHex(String)
    /// The key field is not canonical padded base64 or is empty.
    case invalidKeyEncoding
    /// The first key byte is a signature type this package does not implement.
    case unsupportedSignatureType(UInt8)
    /// The key is of another signature type than the one asked for (for example a cosigner key where an
    /// Ed25519 note key is expected).
    case wrongSignatureType(expected: UInt8, found: UInt8)
    /// The key material after the type byte has the wrong length.
    case invalidKeyLength(expected: Int, found: Int)
    /// The key ID in the string is not the one computed from the name and key.
    case keyIDMismatch(declared: UInt32, computed: UInt32)
    /// Two different keys were given with the same name and key ID; a signature could be either's.
    case conflictingKeys(name: String, keyID: UInt32)

    public var description: String {
        switch self {
        case .invalidKeyName(let name):
            "invalid key name \"\(name)\": it must be non-empty and contain neither spaces nor '+'"
        case .missingField(let field): "malformed key: missing the \(field) field"
        case .missingPrivateKeyPrefix: "malformed signer key: it must start with PRIVATE+KEY+"
        case .invalidKeyIDHex(let text): "malformed key: key ID \"\(text)\" is not 8 hexadecimal digits"
        case .invalidKeyEncoding: "malformed key: the key is not non-empty canonical base64"
        case .unsupportedSignatureType(let type): "unsupported signature type 0x\(Hex.encode([type]))"
        case .wrongSignatureType(let expected, let found):
            "signature type 0x\(Hex.encode([found])) where 0x\(Hex.encode([expected])) was expected"
        case .invalidKeyLength(let expected, let found): "key is \(found) bytes; expected \(expected)"
        case .keyIDMismatch(let declared, let computed):
            "key ID \(NoteKeyID.hex(declared)) does not match the name and key (computed \(NoteKeyID.hex(computed)))"
        case .conflictingKeys(let name, let keyID):
            "two different keys have the name \(name) and key ID \(NoteKeyID.hex(keyID)); give only the right one"
        }
    }
}
