import GroupDomain
import LedgerCore
import Testing

/// What happens to a post's findings afterwards: a recall or removal, a confirmation that it is classified, and a
/// withholding recorded after the audited time.
@Suite struct PostFollowUpTests {
    /// A group, a classified post (record 2, message m-1), and whatever `more` adds.
    private func story(withheld: Bool = false, _ more: (inout Story) -> Void = { _ in }) -> Story {
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
            content: ["text": "Gửi anh tài liệu TỐI MẬT"],
            withheld: withheld
        )
        more(&story)
        return story
    }

    @Test func aRecalledPostsFindingSaysSo() {
        let result = RuleChecker.check(
            story { $0.add("post.recalled", day: 3, hour: 10, actor: "a-1", data: ["message": "m-1"]) }
        )
        let finding = result.findings("R7a", "post").first
        #expect(finding?.id == "R7a:post:2", "the id stays")
        #expect(finding?.seqs == [2, 3])
        #expect(finding?.messageVI.contains("bài đã bị thu hồi, bản ghi 3") == true)
        #expect(finding?.messageEN.contains("the post was later recalled") == true)
    }

    @Test func aConfirmedClassifiedPostStillReadableIsAnOpenObligation() {
        let confirmed = story {
            $0.add(
                "finding.reviewed",
                day: 4,
                hour: 9,
                data: ["finding": "R7a:post:2", "verdict": "confirmed", "reviewer": "p-9"]
            )
        }
        let result = RuleChecker.check(confirmed)
        let obligation = result.findings("R7a", "not-withheld")
        #expect(obligation.map(\.id) == ["R7a:not-withheld:2"])
        #expect(obligation.first?.isOpen == true)
        #expect(obligation.first?.messageEN.contains("withhold --seq 2 --reason R7a-classified") == true)

        var withheld = story(withheld: true) {
            $0.add(
                "finding.reviewed",
                day: 4,
                hour: 9,
                data: ["finding": "R7a:post:2", "verdict": "confirmed", "reviewer": "p-9"]
            )
        }
        withheld.add(
            "ledger.content_withheld",
            day: 4,
            hour: 10,
            group: nil,
            data: ["seq": 2, "reason": "R7a-classified"]
        )
        #expect(RuleChecker.check(withheld).findings("R7a", "not-withheld").isEmpty)
    }

    @Test func aWithholdingAfterTheAuditedTimeStillCounts() {
        var full = story(withheld: true)
        full.add(
            "ledger.content_withheld",
            day: 28,
            hour: 15,
            group: nil,
            data: ["seq": 2, "reason": "R7a-classified"]
        )
        var checker = RuleChecker(configuration: .default)
        for record in full.records {
            if record.event.time.unixMillis <= Story.time(10, 0).unixMillis {
                checker.apply(record)
            } else {
                checker.noteLater(record)
            }
        }
        let result = checker.result()
        #expect(result.findings("R7a").map(\.seqs) == [[2, 3]])
        #expect(result.withheldPosts.first?.withholding?.reason == "R7a-classified")
        #expect(result.evaluatedAt == Story.time(3, 9).unixMillis)
    }
}
