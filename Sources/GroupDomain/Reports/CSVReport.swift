import LedgerCore

/// Renders an audit table as CSV that Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends,
/// RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes doubled).
///
/// Cells that start with `=`, `+`, `-`, `@` get a leading `'` so a spreadsheet never runs them as formulas, and
/// text from the ledger is neutralised (``SafeText``).
///
/// A withheld post leaves a trace in both tables: a row with status `withheld` (findings: rule `R7`, check
/// `withheld-post`; directives: directive `withheld:post:<seq>`), and the columns `withheld_by` and `withheld_at`
/// say who ordered the withholding and when, also on the rows of findings and directives that cite the post.
public enum CSVReport {
    /// Which table to write.
    public enum Table: String, Sendable, CaseIterable {
        /// One row per finding.
        case findings
        /// One row per directive and assignee.
        case directives
    }

    /// The bytes of the file: the BOM, a header row, then one row per finding or directive row.
    public static func render(_ report: AuditReport, _ language: ReportLanguage, table: Table = .findings) -> [UInt8] {
        let clock = report.clock
        let withheld = Dictionary(
            report.withheldPosts.map { ($0.post.seq, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var rows: [[String]]
        switch table {
        case .findings:
            rows = [
                (language == .vi
                    ? [
                        "mã", "quy tắc", "kiểm tra", "mức độ", "nhóm", "tên nhóm", "bản ghi", "các bản ghi",
                        "thời điểm",
                        "đối tượng", "trạng thái", "xem xét", "nội dung", "trường", "đoạn khớp", "utf8_đầu",
                        "utf8_cuối",
                        "utf16_đầu", "utf16_cuối", "họ tên đối tượng", "người ra lệnh giữ lại", "thời điểm giữ lại",
                    ]
                    : [
                        "id", "rule", "check", "severity", "group", "group_name", "seq", "seqs", "time", "subject",
                        "status", "review", "message", "field", "matched_text", "utf8_start", "utf8_end",
                        "utf16_start", "utf16_end", "subject_name", "withheld_by", "withheld_at",
                    ])
            ]
            for finding in report.findings {
                let span = finding.spans.first
                let status =
                    finding.resolved != nil
                    ? language.pick("đã khắc phục", "resolved")
                    : finding.isOpen ? language.pick("đang mở", "open") : language.pick("đã bác bỏ", "dismissed")
                rows.append(
                    [
                        finding.id, finding.rule, language.label(check: finding.check),
                        language == .vi ? finding.severity.vietnamese : finding.severity.rawValue, finding.group ?? "",
                        finding.group.map { report.name(of: $0, language) } ?? "",
                        finding.seqs.first.map(String.init) ?? "", finding.seqs.map(String.init).joined(separator: " "),
                        clock.format(finding.time), finding.subject ?? "", status,
                        finding.review.map { language.label(verdict: $0.verdict) } ?? "", finding.message(language),
                        span?.field ?? "", span?.text ?? "",
                        span.map { String($0.utf8.lowerBound) } ?? "", span.map { String($0.utf8.upperBound) } ?? "",
                        span.map { String($0.utf16.lowerBound) } ?? "", span.map { String($0.utf16.upperBound) } ?? "",
                        finding.subject.map { report.person($0, language) } ?? "",
                    ] + withheldColumns(finding.seqs.first.flatMap { withheld[$0] }, report, language, clock)
                )
            }
            for post in report.withheldPosts {
                rows.append(
                    [
                        "withheld:post:\(post.post.seq)", "R7", "withheld-post", "", post.group ?? "",
                        post.group.map { report.name(of: $0, language) } ?? "", String(post.post.seq),
                        ([post.post.seq] + (post.withholding.map { [$0.mark.seq] } ?? [])).map(String.init)
                            .joined(separator: " "),
                        clock.format(post.post.time.unixMillis), "", language.pick("đã giữ lại", "withheld"), "",
                        message(post, report, language, clock), "", "", "", "", "", "", "",
                    ] + withheldColumns(post, report, language, clock)
                )
            }
        case .directives:
            rows = [
                (language == .vi
                    ? [
                        "chỉ đạo", "nhóm", "người ban hành", "người thực hiện", "bản ghi ban hành", "bản ghi nguồn",
                        "hạn", "trạng thái", "bản ghi xác nhận", "cách xác nhận", "bản ghi tiến độ",
                        "bản ghi hoàn thành", "quá hạn", "gián đoạn thu thập", "họ tên người thực hiện",
                        "người ra lệnh giữ lại", "thời điểm giữ lại",
                    ]
                    : [
                        "directive", "group", "issuer", "assignee", "issued_seq", "source_seq", "due", "status",
                        "acknowledged_seq", "acknowledged_by", "progress_seq", "completed_seq", "overdue",
                        "capture_gap", "assignee_name", "withheld_by", "withheld_at",
                    ])
            ]
            let yes = language.pick("có", "yes")
            let no = language.pick("không", "no")
            for row in report.directives {
                rows.append(
                    [
                        row.directive, row.group, row.issuer, row.assignee, String(row.issued.seq),
                        row.source.map { String($0.seq) } ?? "", clock.format(row.due.unixMillis),
                        language == .vi ? language.label(row.status) : row.status.rawValue,
                        row.acknowledgement.map { String($0.mark.seq) } ?? "",
                        row.acknowledgement.map { language == .vi ? language.label($0.evidence) : $0.evidence.rawValue }
                            ?? "",
                        row.progress.map { String($0.seq) } ?? "", row.completed.map { String($0.seq) } ?? "",
                        row.overdue ? yes : no, row.gaps.isEmpty ? no : yes, report.person(row.assignee, language),
                    ] + withheldColumns(row.source.flatMap { withheld[$0.seq] }, report, language, clock)
                )
            }
            for post in report.withheldPosts {
                rows.append(
                    [
                        "withheld:post:\(post.post.seq)", post.group ?? "", "", "", "", String(post.post.seq), "",
                        language.pick("đã giữ lại", "withheld"), "", "", "", "", "", "", "",
                    ] + withheldColumns(post, report, language, clock)
                )
            }
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows {
            out.append(contentsOf: row.map(cell).joined(separator: ",").utf8)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// `withheld_by` and `withheld_at` of a row about `post`: who ordered the withholding and when (`?` when the
    /// withholding record is past the audited records), or empty cells when the row is about no withheld post.
    private static func withheldColumns(
        _ post: WithheldPost?,
        _ report: AuditReport,
        _ language: ReportLanguage,
        _ clock: DisplayTime
    ) -> [String] {
        guard let post else { return ["", ""] }
        guard let withholding = post.withholding else { return ["?", "?"] }
        return [report.person(withholding.actor, language), clock.format(withholding.mark.time.unixMillis)]
    }

    /// The message of a withheld post's row.
    private static func message(
        _ post: WithheldPost,
        _ report: AuditReport,
        _ language: ReportLanguage,
        _ clock: DisplayTime
    ) -> String {
        let vi = language == .vi
        guard let withholding = post.withholding else {
            return vi
                ? "Nội dung bài đăng (bản ghi \(post.post.seq)) đã bị rút; không kiểm tra được theo R7."
                : "The post's content (record \(post.post.seq)) was withheld; the R7 rules could not check it."
        }
        let at = clock.format(withholding.mark.time.unixMillis)
        return vi
            ? "Nội dung bài đăng (bản ghi \(post.post.seq)) đã bị rút (\(withholding.reason), bản ghi "
                + "\(withholding.mark.seq), theo lệnh của \(report.person(withholding.actor, language)) lúc \(at)); không kiểm tra được theo R7."
            : "The post's content (record \(post.post.seq)) was withheld (\(withholding.reason), record "
                + "\(withholding.mark.seq), ordered by \(report.person(withholding.actor, language)) at \(at)); the R7 rules could not check it."
    }

    /// One field: neutralised, guarded against formula injection, and quoted (RFC 4180) when it holds a comma, a
    /// quote or a line break.
    public static func cell(_ raw: String) -> String {
        var text = SafeText.neutralised(raw)
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
