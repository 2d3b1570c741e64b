import LedgerCore

/// Renders an audit as one self-contained HTML file: inline CSS, no scripts, no external resources (a Content
/// Security Policy forbids loading any), readable offline and printable.
///
/// Every text from the ledger is neutralised (``SafeText``: a right-to-left override cannot reorder what the
/// reader sees) and then HTML-escaped; matched text sits in `<bdi>`. Post text itself is never shown, only the
/// matched span.
public enum HTMLReport {
    /// The document.
    public static func render(_ report: AuditReport, _ language: ReportLanguage) -> String {
        let l = language
        let clock = report.clock
        let title = l.pick("Báo cáo kiểm tra nhóm Zalo", "Zalo work groups audit")
        var html = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(title)</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(title)</h1>
            <p class="meta">
            """
        let through = report.result.state.through.map { "#\($0.seq)" } ?? "-"
        html += l.pick("Sổ cái đến bản ghi", "Ledger through record") + " <code>\(through)</code> · "
        html += l.pick("đánh giá tại", "evaluated at") + " \(escape(clock.format(report.result.evaluatedAt)))"
        if let from = report.from { html += " · " + l.pick("từ", "from") + " \(escape(clock.format(from)))" }
        if let group = report.group { html += " · " + l.pick("nhóm", "group") + " <code>\(escape(group))</code>" }
        html += "</p>\n<p class=\"totals\">"
        html += stat(report.findings.count, l.pick("phát hiện", "findings"))
        html += stat(report.findings.filter(\.isOpen).count, l.pick("đang mở", "open"))
        html += stat(report.overdueDirectives, l.pick("chỉ đạo quá hạn", "overdue directives"))
        html += stat(report.withheldPosts.count, l.pick("bài đã rút nội dung", "withheld posts"))
        html += "</p></header>\n"
        html += ruleSummary(report, l)
        html += groupSummary(report, l)
        html += findings(report, l)
        html += directives(report, l)
        html += withheld(report, l)
        html += candidates(report, l)
        html += "<footer><p>" + escape(RuleTitle.conduct(l)) + "</p><p>"
        html += l.pick(
            "Mỗi phát hiện là căn cứ để người có thẩm quyền xem xét, không phải kết luận. Số # là số thứ tự bản ghi "
                + "trong sổ cái: xem bằng <code>groupledger show SỐ</code>, chứng minh bằng <code>groupledger prove "
                + "SỐ</code>.",
            "Each finding is evidence for a person to review, not a verdict. A # number is a record's sequence number "
                + "in the ledger: look at it with <code>groupledger show SEQ</code>, prove it with "
                + "<code>groupledger prove SEQ</code>."
        )
        html += "</p></footer>\n</body>\n</html>\n"
        return html
    }

    private static func ruleSummary(_ report: AuditReport, _ l: ReportLanguage) -> String {
        var html = "<section id=\"rules\"><h2>" + l.pick("Tổng hợp theo quy tắc", "Summary by rule") + "</h2>\n<table>"
        html += row(
            [
                l.pick("Quy tắc", "Rule"), l.pick("Nội dung", "Statement"), l.pick("Tổng", "Total"),
                l.pick("Đang mở", "Open"), l.pick("Đã xem xét", "Reviewed"), l.pick("Mức độ", "Severity"),
            ],
            header: true
        )
        for (rule, tally) in report.byRule {
            let severities = Severity.allCases.reversed().compactMap { severity in
                tally.bySeverity[severity].map { badge(severity, l) + " \($0)" }
            }
            html += row(
                [
                    escape(rule), escape(RuleTitle.of(rule, l)), "\(tally.total)", "\(tally.open)", "\(tally.reviewed)",
                    severities.joined(separator: " "),
                ],
                classes: tally.total == 0 ? "quiet" : nil
            )
        }
        return html + "</table></section>\n"
    }

    private static func groupSummary(_ report: AuditReport, _ l: ReportLanguage) -> String {
        var html = "<section id=\"groups\"><h2>" + l.pick("Tổng hợp theo nhóm", "Summary by group") + "</h2>\n<table>"
        html += row(
            [
                l.pick("Nhóm", "Group"), l.pick("Tên", "Name"), l.pick("Lĩnh vực", "Field"), l.pick("Tổng", "Total"),
                l.pick("Đang mở", "Open"),
            ] + Severity.allCases.reversed().map { badge($0, l) },
            header: true
        )
        for (group, tally) in report.byGroup {
            let field = report.result.state.groups[group]?.field ?? ""
            html += row(
                [
                    "<code>\(escape(group))</code>", escape(report.name(of: group, l)), escape(field), "\(tally.total)",
                    "\(tally.open)",
                ] + Severity.allCases.reversed().map { "\(tally.bySeverity[$0] ?? 0)" }
            )
        }
        return html + "</table></section>\n"
    }

    private static func findings(_ report: AuditReport, _ l: ReportLanguage) -> String {
        var html =
            "<section id=\"findings\"><h2>" + l.pick("Phát hiện", "Findings") + " (\(report.findings.count))</h2>\n"
        guard !report.findings.isEmpty else {
            return html + "<p>" + l.pick("Không có phát hiện.", "No findings.") + "</p></section>\n"
        }
        html += "<table class=\"findings\">"
        html += row(
            [
                l.pick("Bản ghi", "Records"), l.pick("Quy tắc", "Rule"), l.pick("Mức độ", "Severity"),
                l.pick("Nhóm", "Group"), l.pick("Thời điểm", "Time"), l.pick("Nội dung", "Message"),
                l.pick("Đoạn khớp", "Match"), l.pick("Trạng thái", "Status"),
            ],
            header: true
        )
        for finding in report.findings {
            let evidence = finding.seqs.map { "<code>#\($0)</code>" }.joined(separator: " ")
            var match = ""
            if let span = finding.spans.first {
                match =
                    "<mark><bdi>\(escape(span.text))</bdi></mark><br><small>\(escape(span.field)) · "
                    + "\(escape(span.kind)) · UTF-8 \(span.utf8.lowerBound)–\(span.utf8.upperBound) · "
                    + "UTF-16 \(span.utf16.lowerBound)–\(span.utf16.upperBound)"
                    + (finding.spans.count > 1 ? " · +\(finding.spans.count - 1)" : "")
                    + (span.signals.isEmpty
                        ? "" : "<br>" + l.pick("căn cứ", "decided by") + ": " + escape(span.signalSummary))
                    + "</small>"
            }
            var status =
                finding.resolved.map { l.pick("đã khắc phục", "resolved") + " <code>#\($0.seq)</code>" }
                ?? (finding.isOpen ? l.pick("đang mở", "open") : l.pick("đã bác bỏ", "dismissed"))
            if let review = finding.review {
                status +=
                    "<br>" + l.pick("xem xét", "review")
                    + ": \(escape(l.label(verdict: review.verdict))) <code>#\(review.mark.seq)</code>"
            }
            if !finding.captureGaps.isEmpty {
                status += "<br><span class=\"gap\">" + l.pick("gián đoạn thu thập", "capture gap") + "</span>"
            }
            html += row(
                [
                    evidence,
                    "<b>\(escape(finding.rule))</b><br><small>\(escape(l.label(check: finding.check)))</small>",
                    badge(finding.severity, l), group(finding.group, report, l),
                    when(finding.time, report),
                    escape(finding.message(l))
                        + (finding.subject.map { "<br>" + escape(report.person($0, l)) } ?? "")
                        + "<br><small class=\"id\">\(escape(finding.id))</small>", match, status,
                ],
                classes: "sev-\(finding.severity.rawValue)",
                id: "finding-" + finding.id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            )
        }
        return html + "</table></section>\n"
    }

    private static func directives(_ report: AuditReport, _ l: ReportLanguage) -> String {
        var html =
            "<section id=\"directives\"><h2>" + l.pick("Chỉ đạo", "Directives") + " (\(report.directives.count))</h2>\n"
        guard !report.directives.isEmpty else {
            return html + "<p>" + l.pick("Không có chỉ đạo.", "No directives.") + "</p></section>\n"
        }
        html += "<table>"
        html += row(
            [
                l.pick("Chỉ đạo", "Directive"), l.pick("Nhóm", "Group"), l.pick("Người thực hiện", "Assignee"),
                l.pick("Ban hành", "Issued"), l.pick("Hạn", "Due"), l.pick("Trạng thái", "Status"),
                l.pick("Xác nhận", "Acknowledged"), l.pick("Tiến độ", "Progress"), "",
            ],
            header: true
        )
        for item in report.directives {
            var flags: [String] = []
            if item.overdue { flags.append("<span class=\"overdue\">" + l.pick("quá hạn", "overdue") + "</span>") }
            if !item.gaps.isEmpty {
                flags.append("<span class=\"gap\">" + l.pick("gián đoạn thu thập", "capture gap") + "</span>")
            }
            html += row(
                [
                    escape(item.directive), group(item.group, report, l), escape(report.person(item.assignee, l)),
                    "<code>#\(item.issued.seq)</code>",
                    when(item.due.unixMillis, report),
                    escape(l.label(item.status)),
                    item.acknowledgement.map { "<code>#\($0.mark.seq)</code> \(escape(l.label($0.evidence)))" } ?? "—",
                    item.progress.map { "<code>#\($0.seq)</code>" } ?? "—", flags.joined(separator: " "),
                ],
                classes: item.overdue ? "late" : nil
            )
        }
        return html + "</table></section>\n"
    }

    private static func withheld(_ report: AuditReport, _ l: ReportLanguage) -> String {
        var html =
            "<section id=\"withheld\"><h2>" + l.pick("Bài đăng đã rút nội dung", "Withheld posts")
            + " (\(report.withheldPosts.count))</h2>\n<p>"
            + l.pick(
                "Nội dung đã bị hủy nên không thể đối chiếu với các quy tắc R7; bản ghi và giá trị băm vẫn còn.",
                "Their content was destroyed, so the R7 rules could not look at them; the records and digests remain."
            ) + "</p>\n"
        guard !report.withheldPosts.isEmpty else { return html + "</section>\n" }
        html += "<table>"
        html += row(
            [
                l.pick("Bản ghi", "Record"), l.pick("Nhóm", "Group"), l.pick("Lý do", "Reason"),
                l.pick("Người ra lệnh", "Ordered by"), l.pick("Thời điểm", "When"),
            ],
            header: true
        )
        for post in report.withheldPosts {
            html += row(
                [
                    "<code>#\(post.post.seq)</code>", group(post.group, report, l),
                    post.withholding.map { "\(escape($0.reason)) <code>#\($0.mark.seq)</code>" } ?? "—",
                    post.withholding.map { withholding in
                        // The id as code, then the name, position and unit when the person is registered.
                        "<code>\(escape(withholding.actor))</code>"
                            + escape(String(report.person(withholding.actor, l).dropFirst(withholding.actor.count)))
                    } ?? "—",
                    post.withholding.map { when($0.mark.time.unixMillis, report) } ?? "—",
                ]
            )
        }
        return html + "</table></section>\n"
    }

    private static func candidates(_ report: AuditReport, _ l: ReportLanguage) -> String {
        guard !report.candidates.isEmpty else { return "" }
        var html =
            "<section id=\"candidates\"><h2>" + l.pick("Có thể là chỉ đạo", "Directive candidates")
            + " (\(report.candidates.count))</h2>\n<p>"
            + l.pick(
                "Bài đăng của Trưởng Nhóm có dạng chỉ đạo; chỉ trở thành chỉ đạo khi có người xác nhận.",
                "Posts by a head that read like directives; they become directives only when a person confirms them."
            ) + "</p>\n<table>"
        html += row(
            [
                l.pick("Bản ghi", "Record"), l.pick("Nhóm", "Group"), l.pick("Người đăng", "Author"),
                l.pick("Nội dung, hạn", "Text, due"),
            ],
            header: true
        )
        for candidate in report.candidates {
            html += row(
                [
                    "<code>#\(candidate.post.seq)</code>", group(candidate.group, report, l),
                    escape(report.person(candidate.author, l)),
                    "“\(escape(candidate.text))”"
                        + (candidate.due.map { "<br>" + l.pick("hạn", "due") + " " + when($0.unixMillis, report) } ?? ""),
                ]
            )
        }
        return html + "</table></section>\n"
    }

    /// A time cell: the date, and the time with its offset below.
    private static func when(_ millis: Int64, _ report: AuditReport) -> String {
        let text = report.clock.format(millis)
        guard let space = text.firstIndex(of: " ") else { return escape(text) }
        return
            "<span class=\"when\">\(escape(String(text[..<space])))<br>\(escape(String(text[text.index(after: space)...])))</span>"
    }

    /// A group cell: its name, with its id below.
    private static func group(_ id: String?, _ report: AuditReport, _ l: ReportLanguage) -> String {
        guard let id else { return "—" }
        let name = report.name(of: id, l)
        return (name.isEmpty ? "" : escape(name) + "<br>") + "<small><code>\(escape(id))</code></small>"
    }

    /// HTML-escapes neutralised text: `&`, `<`, `>`, `"` and `'`.
    static func escape(_ raw: String) -> String {
        var out = ""
        for character in SafeText.neutralised(raw) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    private static func row(
        _ cells: [String],
        header: Bool = false,
        classes: String? = nil,
        id: String? = nil
    )
        -> String
    {
        let tag = header ? "th" : "td"
        let attributes = (classes.map { " class=\"\($0)\"" } ?? "") + (id.map { " id=\"\($0)\"" } ?? "")
        return "<tr\(attributes)>" + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>\n"
    }

    private static func badge(_ severity: Severity, _ l: ReportLanguage) -> String {
        "<span class=\"badge \(severity.rawValue)\">" + (l == .vi ? severity.vietnamese : severity.rawValue) + "</span>"
    }

    private static func stat(_ count: Int, _ label: String) -> String {
        "<span class=\"stat\"><b>\(count)</b> \(label)</span>"
    }

    private static let style = """
        body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:2rem auto;max-width:80rem;\
        padding:0 1rem;color:#1f2937;line-height:1.45}
        h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #e5e7eb;\
        padding-bottom:.2rem}
        .meta{color:#4b5563;margin:.2rem 0}.totals{margin:.8rem 0}.stat{display:inline-block;margin-right:1.4rem}\
        .stat b{font-size:1.4rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #e5e7eb;padding:.35rem .5rem;\
        text-align:left;vertical-align:top}th{background:#f3f4f6}tr.quiet td{color:#9ca3af}
        code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;background:#f3f4f6;padding:0 .2em;\
        border-radius:3px}small{color:#6b7280}.id{font-family:ui-monospace,Menlo,Consolas,monospace}
        mark{background:#fde68a;padding:0 .15em}
        .badge{display:inline-block;border-radius:999px;padding:0 .55em;font-size:.8em;font-weight:600;\
        white-space:nowrap}
        .badge.critical{background:#7f1d1d;color:#fff}.badge.high{background:#fecaca;color:#7f1d1d}\
        .badge.medium{background:#fed7aa;color:#7c2d12}.badge.low{background:#dbeafe;color:#1e3a8a}\
        .badge.info{background:#e5e7eb;color:#374151}
        tr.sev-critical td:first-child{border-left:4px solid #7f1d1d}tr.sev-high td:first-child{border-left:4px solid \
        #ef4444}tr.sev-medium td:first-child{border-left:4px solid #f97316}tr.sev-low td:first-child{border-left:4px \
        solid #3b82f6}
        .overdue{color:#b91c1c;font-weight:600}.gap{color:#92400e;background:#fef3c7;padding:0 .3em;border-radius:3px}
        tr.late td{background:#fef2f2}.when{white-space:nowrap}
        footer{margin-top:2.5rem;color:#4b5563;font-size:.85rem;border-top:1px solid #e5e7eb}
        @media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
        """
}
