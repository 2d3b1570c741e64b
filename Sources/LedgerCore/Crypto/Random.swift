internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom {
    /// Returns `count` random bytes. Traps if the system cannot supply entropy, which no caller can recover from.
    public static func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&out, Int32(count)) == 1 else {
            fatalError("RAND_bytes failed: the system has no entropy source")
        }
        return out
    }
}
