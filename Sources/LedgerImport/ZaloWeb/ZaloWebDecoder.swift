import GroupDomain
import LedgerCore

/// Decodes a Zalo Web local message store: one JSON array of message objects (numeric `msgType`, `fromUid`,
/// `toUid` = `"g"` + group id, `sendDttm` in epoch milliseconds), for backfilling history.
///
/// Messages become `post.created` with the same id a live zca capture gives them (`zca:{groupId}:{msgId}`), so a
/// backfill overlapping live capture adds nothing; a recall marker (msgType 20) becomes `post.recalled` of that
/// same message (`zca-recall:{groupId}:{msgId}`); "deleted for everyone" (−27) with `uidSenderDel` becomes
/// `post.removed`; other notices (negative types) become `group.platform_event`. 1:1 chats are skipped. The
/// array is read element by element (see ``JSONArrayFramer``), so an element's error names its index and byte.
public struct ZaloWebDecoder: SourceDecoder, UnitMapping {
    /// How many threads map the units of a large chunk (default: one per online processor); the outcomes are
    /// the same with any number.
    public var threads = UnitMappingPool.threads
    let source: ImportSource
    let account: String?
    let limits: ImportLimits
    private(set) var sha = SHA256()
    private var framer: JSONArrayFramer

    /// - Parameter account: the store owner's uid, which replaces `fromUid: "0"`; without it such messages are
    ///   refused.
    public init(source: ImportSource, account: String? = nil, limits: ImportLimits = ImportLimits()) {
        self.source = source
        self.account = account
        self.limits = limits
        framer = JSONArrayFramer(name: source.name, maxElementBytes: limits.maxUnitBytes, maxDepth: limits.maxDepth)
    }

    public mutating func consume<Reduced: Sendable>(
        _ chunk: UnsafeRawBufferPointer,
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.feed(chunk), reducing: reduce)
    }

    public mutating func finish<Reduced: Sendable>(
        reducing reduce: @Sendable (ImportOutcome) -> Reduced
    ) -> [Reduced] {
        outcomes(framer.finish(), reducing: reduce)
    }

    public mutating func consumePacked(_ chunk: UnsafeRawBufferPointer) -> [PackedOutcomes] {
        packedOutcomes(framer.feed(chunk))
    }

    public mutating func finishPacked() -> [PackedOutcomes] {
        packedOutcomes(framer.finish())
    }

    func forAnotherThread() -> Self {
        var copy = self
        copy.sha = SHA256()
        return copy
    }

    func outcome(of unit: FramedUnit) throws(ImportError) -> ImportOutcome {
        let message = Field(try UnitJSON.parse(unit, limits: limits), location: unit.location)
        return try map(message, raw: unit.bytes).outcome(format: .zaloWeb, source: source, location: unit.location)
    }

    func uid(_ field: Field) throws(ImportError) -> String {
        let id = try field.zaloId()
        guard id == "0" else { return id }
        guard let account else {
            throw field.error("is \"0\", the store owner's own account: give the owner's uid with --account")
        }
        return account
    }

    func map(_ message: Field, raw: [UInt8]) throws(ImportError) -> Mapped {
        _ = try message.object()
        let to = try message["toUid"].identifier()
        guard to.hasPrefix("g"), to.count > 1 else { return .skip("a 1:1 chat message (outside the ledger's purpose)") }
        let groupId = String(to.dropFirst())
        guard groupId.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw message["toUid"].error("is not \"g\" + a Zalo group id (ASCII digits 0-9)")
        }
        var msgId = try message["zglobalMsgId"].optionalZaloId()
        if msgId == nil { msgId = try message["msgId"].zaloId() }
        let id = msgId!
        let msgType = try message["msgType"].integer()
        let timeField = message["sendDttm"].isPresent ? message["sendDttm"] : message["serverTime"]
        let time = try timeField.epochMillis()
        let actor = try uid(message["fromUid"])
        let group = LedgerNames.group(groupId)
        let parts = try MessageParts(
            content: message["message"],
            mentions: message["mentions"],
            quote: message["quote"],
            uid: uid
        )

        if msgType == ZaloWebMessageType.recall {
            var draft = EventDraft(
                id: IdempotencyKey.make("zca-recall", [groupId, id], sha: sha),
                type: .postRecalled,
                time: time,
                actor: actor,
                group: group
            )
            draft.set("message", .string(id))
            return .drafts([draft])
        }
        if msgType == ZaloWebMessageType.deletedForEveryone, let by = try message["uidSenderDel"].optionalIdentifier() {
            var draft = EventDraft(
                id: IdempotencyKey.make("zca-removed", [groupId, id], sha: sha),
                type: .postRemoved,
                time: time,
                actor: by,
                group: group
            )
            draft.set("message", .string(id))
            draft.set("by", .string(by))
            return .drafts([draft])
        }
        guard let kind = ZaloWebMessageType.kind(msgType, action: parts.action) else {
            let action = message["action"].isPresent ? ":" + (try message["action"].label()) : ""
            var draft = EventDraft(
                id: IdempotencyKey.make("zalo-web", [groupId, id], sha: sha),
                type: .groupPlatformEvent,
                time: time,
                actor: actor,
                group: group
            )
            draft.set("act", .string("zalo-web-notice:\(msgType)\(action)"))
            draft.set("raw_sha256", .string(sha.hash(raw).hex))
            draft.setContent("raw", RawContent.strip(message.value ?? .null))
            return .drafts([draft])
        }
        var draft = EventDraft(
            id: IdempotencyKey.make("zca", [groupId, id], sha: sha),
            type: .postCreated,
            time: time,
            actor: actor,
            group: group
        )
        draft.set("message", .string(id))
        draft.set("kind", .string(kind))
        if let client = try message["cliMsgId"].optionalIdentifier() { draft.set("client_message", .string(client)) }
        draft.set("source_kind", .string("zalo-web:\(msgType)"))
        parts.apply(to: &draft)
        if let name = try message["dName"].optionalText(), !name.isEmpty {
            draft.setContent("display_name", .string(name))
        }
        return .drafts([draft])
    }
}
