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

    /// The verifier key strings with every key given more than once kept once (the same name, key ID, signature
    /// type and key, however its string was spelled), so that repeating a key on a command line does not make a
    /// signature "ambiguous" or a quorum unreachable.
    ///
    /// - Returns: the first string of each distinct key, in the order given.
    /// - Throws: ``NoteKeyError`` for a string that is not a verifier key, and
    ///   ``NoteKeyError/conflictingKeys(name:keyID:)`` for two different keys with the same name and key ID (a
    ///   key ID collision, made on purpose): no signature could be attributed to one of them.
    public static func distinct(_ vkeys: [String]) throws(NoteKeyError) -> [String] {
        struct Identity: Hashable {
            let name: String
            let keyID: UInt32
        }
        var seen: [Identity: (type: UInt8, key: [UInt8])] = [:]
        var out: [String] = []
        for vkey in vkeys {
            _ = try parse(vkey)
            let fields = try NoteKeyEncoding.parseFields(vkey.utf8)
            let identity = Identity(name: fields.name, keyID: fields.keyID)
            if let earlier = seen[identity] {
                guard earlier.type == fields.type, earlier.key == fields.key else {
                    throw .conflictingKeys(name: fields.name, keyID: fields.keyID)
                }
                continue
            }
            seen[identity] = (fields.type, fields.key)
            out.append(vkey)
        }
        return out
    }
}
