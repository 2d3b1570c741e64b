import GroupDomain
import LedgerCore
import Testing

/// R9: every assignee acknowledges a directive in time and reports progress by its due time.
@Suite struct DirectiveRuleTests {
    /// The head's post `m-1` on 3 Nov 08:00 and directive `d-1` to p-3 and p-4, due 5 Nov 16:00.
    private func issued() -> (story: Story, issued: UInt64, post: UInt64) {
        var story = Story.wellRun()
        let post = story.add(
            "post.created",
            day: 3,
            hour: 8,
            actor: "a-1",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Đề nghị các đồng chí báo cáo trước 16h00 ngày 05/11."]
        )
        let issued = story.add(
            "directive.issued",
            day: 3,
            hour: 9,
            actor: "p-2",
            data: [
                "directive": "d-1", "issuer": "p-1", "assignees": ["p-3", "p-4"], "due": "2026-11-05T16:00:00+07:00",
                "source_message": "m-1", "confirmed_by": "p-2",
            ]
        )
        return (story, issued, post)
    }

    private let afterDue = Story.time(6, 9).unixMillis

    @Test func silenceFiresNoAcknowledgementPerAssignee() throws {
        let (story, issued, post) = issued()
        let findings = RuleChecker.check(story, at: afterDue).findings("R9")
        #expect(findings.map(\.check) == ["no-acknowledgement", "no-acknowledgement"])
        #expect(Set(findings.compactMap(\.subject)) == ["p-3", "p-4"])
        #expect(findings.allSatisfy { $0.seqs == [issued, post] && $0.captureGaps.isEmpty })
        #expect(findings.first?.id == "R9:no-acknowledgement:\(issued):p-3")
        // Before the acknowledgement deadline (24 h after the post) nothing is due yet.
        #expect(RuleChecker.check(story, at: Story.time(4, 7).unixMillis).findings("R9").isEmpty)
    }

    @Test func answersInTimeAreNoFinding() {
        var (story, _, _) = issued()
        story.add("directive.acknowledged", day: 3, hour: 10, data: ["directive": "d-1", "assignee": "p-3"])
        story.add("directive.progress_reported", day: 5, hour: 10, data: ["directive": "d-1", "assignee": "p-3"])
        // p-4 answers by quoting the directive's post, and completes it.
        story.add(
            "post.created",
            day: 3,
            hour: 11,
            actor: "a-4",
            data: ["message": "m-2", "kind": "text", "quote": "m-1"],
            content: ["text": "Đã nhận"]
        )
        story.add("directive.completed", day: 5, hour: 15, data: ["directive": "d-1", "assignee": "p-4"])
        let result = RuleChecker.check(story, at: afterDue)
        #expect(result.findings("R9").isEmpty)
        #expect(result.directives.map(\.acknowledgement?.evidence) == [.recorded, .reply])
        #expect(result.directives.allSatisfy { !$0.overdue })
    }

    @Test func aReactionAcknowledgesUnlessConfiguredOff() {
        var (story, _, _) = issued()
        story.add("reaction.added", day: 3, hour: 10, actor: "a-3", data: ["message": "m-1", "icon": "/-strong"])
        story.add("reaction.added", day: 3, hour: 10, actor: "a-4", data: ["message": "m-1", "icon": "/-strong"])
        let acknowledged = RuleChecker.check(story, at: afterDue).findings("R9")
        #expect(acknowledged.map(\.check) == ["no-progress", "no-progress"])
        var strict = RuleConfiguration.default
        strict.reactionAcknowledges = false
        #expect(
            RuleChecker.check(story, configuration: strict, at: afterDue).findings("R9", "no-acknowledgement").count
                == 2
        )
    }

    @Test func aLateAcknowledgementStillFiresAndCitesTheAnswer() throws {
        var (story, issued, post) = issued()
        let late = story.add("directive.acknowledged", day: 4, hour: 15, data: ["directive": "d-1", "assignee": "p-3"])
        let findings = RuleChecker.check(story, at: afterDue).findings("R9").filter { $0.subject == "p-3" }
        let noAck = try #require(findings.first { $0.check == "no-acknowledgement" })
        #expect(noAck.seqs == [issued, post, late])
        #expect(noAck.id == "R9:no-acknowledgement:\(issued):p-3")
        #expect(findings.contains { $0.check == "no-progress" })
    }

    @Test func aCancelledDirectiveIsNoFinding() {
        var (story, _, _) = issued()
        story.add("directive.cancelled", day: 3, hour: 12, data: ["directive": "d-1", "by": "p-1"])
        let result = RuleChecker.check(story, at: afterDue)
        #expect(result.findings("R9").isEmpty)
        #expect(result.directives.allSatisfy { $0.status == .cancelled && !$0.overdue })
    }

    @Test func aCaptureGapOverTheWindowIsAnnotated() throws {
        var (story, _, _) = issued()
        story.add("capture.stopped", day: 4, hour: 8, actor: "c", group: nil, data: ["account": "c", "code": 3000])
        story.add("capture.started", day: 4, hour: 20, actor: "c", group: nil, data: ["account": "c"])
        let finding = try #require(RuleChecker.check(story, at: afterDue).findings("R9").first)
        #expect(finding.captureGaps.count == 1)
        #expect(finding.messageEN.contains("“no reply seen” is not necessarily “no reply”"))
        #expect(finding.messageVI.contains("“không thấy phản hồi” chưa chắc là “không phản hồi”"))
        let rows = RuleChecker.check(story, at: afterDue).directives
        #expect(rows.allSatisfy { $0.gaps.count == 1 && $0.overdue })
    }
}
