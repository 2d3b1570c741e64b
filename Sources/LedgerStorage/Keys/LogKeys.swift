public import LedgerCore
import SystemPackage

/// The log's signing keys, kept in the key directory (``LedgerLayout/keysDirectory``: `keys/` inside the ledger,
/// or a directory outside it) as `<key id>.skey` files (Go `sumdb/note` signer-key text), each created with mode
/// 0600 in a directory of mode 0700, so that no other user can read a key or slip one in.
///
/// Every key file present signs every checkpoint: during a key rotation, the old and the new key both sign, and a
/// verifier that knows either accepts the checkpoint (C2SP signed-note: unknown signatures are ignored). A key
/// is trusted only once the ledger announced it, or when the writer left a ``RotationIntent`` for it.
public enum LogKeys {
    /// Creates a new Ed25519 key named `origin` and stores it durably.
    public static func generate(_ layout: LedgerLayout, origin: String) throws(LedgerError) -> Ed25519NoteSigner {
        let signer = try make(origin: origin)
        try store(signer, in: layout)
        return signer
    }

    /// A new Ed25519 key named `origin`, not yet stored.
    static func make(origin: String) throws(LedgerError) -> Ed25519NoteSigner {
        do { return try Ed25519NoteSigner.generate(name: origin) } catch {
            throw LedgerError(.badInput, "cannot make a signing key named \"\(origin)\": \(error)")
        }
    }

    /// Stores `signer` durably as `<key id>.skey`, mode 0600, creating the key directory (mode 0700) if needed.
    static func store(_ signer: Ed25519NoteSigner, in layout: LedgerLayout) throws(LedgerError) {
        try createDirectory(layout)
        let name = fileName(signer)
        try Directory.writeAtomically(
            Array((signer.skey + "\n").utf8),
            to: layout.keysDirectory + "/" + name,
            directory: layout.keysDirectory,
            name: layout.keysName + "/" + name,
            permissions: 0o600
        )
    }

    /// Creates the key directory with mode 0700 (and makes its entry durable) unless it exists; an existing one
    /// must be a directory that no other user can write to, as ``load(_:)`` requires.
    static func createDirectory(_ layout: LedgerLayout) throws(LedgerError) {
        guard !Directory.exists(layout.keysDirectory) else {
            try checkDirectory(layout)
            return
        }
        try Directory.create(layout.keysDirectory, name: layout.keysName, mode: 0o700)
        try Directory.sync(Directory.parent(of: layout.keysDirectory), name: "the parent of \(layout.keysName)")
    }

    /// Loads every key in the key directory, sorted by key id.
    ///
    /// - Throws: `.missingInput` when there is none (the ledger cannot sign); `.corrupt` for an unreadable key file
    ///   or one whose name is not its key id; `.refused` for a key file that others may read, a key directory that
    ///   others may write to, or a link in place of either.
    public static func load(_ layout: LedgerLayout) throws(LedgerError) -> [Ed25519NoteSigner] {
        guard Directory.exists(layout.keysDirectory) else {
            throw LedgerError(
                .missingInput,
                "\(layout.keysName)/ is missing: the ledger has no signing key; "
                    + (layout.keysInside
                        ? "if the keys live outside the ledger, pass --key-dir DIR (or set GROUPLEDGER_KEY_DIR); "
                            + "otherwise restore keys/ from the backup of the signing key"
                        : "restore it from the backup of the signing key")
            )
        }
        try checkDirectory(layout)
        var signers: [Ed25519NoteSigner] = []
        for name in try Directory.list(layout.keysDirectory, name: layout.keysName) where name.hasSuffix(".skey") {
            signers.append(try read(name, in: layout))
        }
        guard !signers.isEmpty else {
            throw LedgerError(
                .missingInput,
                "\(layout.keysName)/ holds no .skey file: the ledger has no signing key"
            )
        }
        return signers.sorted { $0.keyID < $1.keyID }
    }

    /// Refuses a key directory that other users can write to (they could slip a key in), or a link inside the
    /// ledger in its place.
    private static func checkDirectory(_ layout: LedgerLayout) throws(LedgerError) {
        if try Directory.mode(ofDirectory: layout.keysDirectory, name: layout.keysName) & 0o022 != 0 {
            throw LedgerError(
                .refused,
                "\(layout.keysName)/ can be written by other users, who could slip a key in; keep the keys in a "
                    + "directory only their owner can write to (`chmod 700` it, or choose another one)"
            )
        }
    }

    /// Reads one key file, checking its mode and that its name is its key id.
    private static func read(_ name: String, in layout: LedgerLayout) throws(LedgerError) -> Ed25519NoteSigner {
        let shown = layout.keysName + "/" + name
        // Outside the ledger a key may be a link (a mounted secret); trust comes from the ledger's announcements.
        let file = try LedgerFile.open(
            layout.keysDirectory + "/" + name,
            name: shown,
            .readOnly,
            followLinks: !layout.keysInside
        )
        defer { file.close() }
        if try file.mode() & 0o077 != 0 {
            throw LedgerError(.refused, "\(shown) can be read by other users; run `chmod 600` on it")
        }
        let text = String(decoding: try file.readAll(), as: UTF8.self).trimmingSuffix(while: \.isNewline)
        let signer: Ed25519NoteSigner
        do { signer = try Ed25519NoteSigner(skey: text) } catch {
            throw LedgerError(.corrupt, "\(shown) is not a signer key: \(error)")
        }
        guard fileName(signer) == name else {
            throw LedgerError(
                .corrupt,
                "\(shown) holds the key \(NoteKeyID.hex(signer.keyID)), not the key its name says: "
                    + "a key file is named after its key id; it was renamed or replaced"
            )
        }
        return signer
    }

    /// Deletes a key's file (after its retirement was recorded).
    public static func remove(_ layout: LedgerLayout, _ signer: Ed25519NoteSigner) throws(LedgerError) {
        Directory.removeFile(layout.keysDirectory + "/" + fileName(signer))
        try Directory.sync(layout.keysDirectory, name: layout.keysName)
    }

    /// The key directory's name for `signer`: `<key id in hex>.skey`.
    public static func fileName(_ signer: Ed25519NoteSigner) -> String {
        NoteKeyID.hex(signer.keyID) + ".skey"
    }
}
