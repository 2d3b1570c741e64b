import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage

/// The values of `/findings/{id}`: the rule with the decision's words in Vietnamese and English, what was found, the
/// subject, the evidence records with the matched spans marked, and the reviews the ledger holds.
enum FindingPage {
    /// The most `finding.reviewed` records a page lists for one finding.
    static let maxReviews = 500

    /// The page's values for `summary`, reading evidence content and reviews from `reader`.
    static func values(
        _ summary: FindingSummary,
        view: InspectionView,
        reader: LedgerReader,
        language: WebLanguage,
        labels: [String: String]
    ) throws(LedgerError) -> [String: Any] {
        let finding = summary.finding
        var values = FindingsPage.row(summary, language: language, labels: labels)
        if let wording = RuleWording.of(finding.rule) {
            values["ruleVI"] = wording.vi
            values["ruleEN"] = wording.en
        }
        values["ruleTitleVI"] = RuleTitle.of(finding.rule, .vi)
        values["ruleTitleEN"] = RuleTitle.of(finding.rule, .en)
        if let resolved = finding.resolved {
            values["resolved"] = ["seq": String(resolved.seq), "time": PageValues.time(resolved.time.unixMillis)]
        }
        var evidence: [[String: Any]] = []
        for (position, seq) in finding.seqs.enumerated() {
            guard let record = view.record(seq) else { continue }
            var row = PageValues.record(record, language)
            if position == 0, !finding.spans.isEmpty {
                row["texts"] = try markedTexts(finding.spans, seq: seq, reader: reader, withheld: &row)
            }
            evidence.append(row)
        }
        values["evidence"] = evidence
        values["gaps"] = finding.captureGaps.map { gap in
            [
                "account": PageValues.person(view.personRef(gap.account), language),
                "from": PageValues.time(gap.from.time.unixMillis), "fromSeq": String(gap.from.seq),
                "to": gap.to.map { PageValues.time($0.time.unixMillis) } ?? "…",
            ] as [String: Any]
        }
        values["hasGaps"] = !finding.captureGaps.isEmpty
        let reviews = try reviews(of: finding.id, view: view, reader: reader, language: language)
        values["reviews"] = reviews
        values["hasReviews"] = !reviews.isEmpty
        return values
    }

    /// Each field the spans matched in record `seq`, cut into marked pieces; none, and `withheld` set, when the
    /// ledger no longer holds the content.
    private static func markedTexts(
        _ spans: [TextSpan],
        seq: UInt64,
        reader: LedgerReader,
        withheld row: inout [String: Any]
    ) throws(LedgerError) -> [[String: Any]] {
        let entry = try reader.entry(seq)
        guard case .present(_, let bytes) = entry.content, let content = try? JSONParser().parse(bytes) else {
            if entry.content == .withheld { row["withheld"] = true }
            return []
        }
        var fields: [String] = []
        for span in spans where !fields.contains(span.field) { fields.append(span.field) }
        return fields.compactMap { field -> [String: Any]? in
            guard let text = MarkedText.field(field, in: content) else { return nil }
            let matched = spans.filter { $0.field == field }
            return [
                "field": field, "pieces": MarkedText.pieces(of: text, spans: matched.map(\.utf8)),
                "kinds": Array(Set(matched.map(\.kind))).sorted().joined(separator: ", "),
            ]
        }
    }

    /// The `finding.reviewed` records about finding `id`, oldest first: verdict, reviewer, time, note.
    private static func reviews(
        of id: String,
        view: InspectionView,
        reader: LedgerReader,
        language: WebLanguage
    ) throws(LedgerError) -> [[String: Any]] {
        // The search index holds the finding id's words and the type's; the record itself says whether it is this
        // finding's review.
        let candidates = view.search(
            id + " " + EventType.findingReviewed.rawValue,
            page: PageRequest(number: 1, size: maxReviews)
        )
        var rows: [[String: Any]] = []
        for record in candidates.items.reversed() where record.type == EventType.findingReviewed.rawValue {
            let entry = try reader.entry(record.seq)
            guard entry.envelope.data?["finding"]?.stringValue == id else { continue }
            let verdict = entry.envelope.data?["verdict"]?.stringValue ?? ""
            var row: [String: Any] = [
                "seq": String(record.seq), "time": PageValues.time(record.timeMillis), "verdict": verdict,
                "verdictLabel": language.report.label(verdict: verdict),
            ]
            if let reviewer = entry.envelope.data?["reviewer"]?.stringValue {
                row["reviewer"] = PageValues.person(view.personRef(reviewer), language)
            }
            if case .present(_, let bytes) = entry.content, let note = try? JSONParser().parse(bytes)["note"] {
                row["note"] = note.stringValue ?? note.description
            }
            rows.append(row)
        }
        return rows
    }
}
