import LedgerCore
import LedgerStorage

/// The values of the home page's integrity panel: the checkpoint's size, root and text, each signature on it — the
/// ledger's own keys (named by the origin) and the witnesses' cosignatures with their time — and the newest anchor
/// kept beside the ledger, or none.
enum IntegrityPanel {
    /// The panel of `note` (the checkpoint `/checkpoint` serves), labelled in `labels`.
    static func values(note bytes: [UInt8], labels: [String: String]) -> [String: Any] {
        guard let note = try? Note.parse(bytes), let checkpoint = try? Checkpoint(note: note) else {
            return ["size": "–", "root": "–", "checkpoint": String(decoding: bytes, as: UTF8.self), "signatures": []]
        }
        return signatures(note, of: checkpoint, labels: labels).merging([
            "size": String(checkpoint.size), "root": checkpoint.rootHash.hex,
            "checkpoint": String(decoding: bytes, as: UTF8.self),
        ]) { _, own in own }
    }

    /// The signature rows of `note` (`signatures`: name, key ID, the ledger's key or a witness, when cosigned) and
    /// whether a witness cosigned it (`witnessed`).
    private static func signatures(
        _ note: Note,
        of checkpoint: Checkpoint,
        labels: [String: String]
    ) -> [String: Any] {
        var witnessed = false
        let rows: [[String: String]] = note.signatures.map { signature in
            let cosigned = Cosignature.timestamp(of: signature)
            let isLedger = signature.name == checkpoint.origin && cosigned == nil
            if !isLedger { witnessed = true }
            return [
                "name": signature.name, "keyID": NoteKeyID.hex(signature.keyID),
                "kind": (isLedger ? labels["logKey"] : labels["witness"]) ?? "",
                "cosignedAt": cosigned.map(time) ?? "",
            ]
        }
        return ["signatures": rows, "witnessed": witnessed]
    }

    /// The panel's anchor part: `anchor` (file, size, root, whether the records agree with it, the records after
    /// it in a tree of `size`, its signature rows) when one is stored, `anchorProblem` when it cannot be read,
    /// neither when none is stored ("not anchored").
    static func anchor(
        _ stored: Result<StoredAnchor?, LedgerError>,
        size: UInt64,
        labels: [String: String]
    ) -> [String: Any] {
        switch stored {
        case .failure(let error):
            return ["anchorProblem": "\(error)"]
        case .success(nil):
            return [:]
        case .success(let anchor?):
            let anchored = anchor.checkpoint.size
            var values = signatures(anchor.note, of: anchor.checkpoint, labels: labels)
            values["file"] = anchor.file
            values["size"] = String(anchored)
            values["root"] = anchor.checkpoint.rootHash.hex
            values["agrees"] = anchor.agreesWithLedger
            values["after"] = anchored < size ? "\(anchored)..<\(size) (\(size - anchored))" : false
            return ["anchor": values]
        }
    }

    /// A cosignature's time (seconds since 1970) in RFC 3339, or the number when it is beyond any date.
    private static func time(_ seconds: UInt64) -> String {
        seconds < 253_402_300_800 ? Timestamp.format(unixMillis: Int64(seconds) * 1000) : String(seconds)
    }

    /// The newest `count` records of a tree of `size` (newest first): number, type, time, group and actor.
    static func newest(_ count: UInt64, size: UInt64, reader: LedgerReader) throws(LedgerError) -> [[String: String]] {
        var rows: [[String: String]] = []
        var seq = size
        while seq > 0, rows.count < count {
            seq -= 1
            let event = try reader.entry(seq).envelope
            rows.append([
                "seq": String(seq), "type": event.type, "time": event.time.text, "group": event.group ?? "",
                "actor": event.actor,
            ])
        }
        return rows
    }
}
