import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// A listener `undo` (`{data: TUndo, threadId, isSelf, isGroup}`, `data.content.deleteMsg` present) →
    /// `post.recalled` of `data.content.globalMsgId`.
    ///
    /// The id is `zca-recall:{groupId}:{recalled msgId}`: keyed by the recalled message rather than by the undo
    /// frame's own msgId (`domain-zalo.md` §4 suggests `zca-undo:{groupId}:{undo msgId}`), because the Zalo Web
    /// store keeps only the recalled message (msgType 20), so a backfill and a live capture of the same recall meet
    /// only on that id. A message is recalled at most once.
    func undo(_ line: ZcaLine) throws(ImportError) -> Mapped {
        let payload = line.payload
        _ = try payload.object()
        guard try isGroup(payload, key: "isGroup") else {
            return .skip("a 1:1 chat recall (outside the ledger's purpose)")
        }
        let data = payload["data"]
        let groupId = try data["idTo"].zaloId()
        let recalled = try data["content"]["globalMsgId"].zaloId()
        var draft = EventDraft(
            id: IdempotencyKey.make("zca-recall", [groupId, recalled], sha: sha),
            type: .postRecalled,
            time: try data["ts"].epochMillis(),
            actor: try line.uid(data["uidFrom"]),
            group: LedgerNames.group(groupId)
        )
        draft.set("message", .string(recalled))
        return .drafts([draft])
    }
}
