/// Verifies Ed25519 checkpoint cosignatures of [C2SP tlog-cosignature](https://c2sp.org/tlog-cosignature) v1,
/// signature type `0x04`.
///
/// The key ID is `SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]` and a verifier key string is
/// `<name>+<hex key ID>+<base64(0x04 || public key)>`. Use it as any ``NoteVerifier``; the timestamp of a
/// verified cosignature is ``Cosignature/timestamp(of:)-(NoteSignature)``.
public struct CosignatureVerifier: NoteVerifier, Hashable {
    public let name: String
    public let keyID: UInt32
    public let publicKey: Ed25519PublicKey

    /// A verifier for the cosigner `name` with `publicKey`.
    public init(name: String, publicKey: Ed25519PublicKey) throws(NoteKeyError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.publicKey = publicKey
        keyID = NoteKeyID.compute(name: name, type: .cosignatureV1, publicKey: publicKey.rawRepresentation)
    }

    /// Parses a verifier key `<name>+<hex key ID>+<base64(0x04 || 32-byte public key)>`, checking the key ID.
    public init(vkey: String) throws(NoteKeyError) {
        let fields = try NoteKeyEncoding.parseVerifierKey(vkey, type: .cosignatureV1, keyByteCount: 32)
        name = fields.name
        keyID = fields.keyID
        publicKey = try! Ed25519PublicKey(raw: fields.key)  // length checked above
    }

    /// The verifier key string, with a lowercase key ID.
    public var vkey: String {
        NoteKeyEncoding.format(name: name, keyID: keyID, type: .cosignatureV1, key: publicKey.rawRepresentation)
    }

    /// Whether `signature` is `timestamp || Ed25519 signature` over the cosigned message for the checkpoint
    /// body `text`, with a timestamp of at most 2^63 − 1. Whether the timestamp is acceptable (for example not
    /// in the future) is the caller's policy.
    public func verify(text: [UInt8], signature: [UInt8]) -> Bool {
        guard let timestamp = Cosignature.timestamp(of: signature) else { return false }
        let message = Cosignature.message(body: text, timestamp: timestamp)
        return publicKey.isValidSignature(Array(signature[8...]), for: message)
    }
}
