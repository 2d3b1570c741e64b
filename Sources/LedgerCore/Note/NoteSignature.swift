/// One signature line of a [C2SP signed note](https://c2sp.org/signed-note#signatures):
///
///     — <key name> base64(32-bit key ID || signature)
public struct NoteSignature: Hashable, Sendable {
    /// The key name.
    public let name: String
    /// The key ID, big-endian in the first four bytes of the encoded signature.
    public let keyID: UInt32
    /// The signature bytes after the key ID (for Ed25519, 64 bytes; for a cosignature, 72).
    public let signature: [UInt8]

    /// A signature line for `signature` by the key (`name`, `keyID`). The name must be valid and the
    /// signature non-empty.
    public init(name: String, keyID: UInt32, signature: [UInt8]) throws(NoteError) {
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        guard !signature.isEmpty else { throw .emptySignature }
        self.init(checkedName: name, keyID: keyID, signature: signature)
    }

    init(checkedName name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// `base64(key ID || signature)`.
    public var base64: String {
        Base64.encode(
            [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
                + signature
        )
    }

    /// The whole line: em dash, space, name, space, base64, newline.
    public var line: String { "\u{2014} \(name) \(base64)\n" }
}
