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
        return BigEndian.read(UInt32.self, from: digest, at: 0)
    }

    /// Eight lowercase hexadecimal digits, as in key strings and error messages.
    public static func hex(_ keyID: UInt32) -> String {
        var bytes: [UInt8] = []
        BigEndian.append(keyID, to: &bytes)
        return Hex.encode(bytes)
    }

    /// Parses exactly eight hexadecimal digits of either case, as Go's `sumdb/note` does.
    static func parseHex(_ text: String) -> UInt32? {
        guard let bytes = try? Hex.decode(text, count: 4) else { return nil }
        return BigEndian.read(UInt32.self, from: bytes, at: 0)
    }
}
