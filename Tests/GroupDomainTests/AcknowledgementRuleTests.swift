import GroupDomain
import LedgerCore
import Testing

/// R5: every member acknowledges the rules.
@Suite struct AcknowledgementRuleTests {
    private func story(acknowledging: Bool) -> (Story, UInt64) {
        var story = Story.wellRun(members: 2)
        story.add(
            "person.registered",
            day: 2,
            hour: 8,
            group: nil,
            data: ["person": "p-3", "position": "x", "unit": "y"]
        )
        story.add("account.bound", day: 2, hour: 8, group: nil, data: ["person": "p-3", "account": "a-3"])
        let joined = story.add(
            "member.joined",
            day: 3,
            hour: 8,
            actor: "a-1",
            data: ["accounts": ["a-3"], "added_by": "a-1"]
        )
        if acknowledging {
            story.add("rules.acknowledged", day: 4, hour: 8, data: ["person": "p-3", "rulebook": "2547/QĐ-UBND"])
        }
        return (story, joined)
    }

    @Test func aMemberWithoutAcknowledgementIsListedAfterTheWindow() throws {
        let (story, joined) = story(acknowledging: false)
        #expect(RuleChecker.check(story, at: Story.time(5, 8).unixMillis).findings("R5").isEmpty)
        let finding = try #require(RuleChecker.check(story, at: Story.time(20, 8).unixMillis).findings("R5").first)
        #expect(finding.subject == "p-3")
        #expect(finding.seqs == [joined])
        #expect(finding.id == "R5:no-acknowledgement:\(joined):p-3")
        #expect(finding.severity == .low)
    }

    @Test func anAcknowledgedMemberIsNotListed() {
        let (story, _) = story(acknowledging: true)
        #expect(RuleChecker.check(story, at: Story.time(20, 8).unixMillis).findings("R5").isEmpty)
    }

    @Test func aMemberWhoLeftIsNotListed() {
        var (story, _) = story(acknowledging: false)
        story.add("member.left", day: 5, hour: 8, actor: "a-3", data: ["accounts": ["a-3"]])
        #expect(RuleChecker.check(story, at: Story.time(20, 8).unixMillis).findings("R5").isEmpty)
    }
}
