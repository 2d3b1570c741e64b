import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage

/// The rows of a timeline (a group's, or a person's records): what each record is, who did it, whom it concerns,
/// a post's text — or, for withheld content, the withholding notice and never any text — and a directive's state.
/// Capture gaps (a vantage account that saw nothing) are drawn between the rows where they fall.
struct TimelineRows {
    let view: InspectionView
    let reader: LedgerReader
    let labels: [String: String]
    let language: WebLanguage

    /// The data fields naming a person or an account, shown as links to their pages.
    static let partyFields = ["person", "assignee", "issuer", "account", "old_account", "new_account", "by"]
    /// The data fields naming several people or accounts.
    static let partyLists = ["accounts", "assignees"]

    /// The rows of `records` in the order given, with the capture gaps among them when `gaps` (newest first when
    /// `newestFirst`, to place them).
    func rows(_ records: [RecordSummary], gaps: Bool, newestFirst: Bool) throws(LedgerError) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        var pending = gaps ? Self.gaps(view.state.captures.gaps, around: records) : []
        if newestFirst { pending.reverse() }
        let entries = try reader.entries(records.map(\.seq))
        for (record, entry) in zip(records, entries) {
            while let gap = pending.first,
                newestFirst
                    ? gap.from.time.unixMillis > record.timeMillis : gap.from.time.unixMillis <= record.timeMillis
            {
                rows.append(gapRow(gap))
                pending.removeFirst()
            }
            rows.append(row(record, entry))
        }
        rows += pending.map(gapRow)
        return rows
    }

    /// The gaps that overlap the time the records span, in order of their start.
    private static func gaps(_ all: [CaptureGap], around records: [RecordSummary]) -> [CaptureGap] {
        guard let earliest = records.map(\.timeMillis).min(), let latest = records.map(\.timeMillis).max() else {
            return []
        }
        return all.filter { $0.overlaps(start: earliest, end: latest) }.sorted { $0.from.time < $1.from.time }
    }

    private func gapRow(_ gap: CaptureGap) -> [String: Any] {
        var gapValues: [String: Any] = [
            "account": PageValues.person(view.personRef(gap.account), language),
            "from": PageValues.time(gap.from.time.unixMillis), "fromSeq": String(gap.from.seq),
            "to": gap.to.map { PageValues.time($0.time.unixMillis) } ?? (labels["stillStopped"] ?? ""),
        ]
        if let code = gap.code { gapValues["code"] = String(code) }
        return ["gap": gapValues]
    }

    /// One record's row, `entry` being the record as stored.
    func row(_ record: RecordSummary, _ entry: LedgerReader.Entry) -> [String: Any] {
        var row = PageValues.record(record, language)
        row["typeName"] =
            language == .vi
            ? EventTypeName.vietnamese(EventType(rawValue: record.type)).map { "\($0) (\(record.type))" } ?? record.type
            : record.type
        row["rowClass"] = String(record.type.map { $0 == "." ? "-" : $0 })
        let data = entry.envelope.data
        var parties: [[String: Any]] = []
        for field in Self.partyFields {
            if let id = data?[field]?.stringValue { parties.append(party(field, id)) }
        }
        for field in Self.partyLists {
            for id in data?[field]?.arrayValue?.compactMap(\.stringValue) ?? [] { parties.append(party(field, id)) }
        }
        row["parties"] = parties
        if let message = data?["message"]?.stringValue { row["message"] = message }
        if let directive = data?["directive"]?.stringValue { row["directive"] = directiveValues(directive) }
        if record.type == EventType.postCreated.rawValue || entry.content == .withheld {
            switch entry.content {
            case .withheld:
                row["withheld"] = withheldValues(record.seq)
            case .present(_, let bytes):
                let text = (try? JSONParser().parse(bytes))?["text"]?.stringValue
                if let text { row["text"] = text }
            case .none:
                break
            }
        }
        return row
    }

    private func party(_ field: String, _ id: String) -> [String: Any] {
        var values = PageValues.person(view.personRef(id), language)
        values["role"] = field
        return values
    }

    /// The directive's id and each assignee's status at the evaluation point.
    private func directiveValues(_ id: String) -> [String: Any] {
        let summary = view.state.directives[id].flatMap { directive in
            view.directives(group: directive.group).first { $0.directive.id == id }
        }
        let statuses: [[String: String]] = (summary?.assignments ?? []).map { assignment in
            [
                "assignee": assignment.assignee.id, "status": assignment.row.status.rawValue,
                "overdue": assignment.row.overdue ? (labels["overdue"] ?? "") : "",
            ]
        }
        return ["id": id, "statuses": statuses]
    }

    /// The withholding notice of record `seq`: reason, who ordered it, when, and the ordering record.
    private func withheldValues(_ seq: UInt64) -> [String: String] {
        guard let withholding = view.state.withholdings[seq] else { return ["reason": "–"] }
        return [
            "reason": withholding.reason, "orderedBy": withholding.actor,
            "withheldAt": PageValues.time(withholding.mark.time.unixMillis), "bySeq": String(withholding.mark.seq),
        ]
    }
}
