import LedgerCore
import LedgerStorage

/// The values of `/records/{seq}`: the stored event's fields, its content or the withholding notice (never any
/// text of withheld content), and the neighbours to page through.
enum RecordPage {
    /// The page's values for record `seq` of a tree of `size` records: the envelope's fields under their own names,
    /// the record's under `labels`.
    static func values(
        seq: UInt64,
        size: UInt64,
        reader: LedgerReader,
        labels: [String: String]
    ) throws(LedgerError) -> [String: Any] {
        let entry = try reader.entry(seq)
        var fields: [[String: String]] = [
            row(labels["seq"] ?? "seq", String(seq)),
            row(labels["appendedAt"] ?? "appended_at", Timestamp.format(unixMillis: entry.record.appendedAtMillis)),
        ]
        for member in entry.envelope.chainObject.objectValue?.members ?? [] {
            fields.append(row(member.key, member.value))
        }
        fields += [
            row(labels["leafHash"] ?? "leaf_hash", entry.leafHash.hex, style: "hash"),
            row(labels["prev"] ?? "prev", entry.record.prev.hex, style: "hash"),
        ]
        var values: [String: Any] = [
            "seq": String(seq), "fields": fields, "hasContent": false, "noContent": false,
        ]
        if seq > 0 { values["previous"] = String(seq - 1) }
        if seq + 1 < size { values["following"] = String(seq + 1) }
        switch entry.content {
        case .none:
            values["noContent"] = true
        case .present(_, let bytes):
            let members: [(key: String, value: JSONValue)] =
                (try? JSONParser().parse(bytes))?.objectValue?.members
                ?? [("content", .string(String(decoding: bytes, as: UTF8.self)))]
            values["content"] = members.map { row($0.key, $0.value) }
            values["hasContent"] = true
        case .withheld:
            let notice = try WithholdingNotice(of: seq, reader: reader)
            var withheld = [
                "reason": notice.reason, "orderedBy": notice.orderedBy ?? "–", "withheldAt": notice.withheldAt ?? "–",
            ]
            if let bySeq = notice.bySeq { withheld["bySeq"] = String(bySeq) }
            values["withheld"] = withheld
        }
        return values
    }

    /// A table row: a string as it is, any other JSON value as its canonical text.
    private static func row(_ label: String, _ value: JSONValue) -> [String: String] {
        if let text = value.stringValue { return row(label, text) }
        return row(label, value.description, style: "json")
    }

    private static func row(_ label: String, _ value: String, style: String = "text") -> [String: String] {
        ["label": label, "value": value, "style": style]
    }
}
