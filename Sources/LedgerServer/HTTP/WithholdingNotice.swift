import LedgerCore
import LedgerStorage

/// Who withheld a record's content, when and why: its `ledger.content_withheld` event, for the record's JSON
/// (`/v1/records/{seq}`) and its page (`/records/{seq}`).
struct WithholdingNotice {
    let reason: String
    /// The withholding event's record; `nil` when none was found (the content is gone all the same).
    let bySeq: UInt64?
    let orderedBy: String?
    let withheldAt: String?

    /// The notice of record `seq`'s content.
    init(of seq: UInt64, reader: LedgerReader) throws(LedgerError) {
        guard let found = try reader.withholding(of: seq) else {
            (reason, bySeq, orderedBy, withheldAt) = ("(no withholding event found)", nil, nil, nil)
            return
        }
        let event = try reader.entry(found.seq).envelope
        (reason, bySeq, orderedBy, withheldAt) = (found.reason, found.seq, event.actor, event.time.text)
    }

    /// `{"reason", "by_seq", "ordered_by", "withheld_at"}` (only the reason when no event was found).
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("reason", .string(reason))]
        if let bySeq, let orderedBy, let withheldAt {
            members += [
                ("by_seq", .number(JSONNumber(bySeq))), ("ordered_by", .string(orderedBy)),
                ("withheld_at", .string(withheldAt)),
            ]
        }
        return .object(JSONObject(members: members))
    }
}
