/// Many prepared events packed into one buffer: each event's canonical record bytes, then, if it has content, a
/// fresh random salt and the content's bytes, back to back, with a small fixed entry per event that also holds the
/// content commitment `SHA-256(salt ‖ content)`. What a bulk ingest hands from its decoding threads to the appending
/// one: a chunk of a million-event input is one buffer and one entry array, not two arrays and a string per event,
/// and everything that does not depend on the event's place in the ledger is computed where it was decoded.
public struct PreparedBatch: Sendable {
    /// The bytes of a content salt (the content store's, `docs/FORMAT.md`).
    public static let saltSize = 32

    /// One event of the batch.
    public struct Entry: Sendable {
        /// Where its record bytes (``PreparedEvent/chainBytes``) are in ``bytes``; if it has content, its salt and
        /// content follow them up to `contentEnd`.
        public let chainStart: Int
        public let chainEnd: Int
        public let contentEnd: Int
        public let hasContent: Bool
        /// `SHA-256(salt ‖ content)`, or zero without content.
        public let contentCommitment: Hash
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
    /// Fresh random bytes for the salts.
    private var salts = SaltPool()

    public init() {}

    /// The batch of `events`, in order; `sha` hashes the ids that were not hashed already.
    public init(_ events: some Sequence<PreparedEvent>, sha: SHA256) {
        for event in events { append(event, sha: sha) }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds `event` after the others; `sha` hashes its id unless the event carries the hash, and its content's
    /// commitment.
    public mutating func append(_ event: PreparedEvent, sha: SHA256) {
        let chainStart = bytes.count
        bytes.append(contentsOf: event.chainBytes)
        let chainEnd = bytes.count
        var commitment = Hash.zero
        if let content = event.contentBytes {
            appendSalt()
            bytes.append(contentsOf: content)
            commitment = commit(from: chainEnd, sha: sha)
        }
        let isFlagged = event.isLedgerEvent || EnvelopeRules.reservedIdProblem(event.id) != nil
        if isFlagged { flagged[entries.count] = event }
        entries.append(
            Entry(
                chainStart: chainStart,
                chainEnd: chainEnd,
                contentEnd: bytes.count,
                hasContent: event.contentBytes != nil,
                contentCommitment: commitment,
                idHash: event.idHash ?? sha.hash(Array(event.id.utf8)),
                isFlagged: isFlagged
            )
        )
    }

    /// Adds an event whose record bytes and then content bytes `write` appends to the buffer it is given, marking
    /// where the content starts (`nil`: none), or nothing when `write` returns `false` (the buffer is cut back). For
    /// code of this package that writes canonical bytes of an event outside the `ledger.` namespace with an id that
    /// is not reserved, as ``PreparedEvent/init(checkedID:chainBytes:contentBytes:idHash:)`` requires: an
    /// importer's fast path. `sha` hashes the content's commitment.
    package mutating func appendChecked(
        idHash: Hash,
        sha: SHA256,
        _ write: (_ bytes: inout [UInt8], _ contentStart: inout Int?) -> Bool
    ) -> Bool {
        let chainStart = bytes.count
        var contentStart: Int?
        guard write(&bytes, &contentStart) else {
            bytes.removeSubrange(chainStart...)
            return false
        }
        var commitment = Hash.zero
        if let contentStart {
            bytes.insert(contentsOf: nextSalt(), at: contentStart)
            commitment = commit(from: contentStart, sha: sha)
        }
        entries.append(
            Entry(
                chainStart: chainStart,
                chainEnd: contentStart ?? bytes.count,
                contentEnd: bytes.count,
                hasContent: contentStart != nil,
                contentCommitment: commitment,
                idHash: idHash,
                isFlagged: false
            )
        )
        return true
    }

    /// The batch of the first `count` events.
    public func prefix(_ count: Int) -> PreparedBatch {
        var batch = PreparedBatch()
        guard count > 0 else { return batch }
        batch.bytes = Array(bytes[..<entries[count - 1].contentEnd])
        batch.entries = Array(entries[..<count])
        batch.flagged = flagged.filter { $0.key < count }
        return batch
    }

    /// The commitment to the salt and content from `start` to the end of the buffer.
    private func commit(from start: Int, sha: SHA256) -> Hash {
        bytes.withUnsafeBytes { sha.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    private mutating func appendSalt() {
        bytes.append(contentsOf: nextSalt())
    }

    private mutating func nextSalt() -> ArraySlice<UInt8> {
        // A copy of the batch that is appended to draws from a pool of its own: two copies must never hand out the
        // same salt, or revealing one content's salt would expose the other's commitment to a dictionary search.
        if !isKnownUniquelyReferenced(&salts) { salts = SaltPool() }
        return salts.next(Self.saltSize)
    }
}

/// Random bytes drawn from OpenSSL many at a time and handed out once each. Only ever used through a uniquely
/// referenced reference (``PreparedBatch`` replaces a shared one before drawing), so never by two threads at once.
private final class SaltPool: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private var used = 0

    func next(_ count: Int) -> ArraySlice<UInt8> {
        if used + count > bytes.count {
            bytes = SecureRandom.bytes(256 * count)
            used = 0
        }
        defer { used += count }
        return bytes[used..<used + count]
    }
}
