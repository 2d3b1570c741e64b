import Foundation
import GroupDomain
import LedgerCore
import Testing

/// Issue #11, D4: withholding a post must not hide it from any report without a trace, and every report says
/// who ordered the withholding and when.
@Suite struct WithheldReportTests {
    /// A post (with a phrase R7a would flag) withheld "pdp-erasure" by `chanh-vp` on 4 Nov at 10:30.
    private func report(registered: Bool = false) -> (report: AuditReport, post: UInt64, withholding: UInt64) {
        var story = Story.wellRun()
        if registered {
            story.add(
                "person.registered",
                day: 2,
                hour: 8,
                group: nil,
                data: ["person": "chanh-vp", "position": "Chánh Văn phòng", "unit": "Văn phòng UBND tỉnh"],
                content: ["full_name": "Lê Văn Chánh"]
            )
        }
        let post = story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-3",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Kế hoạch TUYỆT MẬT"],
            withheld: true
        )
        let withholding = story.add(
            "ledger.content_withheld",
            day: 4,
            hour: 10,
            minute: 30,
            actor: "chanh-vp",
            group: nil,
            data: ["seq": .number(JSONNumber(post)), "reason": "pdp-erasure"]
        )
        let result = RuleChecker.check(story)
        return (AuditReport(result: result, clock: RuleConfiguration.default.displayTime), post, withholding)
    }

    private func rows(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// Both CSV tables list the withheld post, with who ordered it and when.
    @Test(arguments: CSVReport.Table.allCases)
    func bothCSVTablesListTheWithheldPost(_ table: CSVReport.Table) throws {
        let (report, post, withholding) = report()
        let rows = rows(CSVReport.render(report, .en, table: table))
        #expect(rows[0].hasSuffix(",withheld_by,withheld_at"))
        let row = try #require(rows.first { $0.hasPrefix("withheld:post:\(post),") }, "\(rows)")
        #expect(row.contains(",withheld,"))
        #expect(row.hasSuffix(",chanh-vp,2026-11-04 10:30 +07:00"))
        if table == .findings {
            #expect(row.contains("\(post) \(withholding)"))
            #expect(row.contains("pdp-erasure") && row.contains("ordered by chanh-vp"))
        }
        #expect(
            rows.allSatisfy {
                $0.split(separator: ",", omittingEmptySubsequences: false).count >= rows[0].split(separator: ",").count
            }
        )
    }

    @Test(arguments: ReportLanguage.allCases)
    func textAndHTMLSayWhoAndWhen(_ language: ReportLanguage) {
        let (report, _, _) = report()
        let text = TextReport.render(report, language)
        #expect(text.contains("chanh-vp") && text.contains("2026-11-04 10:30 +07:00"))
        let html = HTMLReport.render(report, language)
        #expect(html.contains("<code>chanh-vp</code>") && html.contains("2026-11-04"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func whoOrderedItIsNamedWhenRegistered(_ language: ReportLanguage) throws {
        let (report, post, _) = report(registered: true)
        let named = "chanh-vp Lê Văn Chánh (Chánh Văn phòng, Văn phòng UBND tỉnh)"
        #expect(TextReport.render(report, language).contains(named))
        #expect(HTMLReport.render(report, language).contains("<code>chanh-vp</code> Lê Văn Chánh (Chánh Văn phòng"))
        let rows = rows(CSVReport.render(report, language, table: .findings))
        let row = try #require(rows.first { $0.hasPrefix("withheld:post:\(post),") })
        #expect(row.contains(named))
    }

    @Test func jsonSaysWhoAndWhen() throws {
        let (report, post, withholding) = report()
        let posts = try #require(report.json(.en)["withheld_posts"]?.arrayValue)
        #expect(posts.count == 1)
        #expect(posts[0]["seq"] == .number(JSONNumber(post)))
        #expect(posts[0]["withheld_by"] == .number(JSONNumber(withholding)))
        #expect(posts[0]["ordered_by"] == "chanh-vp")
        #expect(posts[0]["withheld_at"] == "2026-11-04T10:30:00+07:00")
    }

    /// A post withheld as classified is an R7a finding; its CSV row also names who withheld it.
    @Test func theClassifiedFindingRowNamesWhoWithheldIt() throws {
        var story = Story.wellRun()
        let post = story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-3",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "x"],
            withheld: true
        )
        story.add(
            "ledger.content_withheld",
            day: 4,
            hour: 8,
            actor: "giam-doc",
            group: nil,
            data: ["seq": .number(JSONNumber(post)), "reason": "R7a-classified"]
        )
        let report = AuditReport(result: RuleChecker.check(story), clock: RuleConfiguration.default.displayTime)
        let rows = rows(CSVReport.render(report, .en))
        let finding = try #require(rows.first { $0.hasPrefix("R7a:post:\(post),") })
        #expect(finding.hasSuffix(",giam-doc,2026-11-04 08:00 +07:00"))
    }
}
