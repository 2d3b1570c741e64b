import GroupDomain
import LedgerCore

/// Every record applied so far, by sequence number (records are numbered from 0 without gaps), as
/// ``IndexedRecord``s.
struct RecordCatalog: Sendable, Equatable {
    private(set) var records: [IndexedRecord] = []
    private(set) var symbols = SymbolTable()

    init() {}

    /// Restores a catalogue saved earlier.
    init(records: [IndexedRecord], symbols: SymbolTable) {
        self.records = records
        self.symbols = symbols
    }

    /// How many records it holds: the next sequence number.
    var count: UInt64 { UInt64(records.count) }

    /// Adds `recorded`, which must be the next record.
    mutating func append(_ recorded: RecordedEvent) {
        precondition(recorded.seq == count, "record \(recorded.seq) applied after \(count) records")
        let event = recorded.event
        records.append(
            IndexedRecord(
                type: symbols.number(of: event.type),
                timeMillis: event.time.unixMillis,
                appendedAtMillis: recorded.appendedAtMillis ?? Int64.min,
                actor: symbols.number(of: event.actor),
                group: event.group.map { symbols.number(of: $0) } ?? IndexedRecord.noGroup,
                wasReadWithContent: event.content != nil
            )
        )
    }

    /// The record `seq`.
    subscript(seq: UInt64) -> IndexedRecord { records[Int(seq)] }

    /// The event type of record `seq`.
    func type(of seq: UInt64) -> String { symbols[records[Int(seq)].type] }

    /// The group of record `seq`, if it has one.
    func group(of seq: UInt64) -> String? {
        let group = records[Int(seq)].group
        return group == IndexedRecord.noGroup ? nil : symbols[group]
    }

    /// The actor of record `seq`.
    func actor(of seq: UInt64) -> String { symbols[records[Int(seq)].actor] }
}
