/// Timestamped Ed25519 witness cosignatures, version 1 of
/// [C2SP tlog-cosignature](https://c2sp.org/tlog-cosignature) (signature type `0x04`).
///
/// A cosignature is a note signature on a checkpoint whose bytes (after the key ID) are the 8-byte big-endian
/// POSIX timestamp followed by the 64-byte Ed25519 signature of
///
///     cosignature/v1
///     time <timestamp in decimal>
///     <the checkpoint body, including its final newline>
public enum Cosignature {
    /// The header line that separates this domain, without its newline.
    public static let header = "cosignature/v1"
    /// The largest timestamp allowed: 2^63 − 1 ("It MUST NOT exceed 2^63 - 1").
    public static let maximumTimestamp = UInt64(Int64.max)
    /// Bytes after the key ID: an 8-byte timestamp and a 64-byte signature.
    public static let signatureByteCount = 8 + Ed25519.signatureByteCount

    /// The message the cosigner signs for `body` at `timestamp`.
    public static func message(body: [UInt8], timestamp: UInt64) -> [UInt8] {
        var out = Array("\(header)\ntime \(timestamp)\n".utf8)
        out.append(contentsOf: body)
        return out
    }

    /// The timestamp of a cosignature's signature bytes, or `nil` when they are not 72 bytes or the timestamp
    /// exceeds ``maximumTimestamp``. Reading it does not verify it.
    public static func timestamp(of signature: [UInt8]) -> UInt64? {
        guard signature.count == signatureByteCount else { return nil }
        let value = BigEndian.read(UInt64.self, from: signature, at: 0)
        return value <= maximumTimestamp ? value : nil
    }

    /// The timestamp of a cosignature line, or `nil` when it has not the cosignature shape. Reading it does not
    /// verify it; use it on ``VerifiedNote/verifiedSignatures`` from a ``CosignatureVerifier``.
    public static func timestamp(of signature: NoteSignature) -> UInt64? {
        timestamp(of: signature.signature)
    }
}
