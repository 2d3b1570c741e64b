import GroupDomain

/// The records that concern each person or account (``RecordParties``), ascending.
struct PartyIndex: Sendable, Equatable {
    private(set) var seqs: [String: [UInt64]] = [:]

    init() {}

    /// Restores an index saved earlier.
    init(seqs: [String: [UInt64]]) { self.seqs = seqs }

    /// Notes the parties of `recorded` (applied to `state` already).
    mutating func add(_ recorded: RecordedEvent, in state: ProvinceState) {
        for party in RecordParties.of(recorded, in: state) {
            seqs[party, default: []].appendOnce(recorded.seq)
        }
    }

    /// The records concerning `id`, ascending.
    func records(of id: String) -> [UInt64] { seqs[id] ?? [] }
}
