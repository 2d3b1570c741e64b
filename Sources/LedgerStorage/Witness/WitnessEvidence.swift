import LedgerCore

/// A refused checkpoint that carried a valid log signature, kept in `evidence/` beside what the witness had
/// cosigned, as C2SP tlog-witness allows ("it might be proof of log misbehavior").
///
/// Each file is one canonical JSON object:
///
///     {"cosigned_checkpoint":"<the witness's latest note for the origin>","kind":"fork|inconsistent|rollback",
///      "message":"<why it was refused>","origin":"…","proof":["<base64 hash>",…],"recorded_at":<POSIX seconds>,
///      "refused_checkpoint":"<the submitted note>"}
///
/// Two notes signed by one log key with the same size and different roots prove a fork to anyone; the other
/// kinds are kept for investigation. The file name is `<kind>-<size>-<first 16 hex digits of SHA-256 of the
/// refused note>.json`, so resubmitting the same note does not pile up files.
enum WitnessEvidence {
    /// The kinds of refusal that are kept as evidence.
    enum Kind: String {
        case rollback, fork, inconsistent
    }

    /// Writes the evidence file and returns its path.
    static func record(
        _ kind: Kind,
        message: String,
        refused: Note,
        cosigned: WitnessLogState,
        proof: [Hash],
        time: UInt64,
        layout: WitnessLayout
    ) throws(LedgerError) -> String {
        let refusedText = refused.format()
        let object = JSONObject(members: [
            ("kind", .string(kind.rawValue)), ("message", .string(message)), ("origin", .string(cosigned.origin)),
            ("refused_checkpoint", .string(String(decoding: refusedText, as: UTF8.self))),
            ("cosigned_checkpoint", .string(String(decoding: cosigned.note.format(), as: UTF8.self))),
            ("proof", .array(proof.map { .string($0.base64) })), ("recorded_at", .number(JSONNumber(time))),
        ])
        let size = (try? Checkpoint(note: refused).size).map(String.init) ?? "unknown"
        let name = "\(kind.rawValue)-\(size)-\(SHA256().hash(refusedText).hexPrefix()).json"
        try Directory.create(layout.evidenceDirectory, name: "evidence", existingOK: true)
        let path = layout.evidenceDirectory + "/" + name
        try Directory.writeAtomically(
            JCS.serialize(.object(object)) + [0x0A],
            to: path,
            directory: layout.evidenceDirectory,
            name: "evidence/" + name
        )
        return path
    }
}
