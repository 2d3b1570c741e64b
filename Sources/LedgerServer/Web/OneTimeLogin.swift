import LedgerCore
import Synchronization

/// The one-time login link (`/login/once/<secret>`) that `serve --read-only` prints: its first use opens a session,
/// any later one is refused. Only the secret's SHA-256 is kept.
final class OneTimeLogin: Sendable {
    private let digest: Mutex<Hash?>

    /// The link of `secret`.
    init(secret: String) { digest = Mutex(SHA256().hash(Array(secret.utf8))) }

    /// A new random secret: 256 bits as 64 hex digits.
    static func newSecret() -> String { Hex.encode(SecureRandom.bytes(32)) }

    /// The path of the link of `secret`.
    static func path(_ secret: String) -> String { "/login/once/" + secret }

    /// Whether `secret` is the link's and unused; a `true` uses it up. Compared in constant time.
    func redeem(_ secret: String) -> Bool {
        let presented = SHA256().hash(Array(secret.utf8))
        return digest.withLock { digest in
            guard let kept = digest else { return false }
            let (a0, a1, a2, a3) = kept.words
            let (b0, b1, b2, b3) = presented.words
            guard ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) == 0 else { return false }
            digest = nil
            return true
        }
    }
}
