import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// A listener `message` (zca-js `GroupMessage`: `{type, data: TGroupMessage, threadId, isSelf}`) →
    /// `post.created`, id `zca:{groupId}:{msgId}`.
    func message(_ payload: Field, line: ZcaLine) throws(ImportError) -> Mapped {
        _ = try payload.object()
        guard try isGroup(payload) else { return .skip("a 1:1 chat message (outside the ledger's purpose)") }
        let data = payload["data"]
        _ = try data.object()
        let msgId = try data["msgId"].zaloId()
        let groupId = try data["idTo"].zaloId()
        let msgType = try data["msgType"].label()
        var draft = EventDraft(
            id: IdempotencyKey.make("zca", [groupId, msgId], sha: sha),
            type: .postCreated,
            time: try data["ts"].epochMillis(),
            actor: try line.uid(data["uidFrom"]),
            group: LedgerNames.group(groupId)
        )
        let parts = try MessageParts(
            content: data["content"],
            mentions: data["mentions"],
            quote: data["quote"],
            uid: line.uid
        )
        draft.set("message", .string(msgId))
        draft.set("kind", .string(ZcaMessageKind.kind(msgType: msgType, action: parts.action)))
        if let client = try data["cliMsgId"].optionalIdentifier() { draft.set("client_message", .string(client)) }
        draft.set("source_kind", .string(msgType))
        parts.apply(to: &draft)
        if let name = try data["dName"].optionalText(), !name.isEmpty {
            draft.setContent("display_name", .string(name))
        }
        return .drafts([draft])
    }
}
