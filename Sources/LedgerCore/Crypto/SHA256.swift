internal import COpenSSL

/// SHA-256 from the system's OpenSSL 3, with the algorithm fetched once and the digest context reused.
///
/// One instance is not thread-safe; give each thread its own. Creating one costs an `EVP_MD_fetch`, so keep
/// it for many hashes: that is what makes hashing small records close to `openssl speed -evp sha256`.
public final class SHA256 {
    private let md: OpaquePointer
    private let context: OpaquePointer

    /// Fetches the SHA-256 implementation and allocates a context.
    public init() {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil), let context = EVP_MD_CTX_new() else {
            fatalError("OpenSSL cannot provide SHA-256; is libcrypto 3 installed?")
        }
        self.md = md
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(md)
    }

    /// The digest of `prefix` followed by `bytes`; `prefix` is at most one byte (RFC 6962 domain separation).
    @inline(__always)
    private func digest(prefix: UInt8?, _ parts: UnsafeRawBufferPointer...) -> Hash {
        var out = Hash.zero
        guard EVP_DigestInit_ex2(context, md, nil) == 1 else { fatalError("EVP_DigestInit_ex2 failed") }
        if var p = prefix {
            _ = EVP_DigestUpdate(context, &p, 1)
        }
        for part in parts where part.count > 0 {
            _ = EVP_DigestUpdate(context, part.baseAddress, part.count)
        }
        var raw = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length: UInt32 = 0
        withUnsafeMutableBytes(of: &raw) { buffer in
            _ = EVP_DigestFinal_ex(context, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), &length)
            out = Hash(loadingFrom: UnsafeRawBufferPointer(buffer), at: 0)
        }
        return out
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
