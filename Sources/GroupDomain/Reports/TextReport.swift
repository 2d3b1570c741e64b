import LedgerCore

/// Renders an audit for a terminal: summaries per rule and per group, then one line per finding, the directive
/// table, withheld posts and directive candidates. Every line is neutralised (``SafeText``).
public enum TextReport {
    /// The report as lines of text, ending with a newline.
    public static func render(_ report: AuditReport, _ language: ReportLanguage) -> String {
        let clock = report.clock
        let l = language
        var lines = summaryLines(report, language)
        lines.append("")
        lines.append(l.pick("Phát hiện", "Findings") + " (\(report.findings.count)):")
        for finding in report.findings {
            var line =
                "  #" + finding.seqs.map(String.init).joined(separator: ",#") + "  " + finding.rule + "  "
                + (l == .vi ? finding.severity.vietnamese : finding.severity.rawValue) + "  " + (finding.group ?? "-")
                + "  " + finding.message(l)
            if let span = finding.spans.first {
                line +=
                    "  [\(span.field) utf8 \(span.utf8.lowerBound)..<\(span.utf8.upperBound) "
                    + "utf16 \(span.utf16.lowerBound)..<\(span.utf16.upperBound) “\(span.text)”]"
                if !span.signals.isEmpty { line += "  [" + l.pick("căn cứ", "decided by") + ": \(span.signalSummary)]" }
            }
            if let subject = finding.subject { line += "  [" + report.person(subject, l) + "]" }
            if finding.check != "post" { line += "  (" + l.label(check: finding.check) + ")" }
            if let review = finding.review {
                line += "  [" + l.pick("đã xem xét", "reviewed") + ": \(l.label(verdict: review.verdict))]"
            }
            if finding.resolved != nil { line += "  [" + l.pick("đã khắc phục", "resolved") + "]" }
            lines.append(line)
        }
        lines.append("")
        lines.append(l.pick("Chỉ đạo", "Directives") + " (\(report.directives.count)):")
        for row in report.directives {
            lines.append(
                "  \(row.directive)  \(row.group)  \(report.person(row.assignee, l))  #\(row.issued.seq)  "
                    + l.pick("hạn", "due") + " \(clock.format(row.due.unixMillis))  \(l.label(row.status))"
                    + (row.acknowledgement.map { "  ack #\($0.mark.seq) (\(l.label($0.evidence)))" } ?? "")
                    + (row.progress.map { "  " + l.pick("tiến độ", "progress") + " #\($0.seq)" } ?? "")
                    + (row.overdue ? "  " + l.pick("QUÁ HẠN", "OVERDUE") : "")
                    + (row.gaps.isEmpty ? "" : "  " + l.pick("(có gián đoạn thu thập)", "(capture gap)"))
            )
        }
        lines.append("")
        lines.append(
            l.pick("Bài đăng đã rút nội dung, không kiểm tra được", "Withheld posts, not checked")
                + " (\(report.withheldPosts.count)):"
        )
        for post in report.withheldPosts {
            lines.append(
                "  #\(post.post.seq)  \(post.group ?? "-")  "
                    + (post.withholding.map {
                        "\($0.reason) (#\($0.mark.seq), " + l.pick("theo lệnh của", "ordered by")
                            + " \(report.person($0.actor, l)) "
                            + l.pick("lúc", "at") + " \(clock.format($0.mark.time.unixMillis)))"
                    } ?? "?")
            )
        }
        if !report.candidates.isEmpty {
            lines.append("")
            lines.append(
                l.pick("Có thể là chỉ đạo (cần người xác nhận)", "Directive candidates (for a person to confirm)")
                    + " (\(report.candidates.count)):"
            )
            for candidate in report.candidates {
                lines.append(
                    "  #\(candidate.post.seq)  \(candidate.group)  \(report.person(candidate.author, l))  "
                        + (candidate.due.map { l.pick("hạn", "due") + " \(clock.format($0.unixMillis))  " } ?? "")
                        + "“\(candidate.text)”"
                )
            }
        }
        lines.append("")
        lines.append(RuleTitle.conduct(l))
        return lines.map(SafeText.neutralised).joined(separator: "\n") + "\n"
    }

    /// The heading and the summaries per rule and per group, ending with a newline: what `groupledger demo`
    /// prints.
    public static func summary(_ report: AuditReport, _ language: ReportLanguage) -> String {
        summaryLines(report, language).map(SafeText.neutralised).joined(separator: "\n") + "\n"
    }

    private static func summaryLines(_ report: AuditReport, _ l: ReportLanguage) -> [String] {
        let clock = report.clock
        var lines: [String] = []
        let through = report.result.state.through.map { "\($0.seq)" } ?? "-"
        lines.append(
            l.pick("Báo cáo kiểm tra nhóm Zalo", "Zalo work groups audit") + " — "
                + l.pick("đến bản ghi", "through record") + " \(through), "
                + l.pick("đánh giá tại", "evaluated at") + " \(clock.format(report.result.evaluatedAt))"
                + (report.from.map { ", " + l.pick("từ", "from") + " \(clock.format($0))" } ?? "")
                + (report.group.map { ", " + l.pick("nhóm", "group") + " \($0)" } ?? "")
        )
        lines.append("")
        lines.append(l.pick("Theo quy tắc", "By rule") + ":")
        for (rule, tally) in report.byRule {
            lines.append(
                "  " + pad(rule, 4) + " " + pad(RuleTitle.of(rule, l), 50) + " \(tally.total)"
                    + " (" + l.pick("đang mở", "open") + " \(tally.open))"
            )
        }
        lines.append("")
        lines.append(l.pick("Theo nhóm", "By group") + ":")
        for (group, tally) in report.byGroup {
            lines.append("  " + pad(group, 24) + " " + pad(report.name(of: group, l), 36) + " \(tally.total)")
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
