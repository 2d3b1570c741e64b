/// The fields of a verifier or signer key string, before the key material is interpreted.
struct NoteKeyEncoding {
    let name: String
    let keyID: UInt32
    let type: UInt8
    let key: [UInt8]

    /// Splits `<name>+<hex key ID>+<base64(type || key)>` at the first two `+` bytes, as Go does; the base64
    /// field may itself contain `+`.
    static func parseFields(_ text: some Collection<UInt8>) throws(NoteKeyError) -> NoteKeyEncoding {
        let bytes = Array(text)
        let plus = UInt8(ascii: "+")
        guard let firstPlus = bytes.firstIndex(of: plus) else { throw .missingField("key ID") }
        guard let secondPlus = bytes[(firstPlus + 1)...].firstIndex(of: plus) else { throw .missingField("key") }
        let name = String(decoding: bytes[..<firstPlus], as: UTF8.self)
        let hex = String(decoding: bytes[(firstPlus + 1)..<secondPlus], as: UTF8.self)
        let base64 = String(decoding: bytes[(secondPlus + 1)...], as: UTF8.self)
        guard NoteKeyName.isValid(name) else { throw .invalidKeyName(name) }
        guard let keyID = NoteKeyID.parseHex(hex) else { throw .invalidKeyIDHex(hex) }
        guard let decoded = Base64.decode(base64), let type = decoded.first else { throw .invalidKeyEncoding }
        return NoteKeyEncoding(name: name, keyID: keyID, type: type, key: Array(decoded.dropFirst()))
    }

    /// Parses a verifier key, requiring `type` and a key of `keyByteCount` bytes whose ID matches.
    static func parseVerifierKey(
        _ vkey: String,
        type expected: NoteSignatureType,
        keyByteCount: Int
    ) throws(NoteKeyError) -> NoteKeyEncoding {
        let fields = try parseFields(vkey.utf8)
        try fields.check(type: expected, keyByteCount: keyByteCount)
        let computed = NoteKeyID.compute(name: fields.name, encodedKey: [fields.type] + fields.key)
        guard computed == fields.keyID else { throw .keyIDMismatch(declared: fields.keyID, computed: computed) }
        return fields
    }

    /// Parses a signer key. The key ID is checked by the caller once it has derived the public key.
    static func parseSignerKey(
        _ skey: String,
        type expected: NoteSignatureType,
        keyByteCount: Int
    ) throws(NoteKeyError) -> NoteKeyEncoding {
        let prefix = "PRIVATE+KEY+".utf8
        guard skey.utf8.starts(with: prefix) else { throw .missingPrivateKeyPrefix }
        let fields = try parseFields(skey.utf8.dropFirst(prefix.count))
        try fields.check(type: expected, keyByteCount: keyByteCount)
        return fields
    }

    private func check(type expected: NoteSignatureType, keyByteCount: Int) throws(NoteKeyError) {
        guard let found = NoteSignatureType(rawValue: type) else { throw .unsupportedSignatureType(type) }
        guard found == expected else { throw .wrongSignatureType(expected: expected.rawValue, found: type) }
        guard key.count == keyByteCount else { throw .invalidKeyLength(expected: keyByteCount, found: key.count) }
    }

    /// `<name>+<hex key ID>+<base64(type || key)>`.
    static func format(name: String, keyID: UInt32, type: NoteSignatureType, key: [UInt8]) -> String {
        "\(name)+\(NoteKeyID.hex(keyID))+\(Base64.encode([type.rawValue] + key))"
    }
}
