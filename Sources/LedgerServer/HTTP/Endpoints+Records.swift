import Hummingbird
import LedgerCore
import LedgerStorage

extension Endpoints {
    /// `GET /v1/records/{seq}` (auditor role): the record as `groupledger show --json` gives it — its event, its
    /// content, or who withheld the content, when and why — and a `c2sp.org/tlog-proof@v1` of its inclusion in the
    /// current checkpoint.
    func record(_ text: String) -> Response {
        guard let seq = UInt64(text), String(seq) == text else {
            return Reply.problem(.notFound, "\(text) is not a record number (a decimal sequence number)")
        }
        let note = checkpoint.note
        let size = checkpoint.size
        guard seq < size else {
            return Reply.problem(.notFound, "record \(seq) is not in the current checkpoint, of size \(size)")
        }
        do {
            let reader = LedgerReader(layout: layout, metadata: metadata)
            let entry = try reader.entry(seq)
            var members: [(key: String, value: JSONValue)] = [
                ("seq", .number(JSONNumber(seq))), ("event", entry.envelope.chainObject),
                ("appended_at", .string(Timestamp.format(unixMillis: entry.record.appendedAtMillis))),
                ("leaf_hash", .string(entry.leafHash.hex)), ("prev", .string(entry.record.prev.hex)),
            ]
            switch entry.content {
            case .none:
                break
            case .present(_, let bytes):
                members.append(
                    ("content", (try? JSONParser().parse(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
                )
            case .withheld:
                members.append(("withheld", try WithholdingNotice(of: seq, reader: reader).json))
            }
            let proof = try ProofBuilder(reader: reader).inclusionProof(index: seq, checkpointNote: note)
            members.append(("proof", .string(String(decoding: proof.format(), as: UTF8.self))))
            return Reply.json(.ok, members)
        } catch {
            return Reply.problem(.internalServerError, "cannot read record \(seq): \(error)")
        }
    }
}
