import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// A listener `reaction` (`{data: TReaction, threadId, isSelf, isGroup}`) → one `reaction.added` per target in
    /// `data.content.rMsg`, id `zca-react:{groupId}:{msgId}:{target gMsgID}`. An empty `rIcon` (zca-js
    /// `Reactions.NONE`, a reaction taken back) has no catalogue type and is kept as `group.platform_event`
    /// `reaction_removed`.
    func reaction(_ line: ZcaLine) throws(ImportError) -> Mapped {
        let payload = line.payload
        _ = try payload.object()
        guard try isGroup(payload, key: "isGroup") else {
            return .skip("a reaction in a 1:1 chat (outside the ledger's purpose)")
        }
        let data = payload["data"]
        let groupId = try data["idTo"].zaloId()
        let msgId = try data["msgId"].zaloId()
        let time = try data["ts"].epochMillis()
        let actor = try line.uid(data["uidFrom"])
        let content = data["content"]
        let icon = try content["rIcon"].label()
        let reactionType = content["rType"].isPresent ? String(try content["rType"].integer()) : nil
        let name = try data["dName"].optionalText()
        var drafts: [EventDraft] = []
        for target in try content["rMsg"].array() {
            let message = try target["gMsgID"].zaloId()
            var draft = EventDraft(
                id: IdempotencyKey.make("zca-react", [groupId, msgId, message], sha: sha),
                type: icon.isEmpty ? .groupPlatformEvent : .reactionAdded,
                time: time,
                actor: actor,
                group: LedgerNames.group(groupId)
            )
            if icon.isEmpty {
                draft.set("act", "reaction_removed")
                draft.set("raw_sha256", .string(rawDigest(line)))
                draft.setContent("raw", RawContent.strip(data.value ?? .null))
            } else {
                draft.set("message", .string(message))
                draft.set("icon", .string(icon))
                if let reactionType { draft.set("reaction_type", .string(reactionType)) }
                if let name, !name.isEmpty { draft.setContent("display_name", .string(name)) }
            }
            drafts.append(draft)
        }
        guard !drafts.isEmpty else { throw content["rMsg"].error("names no message to react to") }
        return .drafts(drafts)
    }
}
