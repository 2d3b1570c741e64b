/// Verifies Ed25519 note signatures, signature type `0x01` of
/// [C2SP signed-note](https://c2sp.org/signed-note#ed25519-signatures).
public struct Ed25519NoteVerifier: NoteVerifier, Hashable {
    public let name: String
    public let keyID: UInt32
    public let publicKey: Ed25519PublicKey

    /// A verifier for `publicKey` named `name`; the key ID is
    /// `SHA-256(name || 0x0A || 0x01 || public key)[:4]`.
    public init(name: String, publicKey: Ed25519PublicKey) throws(NoteKeyError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.publicKey = publicKey
        keyID = NoteKeyID.compute(name: name, type: .ed25519, publicKey: publicKey.rawRepresentation)
    }

    /// Parses a verifier key `<name>+<hex key ID>+<base64(0x01 || 32-byte public key)>`, checking the key ID.
    public init(vkey: String) throws(NoteKeyError) {
        let fields = try NoteKeyEncoding.parseVerifierKey(vkey, type: .ed25519, keyByteCount: 32)
        name = fields.name
        keyID = fields.keyID
        publicKey = try! Ed25519PublicKey(raw: fields.key)  // length checked above
    }

    /// The verifier key string, with a lowercase key ID.
    public var vkey: String {
        NoteKeyEncoding.format(name: name, keyID: keyID, type: .ed25519, key: publicKey.rawRepresentation)
    }

    public func verify(text: [UInt8], signature: [UInt8]) -> Bool {
        publicKey.isValidSignature(signature, for: text)
    }
}
