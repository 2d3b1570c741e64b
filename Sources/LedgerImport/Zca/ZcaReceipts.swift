import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// A listener `seen_messages` or `delivered_messages` (an **array** of `{type, data, threadId, isSelf}`) → one
    /// `message.seen` / `message.delivered` per group receipt, id `zca-seen:{groupId}:{msgId}:{sorted uids}` (or
    /// `zca-delivered:…`), so a receipt that names more readers later is a new event and a repeated one is not.
    ///
    /// A seen receipt carries no time: the capture line's `time` is used. A delivered receipt has `mSTs`.
    /// The actor is the first reader in uid order.
    func receipts(_ line: ZcaLine) throws(ImportError) -> Mapped {
        let seen = line.event == "seen_messages"
        var drafts: [EventDraft] = []
        for item in try line.payload.array() {
            _ = try item.object()
            guard try isGroup(item) else { continue }
            let data = item["data"]
            let groupId = try data["groupId"].zaloId()
            let msgId = try data["msgId"].zaloId()
            var accounts: [String] = []
            for uid in try data[seen ? "seenUids" : "deliveredUids"].optionalArray() {
                let account = try line.uid(uid)
                if !accounts.contains(account) { accounts.append(account) }
            }
            accounts.sort()
            guard let first = accounts.first else { continue }
            let time =
                !seen && data["mSTs"].isPresent
                ? try data["mSTs"].epochMillis() : try line.requireCaptureTime(for: "a \(line.event) receipt")
            var draft = EventDraft(
                id: IdempotencyKey.make(
                    seen ? "zca-seen" : "zca-delivered",
                    [groupId, msgId],
                    tail: accounts,
                    sha: sha
                ),
                type: seen ? .messageSeen : .messageDelivered,
                time: time,
                actor: first,
                group: LedgerNames.group(groupId)
            )
            draft.set("messages", [.string(msgId)])
            draft.set("accounts", .array(accounts.map { .string($0) }))
            drafts.append(draft)
        }
        return drafts.isEmpty ? .skip("no group receipt naming a reader") : .drafts(drafts)
    }
}
