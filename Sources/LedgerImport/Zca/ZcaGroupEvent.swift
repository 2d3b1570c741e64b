import GroupDomain
import LedgerCore

extension ZcaDecoder {
    /// A listener `group_event` (`{type, act, data, threadId, isSelf}`; `data` may still be a JSON string) →
    /// the catalogue event its `act` names, id `zca-ge:{groupId}:{act}:{time}:{sourceId}:{sorted member ids}`.
    ///
    /// `join`, `leave`, `remove_member`, `block_member`, `add_admin`, `remove_admin`, `update_setting` and `update`
    /// have catalogue types; every other act (`join_request`, `new_link`, `update_avatar`, the pin, board, topic and
    /// reminder acts, and acts zca-js calls `unknown`) becomes `group.platform_event` with the act, the line's
    /// digest and the raw data (avatar URLs removed) as content: kept, never dropped.
    func groupEvent(_ line: ZcaLine) throws(ImportError) -> Mapped {
        let payload = line.payload
        _ = try payload.object()
        let act = try payload["act"].label()
        guard !act.isEmpty else { throw payload["act"].error("is empty") }
        var data = payload["data"]
        if case .string(let text)? = data.value {
            data = Field(try UnitJSON.parse(text, at: data, limits: limits), path: data.path, location: data.location)
        }
        _ = try data.object()
        var found = try data["groupId"].optionalIdentifier()
        if found == nil { found = try data["group_id"].optionalIdentifier() }
        if found == nil { found = try payload["threadId"].zaloId() }
        let groupId = found!
        let group = LedgerNames.group(groupId)

        let timeField = data["time"]
        let time: String
        let timeKey: String
        if timeField.isPresent {
            time = try timeField.epochMillis()
            timeKey = String(try timeField.integer())
        } else {
            time = try line.requireCaptureTime(for: "group event \"\(act)\", whose data has no time")
            timeKey = data["boardVersion"].isPresent ? "v\(try data["boardVersion"].integer())" : line.captureMillis!
        }
        let source = try data["sourceId"].optionalIdentifier().map { $0 == "0" ? line.account : $0 }
        var actor = source
        for key in ["actorId", "creatorId", "editorId"] where actor == nil {
            actor = try data[key].optionalIdentifier()
        }
        let (members, names) = try groupMembers(data, line: line)
        let id = IdempotencyKey.make(
            "zca-ge",
            [groupId, act, timeKey, source ?? actor ?? ""],
            tail: members.sorted(),
            sha: sha
        )
        var draft = EventDraft(
            id: id,
            type: .groupPlatformEvent,
            time: time,
            actor: actor ?? members.first ?? line.account,
            group: group
        )

        func requireMembers() throws(ImportError) -> JSONValue {
            guard !members.isEmpty else { throw data["updateMembers"].error("names no member for act \"\(act)\"") }
            return .array(members.map { .string($0) })
        }
        func requireSource() throws(ImportError) -> JSONValue {
            guard let source else { throw data["sourceId"].error("is required for act \"\(act)\"") }
            return .string(source)
        }

        switch act {
        case "join":
            draft.type = .memberJoined
            draft.set("accounts", try requireMembers())
            if let source, !members.contains(source) { draft.set("added_by", .string(source)) }
            if !names.isEmpty { draft.setContent("display_names", .array(names.map { .string($0) })) }
        case "leave":
            draft.type = .memberLeft
            draft.set("accounts", members.isEmpty ? .array([try requireSource()]) : try requireMembers())
        case "remove_member", "block_member", "add_admin", "remove_admin":
            let types: [String: EventType] = [
                "remove_member": .memberRemoved, "block_member": .memberBlocked,
                "add_admin": .groupAdminAdded, "remove_admin": .groupAdminRemoved,
            ]
            draft.type = types[act]!
            draft.set("accounts", try requireMembers())
            draft.set("by", try requireSource())
        case "update_setting":
            draft.type = .groupSettingsChanged
            draft.set("settings", .object(try data["groupSetting"].object()))
        case "update":
            draft.type = .groupRenamed
            draft.setContent("name", .string(try data["groupName"].text()))
        default:
            draft.set("act", .string(act))
            draft.set("raw_sha256", .string(rawDigest(line)))
            draft.setContent("raw", RawContent.strip(data.value ?? .null))
        }
        return .drafts([draft])
    }

    /// The accounts an act is about, in source order without repeats, with their display names when given:
    /// `updateMembers` (objects `{id, dName}`, or plain ids for reminder answers), else `uids` (join requests).
    private func groupMembers(_ data: Field, line: ZcaLine) throws(ImportError) -> ([String], [String]) {
        var ids: [String] = []
        var names: [String] = []
        var seen: Set<String> = []
        let list = data["updateMembers"].isPresent ? data["updateMembers"] : data["uids"]
        for item in try list.optionalArray() {
            let isObject = item.value?.objectValue != nil
            let id = try line.uid(isObject ? item["id"] : item)
            guard seen.insert(id).inserted else { continue }
            ids.append(id)
            if isObject { names.append(try item["dName"].optionalText() ?? "") }
        }
        return (ids, names.allSatisfy(\.isEmpty) ? [] : names)
    }
}
