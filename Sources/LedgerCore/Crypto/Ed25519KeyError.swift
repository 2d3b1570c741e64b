/// Why a byte string is not an Ed25519 key ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032.html) §5.1.5).
public enum Ed25519KeyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A seed must be exactly 32 bytes.
    case invalidSeedLength(Int)
    /// A public key must be exactly 32 bytes.
    case invalidPublicKeyLength(Int)

    public var description: String {
        switch self {
        case .invalidSeedLength(let n): "Ed25519 seed is \(n) bytes; expected \(Ed25519.seedByteCount)"
        case .invalidPublicKeyLength(let n): "Ed25519 public key is \(n) bytes; expected \(Ed25519.publicKeyByteCount)"
        }
    }
}
