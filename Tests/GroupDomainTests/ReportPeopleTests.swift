import GroupDomain
import LedgerCore
import Testing

/// Reports name people by their registered name, position and unit, and speak Vietnamese under vi.
@Suite struct ReportPeopleTests {
    /// A well-run group with a directive to p-3 and p-4 that nobody acknowledges, audited on 20 November.
    private func report() -> AuditReport {
        var story = Story.wellRun()
        story.add(
            "directive.issued",
            day: 3,
            hour: 9,
            data: [
                "directive": "CD-1", "issuer": "p-1", "assignees": ["p-3", "p-4"], "due": "2026-11-05T17:00:00+07:00",
            ]
        )
        let result = RuleChecker.check(story, at: Story.time(20, 9).unixMillis)
        return AuditReport(result: result, clock: RuleConfiguration.default.displayTime)
    }

    @Test func peopleAreNamedWithPositionAndUnit() {
        let report = report()
        #expect(report.person("p-3", .vi) == "p-3 Người 3 (Chuyên viên, Sở Tài chính)")
        #expect(report.person("a-99", .vi) == "a-99", "an unregistered id stays as it is")
        let text = TextReport.render(report, .vi)
        #expect(text.contains("p-3 Người 3 (Chuyên viên, Sở Tài chính)"))
        #expect(text.contains("(chưa xác nhận)"), "the check in Vietnamese")
        let csv = String(decoding: CSVReport.render(report, .vi, table: .directives).dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("chỉ đạo,nhóm,người ban hành,người thực hiện,"))
        #expect(csv.contains("Người 4"))
        #expect(!csv.contains(",yes,") && !csv.contains(",issued,"))
    }

    @Test func findingMessagesNamePeopleNotJustIds() {
        var story = Story.wellRun()
        story.add(
            "directive.issued",
            day: 3,
            hour: 9,
            data: ["directive": "CD-1", "issuer": "p-1", "assignees": ["p-3"], "due": "2026-11-05T17:00:00+07:00"]
        )
        story.add(
            "account.change_reported",
            day: 6,
            hour: 9,
            data: ["person": "p-4", "old_account": "a-4", "new_account": "a-44", "reported_via": "p-3"]
        )
        let findings = RuleChecker.check(story, at: Story.time(20, 9).unixMillis).findings
        let messages = Dictionary(findings.map { ("\($0.rule):\($0.check)", $0.messageVI) }) { first, _ in first }
        #expect(messages["R9:no-acknowledgement"]?.hasPrefix("p-3 Người 3 (Chuyên viên, Sở Tài chính) ") == true)
        #expect(messages["R4:not-via-admin"]?.contains("qua p-3 Người 3 (Chuyên viên, Sở Tài chính)") == true)
        #expect(findings.allSatisfy { !$0.messageEN.contains("p-3 ") || $0.messageEN.contains("p-3 Người 3") })
    }

    @Test func theJSONReportNamesThePeopleItMentions() throws {
        let people = try #require(report().json(.vi)["people"]?.objectValue)
        #expect(people["p-3"]?["full_name"] == "Người 3")
        #expect(people["p-3"]?["position"] == "Chuyên viên" && people["p-3"]?["unit"] == "Sở Tài chính")
        #expect(people["p-1"]?["position"] == "Phó Chủ tịch", "the issuer")
        #expect(people["p-2"] == nil, "a person the report does not mention is left out")
    }

    @Test func overdueDirectivesAreCountedOncePerDirective() {
        let report = report()
        #expect(report.directives.filter(\.overdue).count == 2, "two assignee rows")
        #expect(report.overdueDirectives == 1, "one directive")
        #expect(HTMLReport.render(report, .vi).contains("<b>1</b> chỉ đạo quá hạn"))
    }
}
