internal import COpenSSL

/// SHA-256 from the system's OpenSSL 3, through its low-level calls (see `groupledger_sha256` in COpenSSL's shim:
/// for short inputs they cost less than the EVP interface), with one context reused for every digest.
///
/// One instance is not thread-safe; give each thread its own.
public final class SHA256 {
    private let context: UnsafeMutablePointer<SHA256_CTX>

    /// Allocates a context.
    public init() {
        context = .allocate(capacity: 1)
        context.initialize(to: SHA256_CTX())
    }

    deinit { context.deallocate() }

    /// The digest of `prefix` followed by `first` and `second`; `prefix` is at most one byte (RFC 6962 domain
    /// separation).
    @inline(__always)
    private func digest(
        prefix: UInt8?,
        _ first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
    ) -> Hash {
        var raw = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &raw) { buffer in
            groupledger_sha256(
                context,
                prefix == nil ? 0 : 1,
                prefix ?? 0,
                first.baseAddress,
                first.count,
                second.baseAddress,
                second.count,
                buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            )
            return Hash(loadingFrom: UnsafeRawBufferPointer(buffer), at: 0)
        }
    }

    /// SHA-256 of `bytes`.
    public func hash(_ bytes: UnsafeRawBufferPointer) -> Hash { digest(prefix: nil, bytes) }

    /// SHA-256 of `bytes`.
    public func hash(_ bytes: [UInt8]) -> Hash { bytes.withUnsafeBytes { hash($0) } }

    /// SHA-256 of `first` followed by `second`, without concatenating them.
    public func hash(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Hash {
        digest(prefix: nil, first, second)
    }

    /// The RFC 6962 leaf hash, `SHA-256(0x00 ‖ bytes)` (RFC 9162 §2.1.1).
    public func leafHash(_ bytes: UnsafeRawBufferPointer) -> Hash { digest(prefix: 0x00, bytes) }

    /// The RFC 6962 leaf hash, `SHA-256(0x00 ‖ bytes)` (RFC 9162 §2.1.1).
    public func leafHash(_ bytes: [UInt8]) -> Hash { bytes.withUnsafeBytes { leafHash($0) } }

    /// The RFC 6962 interior node hash, `SHA-256(0x01 ‖ left ‖ right)` (RFC 9162 §2.1.1).
    public func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        left.withUnsafeBytes { l in right.withUnsafeBytes { r in digest(prefix: 0x01, l, r) } }
    }

    /// The root of the empty tree, `SHA-256("")`.
    public static let emptyTreeRoot = Hash(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")!
}
