import LedgerCore
import SystemPackage

/// The witness's secret cosigning key, `cosigner.key`: one signer key string in the style of Go's `sumdb/note`,
/// with the cosignature signature type,
///
///     PRIVATE+KEY+<name>+<8 hex digits key ID>+<base64(0x04 || 32-byte Ed25519 seed)>
///
/// The file is created with mode 0600 by `open(2)` itself (`O_CREAT | O_EXCL`), so there is no moment at which it
/// is readable by others, and a key file that has since become readable by group or others is refused.
enum WitnessKeyFile {
    static let prefix = "PRIVATE+KEY+"

    /// The signer key string of `signer`, without a newline.
    static func encode(_ signer: CosignatureSigner) -> String {
        prefix + signer.name + "+" + NoteKeyID.hex(signer.keyID) + "+"
            + Base64.encode([NoteSignatureType.cosignatureV1.rawValue] + signer.privateKey.seed)
    }

    /// Parses a signer key string (one trailing newline allowed) and checks its key ID.
    static func decode(
        _ text: String,
        clock: @escaping @Sendable () -> UInt64
    ) throws(LedgerError) -> CosignatureSigner {
        func damaged(_ what: String) -> LedgerError {
            LedgerError(
                .corrupt,
                "cosigner.key is damaged: \(what); restore it from the witness's backup "
                    + "(a new key is a new witness, which its verifiers would have to be told about)"
            )
        }
        var line = Substring(text)
        if line.hasSuffix("\n") { line = line.dropLast() }
        guard line.hasPrefix(prefix) else { throw damaged("it does not start with \(prefix)") }
        // The name and key ID never contain "+"; the base64 key may.
        let fields = line.dropFirst(prefix.count).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw damaged("expected name+keyID+key after \(prefix)") }
        guard let bytes = Base64.decode(fields[2]), bytes.count == 33,
            bytes[0] == NoteSignatureType.cosignatureV1.rawValue
        else { throw damaged("the key is not base64 of the type byte 0x04 and a 32-byte seed") }
        let signer: CosignatureSigner
        do {
            signer = try CosignatureSigner(
                name: String(fields[0]),
                privateKey: try Ed25519PrivateKey(seed: bytes[1...]),
                clock: clock
            )
        } catch {
            throw damaged("\(error)")
        }
        guard NoteKeyID.hex(signer.keyID) == fields[1].lowercased() else {
            throw damaged("key ID \(fields[1]) does not match the name and key")
        }
        return signer
    }

    /// Writes `signer` to a new file at `path`, created with mode 0600, and syncs it.
    static func create(_ signer: CosignatureSigner, at path: String) throws(LedgerError) {
        let file = try LedgerFile.open(
            path,
            name: "cosigner.key",
            .writeOnly,
            options: [.create, .exclusiveCreate],
            permissions: FilePermissions(rawValue: 0o600)
        )
        defer { file.close() }
        try file.write(Array((encode(signer) + "\n").utf8), at: 0)
        try file.sync()
    }

    /// Reads the key at `path`, refusing a file that group or others may read or write.
    static func load(
        from path: String,
        clock: @escaping @Sendable () -> UInt64
    ) throws(LedgerError) -> CosignatureSigner {
        // A secret store may present the key as a link (a mounted secret): follow it, the mode check still holds.
        let file = try LedgerFile.open(path, name: "cosigner.key", .readOnly, followLinks: true)
        defer { file.close() }
        let mode = try file.mode() & 0o777
        guard mode & 0o077 == 0 else {
            throw LedgerError(
                .io,
                "\(path) has mode 0\(String(mode, radix: 8)): the secret cosigning key must not be accessible to "
                    + "group or others; run `chmod 600 \(path)` and consider the key exposed if others could read it"
            )
        }
        guard try file.size() <= 4096 else { throw LedgerError(.corrupt, "cosigner.key is too large to be a key") }
        return try decode(String(decoding: try file.readAll(), as: UTF8.self), clock: clock)
    }
}
