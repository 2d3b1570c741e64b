/// One event as submitted to the ledger: the JSON Lines envelope described in `docs/EVENTS.md`.
///
/// `id`, `type`, `time` and `actor` are required; `group` names the group the event happened in (the event
/// catalogue of the `GroupDomain` module says for which types); `data` is structured and goes into the chain;
/// `content` is personal or
/// possibly secret material that the chain only commits to, so that it can be withheld later.
public struct EventEnvelope: Sendable, Hashable {
    /// The source's unique id for the event; the idempotency key.
    public var id: String
    /// Dotted lowercase type, e.g. `member.joined`.
    public var type: String
    /// When the event happened, RFC 3339 with offset, as the source gave it.
    public var time: Timestamp
    /// Who did it: an account or person id, or a system name.
    public var actor: String
    /// The group it happened in, if any.
    public var group: String?
    /// Structured fields kept in the chain.
    public var data: JSONValue?
    /// Erasable material: text, attachment titles and links, display names.
    public var content: JSONValue?

    public init(
        id: String,
        type: String,
        time: Timestamp,
        actor: String,
        group: String? = nil,
        data: JSONValue? = nil,
        content: JSONValue? = nil
    ) {
        self.id = id
        self.type = type
        self.time = time
        self.actor = actor
        self.group = group
        self.data = data
        self.content = content
    }

    /// The envelope without `content`, as a JSON object with members in canonical order.
    public var chainObject: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("actor", .string(actor)), ("id", .string(id)), ("time", .string(time.text)), ("type", .string(type)),
        ]
        if let data { members.append(("data", data)) }
        if let group { members.append(("group", .string(group))) }
        return .object(JSONObject(members: members))
    }

    /// The RFC 8785 canonical bytes of the envelope without `content`: what a record stores.
    public func canonicalChainBytes() -> [UInt8] { JCS.serialize(chainObject) }

    /// The RFC 8785 canonical bytes of `content`, or `nil` when the event has none.
    public func canonicalContentBytes() -> [UInt8]? { content.map { JCS.serialize($0) } }
}
