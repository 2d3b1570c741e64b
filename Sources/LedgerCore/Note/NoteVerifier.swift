/// A key that can check signatures on [C2SP signed notes](https://c2sp.org/signed-note).
///
/// A note signature line names its key by the pair (``name``, ``keyID``); a verifier is consulted only for
/// lines carrying both. See ``Note/verify(using:minimumVerified:)``.
public protocol NoteVerifier: Sendable {
    /// The key name in signature lines.
    var name: String { get }
    /// The 32-bit key ID in signature lines.
    var keyID: UInt32 { get }
    /// Whether `signature` (the bytes after the 4-byte key ID) is valid for the note text `text`, which
    /// includes its final newline.
    func verify(text: [UInt8], signature: [UInt8]) -> Bool
}

/// Verifier key strings of any signature type this package implements.
public enum NoteVerifierKey {
    /// Parses a verifier key string `<name>+<hex key ID>+<base64(type || public key)>` of type `0x01`
    /// (``Ed25519NoteVerifier``) or `0x04` (``CosignatureVerifier``).
    public static func parse(_ vkey: String) throws(NoteKeyError) -> any NoteVerifier {
        let fields = try NoteKeyEncoding.parseFields(vkey.utf8)
        switch NoteSignatureType(rawValue: fields.type) {
        case .ed25519: return try Ed25519NoteVerifier(vkey: vkey)
        case .cosignatureV1: return try CosignatureVerifier(vkey: vkey)
        case nil: throw .unsupportedSignatureType(fields.type)
        }
    }
}
