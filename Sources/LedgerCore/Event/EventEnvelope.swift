/// One event as submitted to the ledger: the JSON Lines envelope described in `docs/EVENTS.md`.
///
/// `id`, `type`, `time` and `actor` are required; `group` names the group the event happened in (the event
/// catalogue of the `GroupDomain` module says for which types); `data` is structured and goes into the chain;
/// `content` is personal or
/// possibly secret material that the chain only commits to, so that it can be withheld later.
///
/// An envelope that ``EnvelopeDecoder`` checked keeps the canonical bytes it measured, so that appending it does
/// not serialize it again; changing any field drops them.
public struct EventEnvelope: Sendable, Hashable {
    /// The source's unique id for the event; the idempotency key.
    public var id: String { didSet { canonical = nil } }
    /// Dotted lowercase type, e.g. `member.joined`.
    public var type: String { didSet { canonical = nil } }
    /// When the event happened, RFC 3339 with offset, as the source gave it.
    public var time: Timestamp { didSet { canonical = nil } }
    /// Who did it: an account or person id, or a system name.
    public var actor: String { didSet { canonical = nil } }
    /// The group it happened in, if any.
    public var group: String? { didSet { canonical = nil } }
    /// Structured fields kept in the chain.
    public var data: JSONValue? { didSet { canonical = nil } }
    /// Erasable material: text, attachment titles and links, display names.
    public var content: JSONValue? { didSet { canonical = nil } }

    /// The canonical bytes of the fields above, when they have been computed for these values.
    var canonical: CanonicalBytes?

    struct CanonicalBytes: Sendable {
        let chain: [UInt8]
        let content: [UInt8]?
    }

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
        var members: [(key: String, value: JSONValue)] = [("actor", .string(actor))]
        members.reserveCapacity(6)
        if let data { members.append(("data", data)) }
        if let group { members.append(("group", .string(group))) }
        members += [("id", .string(id)), ("time", .string(time.text)), ("type", .string(type))]
        return .object(JSONObject(members: members))
    }

    /// The RFC 8785 canonical bytes of the envelope without `content`: what a record stores.
    public func canonicalChainBytes() -> [UInt8] { canonical?.chain ?? JCS.serialize(chainObject) }

    /// The RFC 8785 canonical bytes of `content`, or `nil` when the event has none.
    public func canonicalContentBytes() -> [UInt8]? {
        if let canonical { return canonical.content }
        return content.map { JCS.serialize($0) }
    }

    /// Computes the canonical bytes once and keeps them with the envelope.
    mutating func keepCanonicalBytes() -> CanonicalBytes {
        if let canonical { return canonical }
        let bytes = CanonicalBytes(chain: JCS.serialize(chainObject), content: content.map { JCS.serialize($0) })
        canonical = bytes
        return bytes
    }

    public static func == (lhs: EventEnvelope, rhs: EventEnvelope) -> Bool {
        lhs.id == rhs.id && lhs.type == rhs.type && lhs.time == rhs.time && lhs.actor == rhs.actor
            && lhs.group == rhs.group && lhs.data == rhs.data && lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(type)
        hasher.combine(time)
        hasher.combine(actor)
        hasher.combine(group)
        hasher.combine(data)
        hasher.combine(content)
    }
}
