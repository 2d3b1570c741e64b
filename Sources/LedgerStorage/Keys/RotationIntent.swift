import LedgerCore

/// The durable record of a key rotation in progress: `<key id>.intent` in the key directory, a signed note naming
/// the origin and the new key's verifier key, signed by the keys that sign now.
///
/// `key rotate` writes it before the new key's file and deletes it once the ledger announced the key. After a
/// crash in between, the next open adopts the new key only if its intent is there and verifies with a key the
/// ledger already announced: a key file that someone else put in the key directory has no such intent (making one
/// needs the signing key), so it is refused instead of signing every later checkpoint.
enum RotationIntent {
    static let heading = "groupledger key rotation intent"
    static let suffix = ".intent"

    /// The intent's file name for the new key `signer`.
    static func fileName(_ signer: Ed25519NoteSigner) -> String { NoteKeyID.hex(signer.keyID) + suffix }

    static func text(origin: String, vkey: String) -> String { "\(heading)\n\(origin)\n\(vkey)\n" }

    /// Writes the intent for `newKey`, signed by `signers`, durably (mode 0600).
    static func write(
        for newKey: Ed25519NoteSigner,
        signedBy signers: [Ed25519NoteSigner],
        origin: String,
        layout: LedgerLayout
    ) throws(LedgerError) {
        let note: Note
        do { note = try Note.sign(text: text(origin: origin, vkey: newKey.vkey), signers: signers) } catch {
            throw LedgerError(.corrupt, "cannot sign the intent to rotate to \(newKey.vkey): \(error)")
        }
        try LogKeys.createDirectory(layout)
        let name = fileName(newKey)
        try Directory.writeAtomically(
            note.format(),
            to: layout.keysDirectory + "/" + name,
            directory: layout.keysDirectory,
            name: layout.keysName + "/" + name,
            permissions: 0o600
        )
    }

    /// Whether the key directory holds an intent for `newKey` that verifies with one of `announced` and names
    /// exactly `origin` and `newKey`.
    static func exists(
        for newKey: Ed25519NoteSigner,
        announced: [Ed25519NoteSigner],
        origin: String,
        layout: LedgerLayout
    ) throws(LedgerError) -> Bool {
        let path = layout.keysDirectory + "/" + fileName(newKey)
        guard Directory.exists(path) else { return false }
        let bytes = try Directory.readFile(path, limit: Note.maximumByteCount, followLinks: false)
        guard let note = try? Note.open(bytes, using: announced.map { $0.verifier as any NoteVerifier }) else {
            return false
        }
        return note.text == text(origin: origin, vkey: newKey.vkey)
    }

    /// Deletes every intent file (once no rotation is in progress), and makes the deletion durable.
    static func removeAll(_ layout: LedgerLayout) throws(LedgerError) {
        let names = try Directory.list(layout.keysDirectory, name: layout.keysName).filter { $0.hasSuffix(suffix) }
        guard !names.isEmpty else { return }
        for name in names { Directory.removeFile(layout.keysDirectory + "/" + name) }
        try Directory.sync(layout.keysDirectory, name: layout.keysName)
    }
}
