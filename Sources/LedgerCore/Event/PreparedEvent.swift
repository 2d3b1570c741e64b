/// An event reduced to what appending it needs: its id, whether it is one the ledger writes itself, and its
/// canonical bytes. It holds no JSON tree, so a large import can keep many of them waiting for one commit; it is
/// what importers hand over (``envelope()`` gives the structured view back).
public struct PreparedEvent: Sendable {
    /// The idempotency key.
    public let id: String
    /// Whether the type is in the reserved `ledger.` namespace.
    public let isLedgerEvent: Bool
    /// The RFC 8785 bytes of the envelope without `content`: what the record stores.
    public let chainBytes: [UInt8]
    /// The RFC 8785 bytes of `content`, kept apart behind a commitment; `nil` when the event has none.
    public let contentBytes: [UInt8]?
    /// The SHA-256 of `id`, when whoever prepared the event computed it (an importer does, on its decoding
    /// threads, so that the appending thread does not have to); the ledger computes it otherwise.
    package let idHash: Hash?

    /// Prepares `envelope`, reusing the canonical bytes ``EnvelopeDecoder`` kept when it checked it.
    public init(_ envelope: EventEnvelope) {
        id = envelope.id
        isLedgerEvent = EnvelopeRules.namespace(of: envelope.type) == EnvelopeRules.reservedNamespace
        chainBytes = envelope.canonicalChainBytes()
        contentBytes = envelope.canonicalContentBytes()
        idHash = nil
    }

    /// An event whose canonical bytes were written directly by code of this package that guarantees they are what
    /// ``init(_:)`` would give for an envelope passing ``EnvelopeDecoder/validate(_:at:)`` (an importer's fast
    /// path, whose tests compare it with the general one byte for byte). Its type is outside the `ledger.` namespace.
    package init(checkedID id: String, chainBytes: [UInt8], contentBytes: [UInt8]?, idHash: Hash) {
        self.id = id
        isLedgerEvent = false
        self.chainBytes = chainBytes
        self.contentBytes = contentBytes
        self.idHash = idHash
    }

    /// The event as an envelope, read back from its canonical bytes.
    ///
    /// - Throws: ``LedgerError`` `.corrupt` if the bytes are not an envelope (they always are for events made by
    ///   ``init(_:)`` or by an importer).
    public func envelope() throws(LedgerError) -> EventEnvelope {
        var envelope = try EnvelopeDecoder().decodeStored(chainBytes, seq: 0)
        if let contentBytes {
            do {
                envelope.content = try JSONParser().parse(contentBytes)
            } catch {
                throw LedgerError(.corrupt, "the content of event \(id): \(error.message)")
            }
        }
        return envelope
    }
}
