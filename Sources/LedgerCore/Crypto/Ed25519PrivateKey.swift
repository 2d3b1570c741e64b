/// An Ed25519 signing key ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032.html) §5.1), held by OpenSSL.
///
/// The key is imported into OpenSSL once, when the value is created, and reused by every ``sign(_:)``. Copies
/// share the imported key. Deliberately not `Equatable`: compare ``publicKey`` instead.
public struct Ed25519PrivateKey: Sendable {
    let key: OpenSSLKey

    /// The matching verification key.
    public let publicKey: Ed25519PublicKey

    /// Imports the 32-byte seed `k` of RFC 8032 §5.1.5.
    public init(seed: some Collection<UInt8>) throws(Ed25519KeyError) {
        let bytes = Array(seed)
        guard bytes.count == Ed25519.seedByteCount else { throw .invalidSeedLength(bytes.count) }
        key = OpenSSLKey.ed25519Private(seed: bytes)
        publicKey = Ed25519PublicKey(checkedRaw: key.rawPublicKey())
    }

    /// A new key from 32 bytes of ``SecureRandom``.
    public static func generate() -> Ed25519PrivateKey {
        // The length is right by construction.
        try! Ed25519PrivateKey(seed: SecureRandom.bytes(Ed25519.seedByteCount))
    }

    /// The 32-byte seed. Treat it as secret.
    public var seed: [UInt8] { key.rawPrivateKey() }

    /// The 64-byte PureEdDSA signature of `message` (RFC 8032 §5.1.6). Ed25519 signing is deterministic.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { key.sign($0) }
    }

    /// The 64-byte PureEdDSA signature of `message`, without copying it.
    public func sign(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        key.sign(message)
    }
}
