import GroupDomain
import LedgerCore
import Testing

/// When the audit judges (the last group event, not the office's own records) and what counts as open.
@Suite struct EvaluationPointTests {
    /// A headless group registered on 2 November, a post on 3 November, and a withholding written on 28 November.
    private func story() -> Story {
        var story = Story()
        story.add(
            "group.registered",
            day: 2,
            hour: 9,
            data: ["field": "Tài chính", "decision": "2547/QĐ-UBND"],
            content: ["name": "Nhóm 1"]
        )
        story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-1",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Dạ em nhận :))"]
        )
        story.add("ledger.content_withheld", day: 28, hour: 15, group: nil, data: ["seq": 1, "reason": "pdp-erasure"])
        story.add(
            "finding.reviewed",
            day: 29,
            hour: 8,
            data: ["finding": "R7d:post:2", "verdict": "dismissed", "reviewer": "p-9"]
        )
        return story
    }

    @Test func theOfficesOwnRecordsDoNotMoveTheEvaluationPoint() {
        let result = RuleChecker.check(story())
        #expect(result.evaluatedAt == Story.time(3, 9).unixMillis, "the last group event, not the withholding")
        #expect(RuleChecker.isRecordKeeping("ledger.content_withheld"))
        #expect(RuleChecker.isRecordKeeping("finding.reviewed"))
        #expect(!RuleChecker.isRecordKeeping("post.created"))
    }

    @Test func aLedgerOfOnlyRecordKeepingStillHasAnEvaluationPoint() {
        var story = Story()
        story.add("ledger.initialized", day: 5, hour: 9, group: nil)
        #expect(RuleChecker.check(story).evaluatedAt == Story.time(5, 9).unixMillis)
    }

    @Test func aDismissedFindingIsNotOpen() {
        let result = RuleChecker.check(story())
        let emoticon = result.findings("R7d").first
        #expect(emoticon?.review?.verdict == "dismissed")
        #expect(emoticon?.isOpen == false)
        let report = AuditReport(result: result, clock: RuleConfiguration.default.displayTime)
        let tally = report.byRule.first { $0.rule == "R7d" }?.tally
        #expect(tally?.total == 1 && tally?.open == 0 && tally?.reviewed == 1)
        let text = TextReport.render(report, .vi)
        #expect(text.contains("đã xem xét: bác bỏ"))
        #expect(!text.contains(": dismissed"))
        let html = HTMLReport.render(report, .vi)
        #expect(html.contains("đã bác bỏ"))
        let csv = String(decoding: CSVReport.render(report, .en).dropFirst(3), as: UTF8.self)
        #expect(csv.contains(",dismissed,dismissed,"))
    }
}
