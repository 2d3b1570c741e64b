/// An Ed25519 verification key ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032.html) §5.1.5), held by
/// OpenSSL.
///
/// The key is imported into OpenSSL once, when the value is created, and reused by every
/// ``isValidSignature(_:for:)``. Equality and hashing use the 32 encoded bytes.
public struct Ed25519PublicKey: Hashable, Sendable {
    /// The 32-byte encoding of RFC 8032 §5.1.2.
    public let rawRepresentation: [UInt8]
    let key: OpenSSLKey

    /// Imports a 32-byte encoded public key.
    ///
    /// Only the length is checked here: a string that does not decode to a curve point is accepted, and every
    /// signature then fails to verify against it (RFC 8032 §5.1.7 step 1).
    public init(raw: some Collection<UInt8>) throws(Ed25519KeyError) {
        let bytes = Array(raw)
        guard bytes.count == Ed25519.publicKeyByteCount else { throw .invalidPublicKeyLength(bytes.count) }
        self.init(checkedRaw: bytes)
    }

    init(checkedRaw bytes: [UInt8]) {
        rawRepresentation = bytes
        key = OpenSSLKey.ed25519Public(raw: bytes)
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by this key (RFC 8032 §5.1.7).
    /// A signature that is not 64 bytes is invalid.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        signature.withUnsafeBytes { sig in message.withUnsafeBytes { key.verify(sig, for: $0) } }
    }

    /// Whether `signature` is a valid Ed25519 signature of `message`, without copying the message.
    public func isValidSignature(_ signature: [UInt8], for message: UnsafeRawBufferPointer) -> Bool {
        signature.withUnsafeBytes { key.verify($0, for: message) }
    }

    public static func == (lhs: Ed25519PublicKey, rhs: Ed25519PublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawRepresentation)
    }
}

extension Ed25519PublicKey: CustomStringConvertible {
    /// Lowercase hexadecimal of the encoded key.
    public var description: String { Hex.encode(rawRepresentation) }
}
