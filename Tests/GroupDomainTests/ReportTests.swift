import GroupDomain
import LedgerCore
import Testing

/// Reports never let ledger text reach the reader raw: HTML is escaped, bidirectional overrides are made
/// visible, CSV opens in Excel and never runs formulas.
@Suite struct ReportTests {
    /// A headless group whose id and name try to inject markup and reorder text.
    private let hostileGroup = "g-\u{202E}<i>x"

    private func report(_ language: ReportLanguage = .vi) -> AuditReport {
        var story = Story()
        story.add(
            "group.registered",
            day: 2,
            hour: 9,
            group: hostileGroup,
            data: ["field": "=HYPERLINK(\"http://evil\")", "decision": "2547/QĐ-UBND"],
            content: ["name": "<script>alert(1)</script>, \"quoted\"\u{202E}gpj.exe"]
        )
        let result = RuleChecker.check(story, at: Story.time(20, 9).unixMillis)
        return AuditReport(result: result, clock: RuleConfiguration.default.displayTime)
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsSelfContainedAndEscaped(_ language: ReportLanguage) {
        let html = HTMLReport.render(report(language), language)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("<style>"))
        for external in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            #expect(!html.contains(external), "\(external) in the report")
        }
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("⟦U+202E⟧"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("g-⟦U+202E⟧&lt;i&gt;x"))
        #expect(html.contains("<b>R1</b>"))
        #expect(html.contains(language == .vi ? "Tổng hợp theo quy tắc" : "Summary by rule"))
        #expect(html.contains(language == .vi ? "Tổng hợp theo nhóm" : "Summary by group"))
        #expect(html.contains("<code>#1</code>"))
    }

    @Test func csvOpensInExcelAndNeverRunsFormulas() {
        let bytes = CSVReport.render(report(), .en)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(rows.count == report().findings.count + 2 && rows.last?.isEmpty == true)
        #expect(rows[0].hasPrefix("id,rule,check,severity,group,group_name,seq,"))
        #expect(rows[1].contains(#""<script>alert(1)</script>, ""quoted""⟦U+202E⟧gpj.exe""#))
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(CSVReport.render(report(), .en, table: .directives).count > 3)
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=1+1", "'=1+1"),
        ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("+84", "'+84"), ("tiếng Việt", "tiếng Việt"),
    ])
    func csvCells(_ raw: String, _ expected: String) {
        #expect(CSVReport.cell(raw) == expected)
    }

    @Test func jsonNamesRuleGroupAndSeqOfEveryFinding() throws {
        let json = try JSONParser().parse(JCS.serialize(report().json(.en)))
        let findings = try #require(json["findings"]?.arrayValue)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding["rule"]?.stringValue != nil)
            #expect(finding["group"] != nil)
            #expect(finding["seq"]?.numberValue != nil)
            #expect(finding["message_vi"]?.stringValue != nil && finding["message_en"]?.stringValue != nil)
        }
        #expect(json["summary"]?["by_rule"]?["R1"]?["total"] == 1)
        #expect(JCS.serialize(report().json(.en)) == JCS.serialize(report().json(.en)))
    }

    @Test func textNeutralisesToo() {
        let text = TextReport.render(report(), .en)
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(text.contains("R8: Code of conduct"))
    }

    @Test func theWindowKeepsFindingsThatOverlapIt() {
        var story = Story()
        story.add("group.registered", day: 2, hour: 9, data: ["field": "x", "decision": "y"])
        story.add("head.assigned", day: 8, hour: 9, data: ["person": "p-1"])
        let result = RuleChecker.check(story, at: Story.time(20, 9).unixMillis)
        let clock = DisplayTime(offsetMinutes: 420)
        func r1(from: Int64?, group: String? = nil) -> [Finding] {
            AuditReport(result: result, from: from, group: group, clock: clock).findings.filter { $0.rule == "R1" }
        }
        #expect(r1(from: Story.time(7, 0).unixMillis).count == 1)
        #expect(r1(from: Story.time(9, 0).unixMillis).isEmpty)
        #expect(r1(from: nil, group: "g-2").isEmpty)
    }

    @Test func displayTimeIsLocal() {
        #expect(DisplayTime(offsetMinutes: 420).format(Story.time(5, 16).unixMillis) == "2026-11-05 16:00 +07:00")
        #expect(DisplayTime(offsetMinutes: -90).format(0) == "1969-12-31 22:30 -01:30")
    }
}
