public import GroupDomain
public import LedgerCore
public import LedgerStorage

/// Reads a ledger's records in sequence order for the projections and the rule checker.
public enum RecordSource {
    /// Calls `body` with every record `cutoff` includes, content loaded (withheld content flagged): the records up
    /// to the head and those past it that the writer adopts, passing `warn` what it says about the latter when there
    /// are any; `later` is called with each record it leaves out (for a time cutoff, when given).
    public static func read(
        _ root: String,
        cutoff: StateCutoff,
        warn: ([String]) -> Void,
        later: ((RecordedEvent) -> Void)? = nil,
        _ body: (RecordedEvent) -> Void
    ) throws(LedgerError) {
        let reader = try LedgerReader(root: root)
        let extent = try reader.extent()
        warn(extent.warnings)
        try read(reader, size: extent.size, cutoff: cutoff, later: later, body)
    }

    /// Calls `body` with every record from `first` up to the first `size` of `reader` that `cutoff` includes (a
    /// server passes the size of its current checkpoint, so that a reading sees one committed state; a projection
    /// kept up to date passes the size it has already applied as `first`); see ``read(_:cutoff:warn:later:_:)``.
    public static func read(
        _ reader: LedgerReader,
        from first: UInt64 = 0,
        size: UInt64,
        cutoff: StateCutoff,
        later: ((RecordedEvent) -> Void)? = nil,
        _ body: (RecordedEvent) -> Void
    ) throws(LedgerError) {
        guard size > first else { return }
        var last = size - 1
        if case .seq(let seq) = cutoff {
            guard seq < size else {
                throw LedgerError(.notFound, "record \(seq) does not exist; the ledger holds records 0..<\(size)")
            }
            guard seq >= first else { return }
            last = seq
        }
        try reader.forEach(from: first, through: last, content: true) { entry throws(LedgerError) in
            let recorded = RecordedEvent(
                seq: entry.record.seq,
                event: entry.event,
                isWithheld: entry.isWithheld,
                appendedAtMillis: entry.record.appendedAtMillis
            )
            if cutoff.includes(recorded) { body(recorded) } else { later?(recorded) }
        }
    }

    /// Parses an audit's `--from` or `--to`: a record number means the event time of that record (so that the audit
    /// judges by event time as always, a withholding recorded later still counting), anything else a time or a date.
    public static func auditTime(
        _ text: String,
        option: String,
        endOfDay: Bool,
        in root: String
    ) throws(LedgerError) -> Timestamp {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return try time(text, option: option, endOfDay: endOfDay)
        }
        guard let seq = UInt64(text) else { throw LedgerError(.badInput, "\(option) \(text) is too large") }
        let reader = try LedgerReader(root: root)
        let size = try reader.extent().size
        guard seq < size else {
            throw LedgerError(.notFound, "\(option) \(seq): the ledger holds records 0..<\(size)")
        }
        var found: Timestamp?
        try reader.forEach(from: seq, through: seq) { entry throws(LedgerError) in found = entry.envelope.time }
        guard let found else { throw LedgerError(.notFound, "\(option) \(seq): record not found") }
        return found
    }

    /// Parses `--at` (or the option or parameter `option`): digits are a record number, anything else an RFC 3339
    /// time or a date.
    public static func cutoff(
        _ text: String,
        clock append: Bool,
        option: String = "--at"
    ) throws(LedgerError)
        -> StateCutoff
    {
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let seq = UInt64(text) else { throw LedgerError(.badInput, "\(option) \(text) is too large") }
            return .seq(seq)
        }
        let time = try self.time(text, option: option, endOfDay: true)
        return append ? .appendTime(time.unixMillis) : .eventTime(time)
    }

    /// Parses an RFC 3339 time for an option, or a plain date (`2026-11-15`) in Việt Nam time (UTC+7): the start
    /// of that day, or with `endOfDay` its last millisecond (so that `--to 2026-11-15` includes the 15th).
    public static func time(_ text: String, option: String, endOfDay: Bool = false) throws(LedgerError) -> Timestamp {
        let bytes = Array(text.utf8)
        let isDate =
            bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
        if isDate, let day = Timestamp(text + (endOfDay ? "T23:59:59.999+07:00" : "T00:00:00+07:00")) {
            return day
        }
        guard let time = Timestamp(text) else {
            if Timestamp.anyYear(text) != nil, let problem = Timestamp.problem(text) {
                throw LedgerError(.badInput, "\(option) \(text) \(problem)")
            }
            throw LedgerError(
                .badInput,
                "\(option) \(text) is neither a record number nor an RFC 3339 time such as 2026-11-15T17:00:00+07:00 "
                    + "or a date such as 2026-11-15"
            )
        }
        return time
    }
}
