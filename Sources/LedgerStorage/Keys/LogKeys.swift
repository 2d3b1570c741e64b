public import LedgerCore
import SystemPackage

/// The log's signing keys, kept in `keys/` as `<key id>.skey` files (Go `sumdb/note` signer-key text), each
/// created with mode 0600 so that no other user can read it.
///
/// Every key file present signs every checkpoint: during a key rotation, the old and the new key both sign, and a
/// verifier that knows either accepts the checkpoint (C2SP signed-note: unknown signatures are ignored).
public enum LogKeys {
    /// Creates a new Ed25519 key named `origin` and stores it durably.
    public static func generate(_ layout: LedgerLayout, origin: String) throws(LedgerError) -> Ed25519NoteSigner {
        let signer: Ed25519NoteSigner
        do { signer = try Ed25519NoteSigner.generate(name: origin) } catch {
            throw LedgerError(.badInput, "cannot make a signing key named \"\(origin)\": \(error)")
        }
        try Directory.create(layout.keysDirectory, name: "keys", existingOK: true)
        let name = fileName(signer)
        try Directory.writeAtomically(
            Array((signer.skey + "\n").utf8),
            to: layout.keysDirectory + "/" + name,
            directory: layout.keysDirectory,
            name: "keys/" + name,
            permissions: 0o600
        )
        return signer
    }

    /// Loads every key in `keys/`, sorted by key id.
    ///
    /// - Throws: `.missingInput` when there is none (the ledger cannot sign), `.corrupt` for an unreadable key file,
    ///   `.refused` for a key file that others may read.
    public static func load(_ layout: LedgerLayout) throws(LedgerError) -> [Ed25519NoteSigner] {
        guard Directory.isDirectory(layout.keysDirectory) else {
            throw LedgerError(
                .missingInput,
                "keys/ is missing: the ledger has no signing key; restore keys/ from "
                    + "the backup of the signing key"
            )
        }
        var signers: [Ed25519NoteSigner] = []
        for name in try Directory.list(layout.keysDirectory, name: "keys") where name.hasSuffix(".skey") {
            let path = layout.keysDirectory + "/" + name
            let file = try LedgerFile.open(path, name: "keys/" + name, .readOnly)
            defer { file.close() }
            if try file.mode() & 0o077 != 0 {
                throw LedgerError(.refused, "keys/\(name) can be read by other users; run `chmod 600` on it")
            }
            let text = String(decoding: try file.readAll(), as: UTF8.self).trimmingSuffix(while: \.isNewline)
            do { signers.append(try Ed25519NoteSigner(skey: text)) } catch {
                throw LedgerError(.corrupt, "keys/\(name) is not a signer key: \(error)")
            }
        }
        guard !signers.isEmpty else {
            throw LedgerError(.missingInput, "keys/ holds no .skey file: the ledger has no signing key")
        }
        return signers.sorted { $0.keyID < $1.keyID }
    }

    /// Deletes a key's file (after its retirement was recorded).
    public static func remove(_ layout: LedgerLayout, _ signer: Ed25519NoteSigner) throws(LedgerError) {
        Directory.removeFile(layout.keysDirectory + "/" + fileName(signer))
        try Directory.sync(layout.keysDirectory, name: "keys")
    }

    static func fileName(_ signer: Ed25519NoteSigner) -> String {
        NoteKeyID.hex(signer.keyID) + ".skey"
    }
}
