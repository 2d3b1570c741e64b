/// Many prepared events packed into one buffer: each event's canonical record bytes, then its content bytes, back to
/// back, with a small fixed entry per event. What a bulk ingest hands from its decoding threads to the appending one:
/// a chunk of a million-event input is one buffer and one entry array, not two arrays and a string per event, so
/// the appending thread neither retains nor frees anything per event.
public struct PreparedBatch: Sendable {
    /// One event of the batch.
    public struct Entry: Sendable {
        /// Where its record bytes (``PreparedEvent/chainBytes``) are in ``bytes``; its content, if any, follows them
        /// up to `contentEnd`.
        public let chainStart: Int
        public let chainEnd: Int
        public let contentEnd: Int
        public let hasContent: Bool
        /// The SHA-256 of its id.
        public let idHash: Hash
        /// Whether ``PreparedBatch/flagged`` holds the event: a `ledger.` type or a `ledger:` id, which the ledger
        /// refuses from input.
        public let isFlagged: Bool
    }

    /// The events' bytes.
    public private(set) var bytes: [UInt8] = []
    /// The events, in order.
    public private(set) var entries: [Entry] = []
    /// The events that pose as the ledger's own, by position, kept whole for the refusal's message (rare: never an
    /// event of an importer's fast path).
    public private(set) var flagged: [Int: PreparedEvent] = [:]

    public init() {}

    /// The batch of `events`, in order; `sha` hashes the ids that were not hashed already.
    public init(_ events: some Sequence<PreparedEvent>, sha: SHA256) {
        for event in events { append(event, sha: sha) }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds `event` after the others; `sha` hashes its id unless the event carries the hash.
    public mutating func append(_ event: PreparedEvent, sha: SHA256) {
        let chainStart = bytes.count
        bytes.append(contentsOf: event.chainBytes)
        let chainEnd = bytes.count
        if let content = event.contentBytes { bytes.append(contentsOf: content) }
        let isFlagged = event.isLedgerEvent || EnvelopeRules.reservedIdProblem(event.id) != nil
        if isFlagged { flagged[entries.count] = event }
        entries.append(
            Entry(
                chainStart: chainStart,
                chainEnd: chainEnd,
                contentEnd: bytes.count,
                hasContent: event.contentBytes != nil,
                idHash: event.idHash ?? sha.hash(Array(event.id.utf8)),
                isFlagged: isFlagged
            )
        )
    }

    /// Adds an event whose record and content bytes `write` appends to the buffer it is given (and whose id hashes
    /// to `idHash`), or nothing when `write` returns `false` (the buffer is cut back). For code of this package
    /// that writes canonical bytes of an event outside the `ledger.` namespace with an id that is not reserved,
    /// as ``PreparedEvent/init(checkedID:chainBytes:contentBytes:idHash:)`` requires: an importer's fast path.
    ///
    /// - Parameter write: appends the record bytes, then returns the content bytes' start (or `nil` for none) via
    ///   its second argument after appending them.
    package mutating func appendChecked(
        idHash: Hash,
        _ write: (_ bytes: inout [UInt8], _ contentStart: inout Int?) -> Bool
    ) -> Bool {
        let chainStart = bytes.count
        var contentStart: Int?
        guard write(&bytes, &contentStart) else {
            bytes.removeSubrange(chainStart...)
            return false
        }
        entries.append(
            Entry(
                chainStart: chainStart,
                chainEnd: contentStart ?? bytes.count,
                contentEnd: bytes.count,
                hasContent: contentStart != nil,
                idHash: idHash,
                isFlagged: false
            )
        )
        return true
    }
}
