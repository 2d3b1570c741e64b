import GroupDomain
public import LedgerCore
public import LedgerInspection

/// Which records an inspection archive holds: a list of numbers and ranges, a group's records in a time range, or
/// the evidence of one finding.
public enum ArchiveSelection: Sendable, Equatable {
    /// Records by number: each range inclusive (`12`, `40-45`).
    case records([ClosedRange<UInt64>])
    /// Every record of group `group` whose event time lies in `fromMillis...toMillis` (either end open when `nil`).
    case group(String, fromMillis: Int64?, toMillis: Int64?)
    /// The evidence records of the finding with this id, as the rule checker cites them.
    case finding(String)

    /// Parses `12, 40-45 50`: numbers and inclusive ranges separated by commas or spaces.
    ///
    /// - Throws: `.badInput` naming the part that is neither a number nor a range, or a range that runs backwards.
    public static func ranges(_ text: String) throws(LedgerError) -> [ClosedRange<UInt64>] {
        var ranges: [ClosedRange<UInt64>] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let low = number(ends[0]), let high = number(ends.last!) else {
                throw LedgerError(.badInput, "\(part) is neither a record number nor a range such as 40-45")
            }
            guard low <= high else { throw LedgerError(.badInput, "the range \(part) runs backwards") }
            ranges.append(low...high)
        }
        guard !ranges.isEmpty else { throw LedgerError(.badInput, "no record numbers were given") }
        return ranges
    }

    private static func number(_ text: Substring) -> UInt64? {
        guard let value = UInt64(text), String(value) == text else { return nil }
        return value
    }

    /// A time bound: RFC 3339 with an offset, or a day `YYYY-MM-DD` in the province's time (UTC+07:00), read as its
    /// first millisecond, or its last with `endOfDay`.
    ///
    /// - Throws: `.badInput` saying what is wrong with `text`.
    public static func time(_ text: String, endOfDay: Bool) throws(LedgerError) -> Int64 {
        if let day = Timestamp(text + "T00:00:00+07:00"), text.utf8.count == 10 {
            return endOfDay ? day.unixMillis + 86_400_000 - 1 : day.unixMillis
        }
        guard let time = Timestamp(text) else {
            throw LedgerError(
                .badInput,
                "the time \(text) is neither a day (2026-11-03) nor RFC 3339 with an offset (2026-11-03T08:30:00+07:00)"
            )
        }
        return time.unixMillis
    }

    /// The records selected, ascending and each once, all below `size` (the checkpoint's), at most `limit`.
    ///
    /// - Throws: `.badInput` when more than `limit` records or none are selected, or a number is not in the
    ///   checkpoint; `.notFound` for a group or finding the model does not know.
    public func seqs(view: InspectionView, size: UInt64, limit: Int) throws(LedgerError) -> [UInt64] {
        var seqs: [UInt64]
        switch self {
        case .records(let ranges):
            var count: UInt64 = 0
            for range in ranges {
                guard range.upperBound - range.lowerBound < UInt64(limit) else { throw Self.tooMany(limit) }
                count += range.upperBound - range.lowerBound + 1
                guard count <= UInt64(limit) else { throw Self.tooMany(limit) }
            }
            for range in ranges {
                guard range.upperBound < size else {
                    throw LedgerError(
                        .badInput,
                        "record \(range.upperBound) is not in the checkpoint, which holds records 0 to \(Int64(size) - 1)"
                    )
                }
            }
            seqs = ranges.flatMap { Array($0) }
        case .group(let group, let from, let to):
            let filter = TimelineFilter(fromMillis: from, toMillis: to)
            guard let page = view.timeline(group: group, filter: filter, page: PageRequest(size: limit + 1)) else {
                throw LedgerError(.notFound, "the ledger names no group \(group)")
            }
            seqs = page.items.map(\.seq).filter { $0 < size }
        case .finding(let id):
            guard let found = view.finding(id: id) else {
                throw LedgerError(.notFound, "there is no finding \(id)")
            }
            seqs = found.finding.seqs.filter { $0 < size }
        }
        seqs = Array(Set(seqs)).sorted()
        guard seqs.count <= limit else { throw Self.tooMany(limit) }
        guard !seqs.isEmpty else { throw LedgerError(.badInput, "the selection holds no record of the checkpoint") }
        return seqs
    }

    private static func tooMany(_ limit: Int) -> LedgerError {
        LedgerError(.badInput, "an archive holds at most \(limit) records; choose fewer (a shorter range or time span)")
    }

    /// What was chosen, in Vietnamese and in English, for the cover page.
    public var summary: (vi: String, en: String) {
        switch self {
        case .records(let ranges):
            let list = ranges.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }
                .joined(separator: ", ")
            return ("Các bản ghi số " + list, "Records " + list)
        case .group(let group, let from, let to):
            let span = [from.map { "≥ " + PageValues.time($0) }, to.map { "≤ " + PageValues.time($0) }]
                .compactMap { $0 }.joined(separator: ", ")
            let suffix = span.isEmpty ? "" : " (" + span + ")"
            return ("Các bản ghi của nhóm " + group + suffix, "The records of group " + group + suffix)
        case .finding(let id):
            return ("Bằng chứng của phát hiện " + id, "The evidence of finding " + id)
        }
    }
}
