/// Key IDs of [C2SP signed-note](https://c2sp.org/signed-note#signatures) keys.
///
///     key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]
///
/// read as a big-endian `UInt32`.
public enum NoteKeyID {
    /// The key ID of the key `publicKey` (raw bytes, without the type byte) of `type` named `name`.
    public static func compute(name: String, type: NoteSignatureType, publicKey: [UInt8]) -> UInt32 {
        compute(name: name, encodedKey: [type.rawValue] + publicKey)
    }

    /// The key ID for `encodedKey`, which is the type byte followed by the public key.
    static func compute(name: String, encodedKey: [UInt8]) -> UInt32 {
        var input = Array(name.utf8)
        input.append(0x0A)
        input.append(contentsOf: encodedKey)
        let digest = SHA256().hash(input).bytes
        return UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
    }

    /// Eight lowercase hexadecimal digits, as in key strings and error messages.
    public static func hex(_ keyID: UInt32) -> String {
        Hash.hex([UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)])
    }

    /// Parses exactly eight hexadecimal digits of either case, as Go's `sumdb/note` does.
    static func parseHex(_ text: String) -> UInt32? {
        guard text.utf8.count == 8 else { return nil }
        var value: UInt32 = 0
        for c in text.utf8 {
            guard let nibble = Hash.nibble(c) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
