internal import COpenSSL

/// SHA-256 over bytes that arrive in pieces, such as a file read in chunks: the digest `sha256sum` prints.
public final class SHA256Stream {
    private let md: OpaquePointer
    private let context: OpaquePointer

    /// Starts an empty digest.
    public init() {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil), let context = EVP_MD_CTX_new(),
            EVP_DigestInit_ex2(context, md, nil) == 1
        else { fatalError("OpenSSL cannot provide SHA-256; is libcrypto 3 installed?") }
        self.md = md
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(md)
    }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count > 0 { _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) }
    }

    /// The digest of everything given to ``update(_:)``. Call it once.
    public func finish() -> Hash {
        var raw = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length: UInt32 = 0
        return withUnsafeMutableBytes(of: &raw) { buffer in
            _ = EVP_DigestFinal_ex(context, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), &length)
            return Hash(loadingFrom: UnsafeRawBufferPointer(buffer), at: 0)
        }
    }
}
