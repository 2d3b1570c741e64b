/// An event reduced to what appending it needs: its id, whether it is one the ledger writes itself, and its
/// canonical bytes. It holds no JSON tree, so a large import can keep many of them waiting for one commit.
public struct PreparedEvent: Sendable {
    /// The idempotency key.
    public let id: String
    /// Whether the type is in the reserved `ledger.` namespace.
    public let isLedgerEvent: Bool
    /// The RFC 8785 bytes of the envelope without `content`: what the record stores.
    public let chainBytes: [UInt8]
    /// The RFC 8785 bytes of `content`, kept apart behind a commitment; `nil` when the event has none.
    public let contentBytes: [UInt8]?

    /// Prepares `envelope`, reusing the canonical bytes ``EnvelopeDecoder`` kept when it checked it.
    public init(_ envelope: EventEnvelope) {
        id = envelope.id
        isLedgerEvent = EnvelopeRules.namespace(of: envelope.type) == EnvelopeRules.reservedNamespace
        chainBytes = envelope.canonicalChainBytes()
        contentBytes = envelope.canonicalContentBytes()
    }
}
