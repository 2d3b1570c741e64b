public import GroupDomain
public import LedgerCore
import LedgerReplay
public import LedgerStorage

extension InspectionView {
    /// Group `group` as it stood at `cutoff` (a record, an event time or an append time), exactly as
    /// ``GroupDomain/Projector`` replaying the ledger with that cutoff gives it; `nil` when the group did not exist
    /// yet.
    ///
    /// Rebuilt from the group's history without reading the ledger, but for one record (the latest post's time).
    /// When the group's records are not in order of the cutoff's time (a backfilled record), the group's records
    /// are replayed from `reader` instead: correct, but it reads the ledger from the group's first record.
    public func groupState(
        _ group: String,
        at cutoff: StateCutoff,
        reader: LedgerReader
    ) throws(LedgerError)
        -> GroupState?
    {
        guard let history = histories[group], let seqs = timelines[group], size > 0 else { return nil }
        let through: UInt64?
        switch cutoff {
        case .everything:
            return state.groups[group]
        case .seq(let seq):
            through = min(seq, size - 1)
        case .eventTime(let time):
            guard history.order.isInEventTimeOrder else { return try replay(group, at: cutoff, reader: reader) }
            through = Self.last(of: seqs) { catalog[$0].timeMillis <= time.unixMillis }
        case .appendTime(let millis):
            guard history.order.isInAppendTimeOrder else { return try replay(group, at: cutoff, reader: reader) }
            through = Self.last(of: seqs) { catalog[$0].appendedAtMillis <= millis }
        }
        guard let through else { return nil }
        return try history.state(through: through) { (seq) throws(LedgerError) in try reader.entry(seq).envelope.time }
    }

    /// The last of `seqs` satisfying `isInside`, which holds for a prefix of them.
    private static func last(of seqs: [UInt64], where isInside: (UInt64) -> Bool) -> UInt64? {
        var low = 0
        var high = seqs.count
        while low < high {
            let middle = (low + high) / 2
            if isInside(seqs[middle]) { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? seqs[low - 1] : nil
    }

    /// Replays `group`'s records from `reader` up to `cutoff`.
    private func replay(
        _ group: String,
        at cutoff: StateCutoff,
        reader: LedgerReader
    ) throws(LedgerError)
        -> GroupState?
    {
        guard let first = timelines[group]?.first else { return nil }
        var projector = Projector()
        try RecordSource.read(reader, from: first, size: size, cutoff: cutoff) { recorded in
            if recorded.event.group == group { projector.apply(recorded) }
        }
        return projector.state.groups[group]
    }
}
