import GroupDomain
import LedgerCore

/// Decodes Zalo Official Account webhook deliveries, one per line: the bare body object, or
/// `{"signature": "mac=…", "body": "<the raw request body, byte-exact, as a JSON string>"}` as a receiver logs it.
///
/// GMF group messages (`user_send_group_*`, `oa_send_group_*`) become `post.created` in group `g-oa-{recipient.id}`;
/// `user_join_group` / `user_out_group` become `member.joined` / `member.left` of `sender.id`; the other group
/// management events and unknown `event_name`s become `group.platform_event`; 1:1 and follower events are skipped.
/// Ids are `oa:{event_name}:{message.msg_id}`, else `oa:{event_name}:sha256-{digest of the raw body}`, so Zalo's
/// redeliveries add nothing. With ``OAWebhookOptions/secret`` every line must be signed and its MAC must match
/// (``OASignature``).
public struct OAWebhookDecoder: SourceDecoder, UnitMapping {
    /// How many threads map the units of a large chunk (default: one per online processor); the outcomes are
    /// the same with any number.
    public var threads = UnitMappingPool.threads
    let source: ImportSource
    let options: OAWebhookOptions
    let limits: ImportLimits
    private(set) var sha = SHA256()
    private var framer: JSONLinesFramer

    public init(
        source: ImportSource,
        options: OAWebhookOptions = OAWebhookOptions(),
        limits: ImportLimits = ImportLimits()
    ) {
        self.source = source
        self.options = options
        self.limits = limits
        framer = JSONLinesFramer(name: source.name, maxLineBytes: limits.maxUnitBytes)
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
        let (body, raw, signature) = try open(unit)
        return try map(body, raw: raw).outcome(
            format: .oaWebhook,
            source: source,
            location: unit.location,
            provenance: signature.map { [("signature", .string($0))] } ?? []
        )
    }

    /// The body, its raw bytes, and the signature state (`verified`, `unchecked`, or `nil` for a bare body).
    private func open(_ unit: FramedUnit) throws(ImportError) -> (Field, [UInt8], String?) {
        let root = Field(try UnitJSON.parse(unit, limits: limits), location: unit.location)
        let object = try root.object()
        guard object["body"] != nil || object["signature"] != nil else {
            if options.secret != nil {
                throw root.error(
                    "an unsigned body: with --oa-secret every line must be {\"signature\": \"mac=…\", \"body\": "
                        + "\"<raw body>\"} as the receiver got it, so that its X-ZEvent-Signature can be checked"
                )
            }
            try checkAppID(root)
            return (root, unit.bytes, nil)
        }
        for key in object.keys where key != "body" && key != "signature" {
            throw root[key].error("is not part of a signed line (allowed: signature, body)")
        }
        let header = try root["signature"].text()
        let text = try root["body"].text()
        let raw = Array(text.utf8)
        let body = Field(
            try UnitJSON.parse(text, at: root["body"], limits: limits),
            path: "$.body",
            location: unit.location
        )
        _ = try body.object()
        let appID = try body["app_id"].identifier()
        try checkAppID(body)
        guard let secret = options.secret else { return (body, raw, "unchecked") }
        let timestamp: String
        switch body["timestamp"].value {
        case .string(let string)?: timestamp = string
        case .number(let number)?: timestamp = number.text
        default: throw body["timestamp"].error("is required to check the signature (it is part of the MAC)")
        }
        let mac = OASignature.mac(appID: appID, body: raw, timestamp: timestamp, secret: secret)
        guard OASignature.matches(header: header, expected: mac) else {
            throw root["signature"].error(
                "X-ZEvent-Signature does not match sha256(app_id + body + timestamp + OA secret key): the body "
                    + "was altered, or the OA secret key or the app is not the one that signed it"
            )
        }
        return (body, raw, "verified")
    }

    /// With ``OAWebhookOptions/appID``, the body's `app_id` must be that app, whether the line is signed or bare.
    private func checkAppID(_ body: Field) throws(ImportError) {
        guard let expected = options.appID else { return }
        let appID = try body["app_id"].identifier()
        if appID != expected {
            throw body["app_id"].error("is \(appID), not the app id given with --oa-app-id (\(expected))")
        }
    }

    func map(_ body: Field, raw: [UInt8]) throws(ImportError) -> Mapped {
        let name = try body["event_name"].label()
        guard !name.isEmpty else { throw body["event_name"].error("is empty") }
        let time = try Self.oaTime(body["timestamp"])
        let sender = try body["sender"]["id"].optionalIdentifier()
        let recipient = try body["recipient"]["id"].optionalIdentifier()
        let msgId = try body["message"]["msg_id"].optionalIdentifier()
        let id =
            msgId.map { IdempotencyKey.make("oa", [name, $0], sha: sha) }
            ?? IdempotencyKey.make("oa", [name, "sha256-" + sha.hash(raw).hex], sha: sha)
        var actor = sender
        if actor == nil { actor = try body["oa_id"].optionalIdentifier() }
        if actor == nil { actor = try body["app_id"].optionalIdentifier() }

        func group() throws(ImportError) -> String {
            guard let recipient else { throw body["recipient"]["id"].error("is required: it names the group") }
            return LedgerNames.oaGroup(recipient)
        }
        func requireSender() throws(ImportError) -> String {
            guard let sender else { throw body["sender"]["id"].error("is required for \(name)") }
            return sender
        }

        if let kind = OAEventNames.groupMessageKind(name) {
            guard let msgId else { throw body["message"]["msg_id"].error("is required for a group message") }
            var draft = EventDraft(
                id: id,
                type: .postCreated,
                time: time,
                actor: try requireSender(),
                group: try group()
            )
            draft.set("message", .string(msgId))
            draft.set("kind", .string(kind))
            draft.set("source_kind", .string(name))
            draft.setContent("text", .string(try body["message"]["text"].optionalText() ?? ""))
            let attachments = try self.attachments(body["message"]["attachments"])
            if !attachments.isEmpty { draft.setContent("attachments", .array(attachments)) }
            return .drafts([draft])
        }
        switch name {
        case "user_join_group", "user_out_group":
            let account = try requireSender()
            var draft = EventDraft(
                id: id,
                type: name == "user_join_group" ? .memberJoined : .memberLeft,
                time: time,
                actor: account,
                group: try group()
            )
            draft.set("accounts", [.string(account)])
            return .drafts([draft])
        case _ where OAEventNames.isOneToOne(name) && !OAEventNames.groupManagement.contains(name):
            return .skip("OA event \(name) is a 1:1 chat or follower event (outside the ledger's purpose)")
        default:
            var draft = EventDraft(
                id: id,
                type: .groupPlatformEvent,
                time: time,
                actor: actor ?? "zalo-oa",
                group: try group()
            )
            draft.set("act", .string(name))
            draft.set("raw_sha256", .string(sha.hash(raw).hex))
            draft.setContent("raw", RawContent.strip(body.value ?? .null))
            return .drafts([draft])
        }
    }

    /// The body's `timestamp` as RFC 3339. A 12-digit value (as in Zalo's own documentation example,
    /// "154390853474") read as milliseconds would fall in 1973–2001, before Zalo existed: it is a 13-digit
    /// millisecond time missing its last digit, so it is read as tenths of a second (×10), to the nearest 10 ms.
    static func oaTime(_ field: Field) throws(ImportError) -> String {
        guard let millis = try? field.integer(), (100_000_000_000..<1_000_000_000_000).contains(millis) else {
            return try field.epochMillis()
        }
        guard let text = ZaloTime.rfc3339(millis: millis * 10) else { return try field.epochMillis() }
        return text
    }

    /// `message.attachments[]` (`{type, payload: {url, thumbnail?, name?, description?}}`) as `{title, href,
    /// description}`.
    private func attachments(_ list: Field) throws(ImportError) -> [JSONValue] {
        var out: [JSONValue] = []
        for item in try list.optionalArray() {
            let payload = item["payload"]
            var members: [(key: String, value: JSONValue)] = []
            var title = try payload["name"].optionalText() ?? ""
            if title.isEmpty { title = try payload["title"].optionalText() ?? "" }
            if !title.isEmpty { members.append(("title", .string(title))) }
            if let url = try payload["url"].optionalText(), !url.isEmpty { members.append(("href", .string(url))) }
            if let text = try payload["description"].optionalText(), !text.isEmpty {
                members.append(("description", .string(text)))
            }
            if !members.isEmpty { out.append(.object(JSONObject(members: members))) }
        }
        return out
    }
}
