/// Signs notes with Ed25519, signature type `0x01` of
/// [C2SP signed-note](https://c2sp.org/signed-note#ed25519-signatures).
public struct Ed25519NoteSigner: NoteSigner {
    public let name: String
    public let keyID: UInt32
    public let privateKey: Ed25519PrivateKey

    /// A signer for `privateKey` named `name`.
    public init(name: String, privateKey: Ed25519PrivateKey) throws(NoteKeyError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.privateKey = privateKey
        keyID = NoteKeyID.compute(name: name, type: .ed25519, publicKey: privateKey.publicKey.rawRepresentation)
    }

    /// Parses a signer key `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>` and checks that
    /// the key ID matches the public key derived from the seed.
    public init(skey: String) throws(NoteKeyError) {
        let fields = try NoteKeyEncoding.parseSignerKey(skey, type: .ed25519, keyByteCount: 32)
        try self.init(name: fields.name, privateKey: try! Ed25519PrivateKey(seed: fields.key))
        guard keyID == fields.keyID else { throw .keyIDMismatch(declared: fields.keyID, computed: keyID) }
    }

    /// A signer with a new random key.
    public static func generate(name: String) throws(NoteKeyError) -> Ed25519NoteSigner {
        try Ed25519NoteSigner(name: name, privateKey: .generate())
    }

    /// The secret signer key string `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`.
    public var skey: String {
        "PRIVATE+KEY+" + NoteKeyEncoding.format(name: name, keyID: keyID, type: .ed25519, key: privateKey.seed)
    }

    /// The matching verifier.
    public var verifier: Ed25519NoteVerifier {
        try! Ed25519NoteVerifier(name: name, publicKey: privateKey.publicKey)  // the name was checked
    }

    /// The verifier key string of the matching verifier.
    public var vkey: String { verifier.vkey }

    public func sign(text: [UInt8]) -> [UInt8] {
        privateKey.sign(text)
    }
}
