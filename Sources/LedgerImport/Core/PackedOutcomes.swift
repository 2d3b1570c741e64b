public import LedgerCore

/// What a run of units became, with their events packed in one ``PreparedBatch``: what a bulk ingest keeps of a
/// chunk (``SourceDecoder/consumePacked(_:)``), so that a million events cross to the appending thread as a few
/// buffers rather than as a million arrays.
public struct PackedOutcomes: Sendable {
    /// What one unit became, its events counted (they are in ``events``, in unit order).
    public enum Unit: Sendable {
        case events(Int)
        case rejected(ImportError)
        case skipped(reason: String)

        /// Whether the unit was refused.
        public var isRejected: Bool {
            if case .rejected = self { true } else { false }
        }

        /// How many events the unit gave.
        public var eventCount: Int {
            if case .events(let count) = self { count } else { 0 }
        }
    }

    /// Every unit, in input order.
    public var units: [Unit] = []
    /// The events of every unit, in input order.
    public var events = PreparedBatch()
    public init() {}

    /// The outcomes of `outcomes`, packed.
    public init(_ outcomes: [ImportOutcome]) {
        let sha = SHA256()
        for outcome in outcomes { add(outcome, sha: sha) }
    }

    /// Adds one unit's outcome; `sha` hashes the ids of events that come without the hash.
    public mutating func add(_ outcome: ImportOutcome, sha: SHA256) {
        switch outcome {
        case .events(let events, _):
            for event in events { self.events.append(event, sha: sha) }
            units.append(.events(events.count))
        case .rejected(let error):
            units.append(.rejected(error))
        case .skipped(_, let reason):
            units.append(.skipped(reason: reason))
        }
    }
}
