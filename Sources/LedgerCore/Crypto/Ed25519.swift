internal import COpenSSL

/// Ed25519 ([RFC 8032](https://www.rfc-editor.org/rfc/rfc8032.html)) through the system's OpenSSL 3.
///
/// The key types are ``Ed25519PrivateKey`` and ``Ed25519PublicKey``; this namespace holds their sizes and the
/// shared OpenSSL plumbing.
public enum Ed25519 {
    /// Bytes in a private key seed (RFC 8032 §5.1.5).
    public static let seedByteCount = 32
    /// Bytes in an encoded public key (RFC 8032 §5.1.2).
    public static let publicKeyByteCount = 32
    /// Bytes in a signature (RFC 8032 §5.1.6).
    public static let signatureByteCount = 64
}

/// Owns one OpenSSL `EVP_PKEY`, imported once and freed with the last reference.
///
/// Sendable because the key is never modified after `init`: every sign or verify operation creates its own
/// `EVP_MD_CTX`, and OpenSSL 3 allows an unmodified `EVP_PKEY` to be used from several threads at once
/// (<https://docs.openssl.org/3.0/man7/openssl-threads/>). Contexts are never shared.
final class OpenSSLKey: @unchecked Sendable {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// Imports a 32-byte Ed25519 seed. The caller checks the length.
    static func ed25519Private(seed: [UInt8]) -> OpenSSLKey {
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            fatalError("OpenSSL cannot import an Ed25519 private key; is libcrypto 3 installed?")
        }
        return OpenSSLKey(pointer: key)
    }

    /// Imports a 32-byte Ed25519 public key. The caller checks the length.
    static func ed25519Public(raw: [UInt8]) -> OpenSSLKey {
        guard let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
            fatalError("OpenSSL cannot import an Ed25519 public key; is libcrypto 3 installed?")
        }
        return OpenSSLKey(pointer: key)
    }

    /// The raw 32-byte public key.
    func rawPublicKey() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Ed25519.publicKeyByteCount)
        var length = out.count
        guard EVP_PKEY_get_raw_public_key(pointer, &out, &length) == 1, length == out.count else {
            fatalError("EVP_PKEY_get_raw_public_key failed for an Ed25519 key")
        }
        return out
    }

    /// The raw 32-byte private seed.
    func rawPrivateKey() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Ed25519.seedByteCount)
        var length = out.count
        guard EVP_PKEY_get_raw_private_key(pointer, &out, &length) == 1, length == out.count else {
            fatalError("EVP_PKEY_get_raw_private_key failed for an Ed25519 key")
        }
        return out
    }

    /// A PureEdDSA signature of `message` (RFC 8032 §5.1.6); the key must be private.
    func sign(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, nil, nil, pointer) == 1 else {
            fatalError("EVP_DigestSignInit failed for an Ed25519 key")
        }
        var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
        var length = signature.count
        // A zero-length message still needs a non-null pointer on some OpenSSL builds.
        var empty: UInt8 = 0
        let status = withUnsafePointer(to: &empty) { fallback in
            let base = message.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback
            return EVP_DigestSign(context, &signature, &length, base, message.count)
        }
        guard status == 1, length == Ed25519.signatureByteCount else {
            fatalError("EVP_DigestSign failed for an Ed25519 key")
        }
        return signature
    }

    /// Whether `signature` is a valid PureEdDSA signature of `message` (RFC 8032 §5.1.7).
    func verify(_ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        guard signature.count == Ed25519.signatureByteCount, let sig = signature.baseAddress else { return false }
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, pointer) == 1 else {
            ERR_clear_error()
            return false
        }
        var empty: UInt8 = 0
        let status = withUnsafePointer(to: &empty) { fallback in
            let base = message.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback
            return EVP_DigestVerify(
                context,
                sig.assumingMemoryBound(to: UInt8.self),
                signature.count,
                base,
                message.count
            )
        }
        if status != 1 {
            // A failed verification leaves an entry on this thread's error queue; do not let it leak into
            // unrelated OpenSSL calls.
            ERR_clear_error()
        }
        return status == 1
    }
}
