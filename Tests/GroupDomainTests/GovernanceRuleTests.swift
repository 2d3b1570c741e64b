import GroupDomain
import LedgerCore
import Testing

/// R1 (a head) and R3 (exactly one admin, assigned by the head).
@Suite struct GovernanceRuleTests {
    @Test func aWellRunGroupHasNoGovernanceFindings() {
        let result = RuleChecker.check(Story.wellRun(), at: Story.time(30, 12).unixMillis)
        #expect(result.findings("R1").isEmpty)
        #expect(result.findings("R3").isEmpty)
    }

    @Test func r1FiresForAGroupWithoutHead() throws {
        var story = Story()
        let registered = story.add(
            "group.registered",
            day: 2,
            hour: 9,
            data: ["field": "Y tế", "decision": "2547/QĐ-UBND"]
        )
        let finding = try #require(RuleChecker.check(story, at: Story.time(10, 9).unixMillis).findings("R1").first)
        #expect(finding.id == "R1:no-head:\(registered)")
        #expect(finding.group == "g-1")
        #expect(finding.seqs == [registered])
        #expect(finding.severity == .high)
        #expect(finding.resolved == nil)
        #expect(finding.messageVI.contains("không có Trưởng Nhóm"))
        #expect(finding.messageEN.contains("had no head"))
    }

    @Test func r1WaitsForItsGracePeriodAndReportsAResolvedBreach() throws {
        var story = Story()
        story.add("group.registered", day: 2, hour: 9, data: ["field": "Y tế", "decision": "2547/QĐ-UBND"])
        #expect(RuleChecker.check(story, at: Story.time(4, 8).unixMillis).findings("R1").isEmpty)
        let head = story.add("head.assigned", day: 8, hour: 9, data: ["person": "p-1"])
        let finding = try #require(RuleChecker.check(story, at: Story.time(30, 9).unixMillis).findings("R1").first)
        #expect(finding.resolved?.seq == head)
    }

    @Test func r3FiresForTwoAdminsAndNotForAShortHandOver() throws {
        var story = Story.wellRun()
        let second = story.add("admin.assigned", day: 5, hour: 8, data: ["person": "p-3", "assigned_by": "p-1"])
        story.add("admin.unassigned", day: 5, hour: 10, data: ["person": "p-2", "by": "p-1"])
        #expect(RuleChecker.check(story, at: Story.time(30, 9).unixMillis).findings("R3").isEmpty)
        let third = story.add("admin.assigned", day: 6, hour: 8, data: ["person": "p-4", "assigned_by": "p-1"])
        let finding = try #require(
            RuleChecker.check(story, at: Story.time(30, 9).unixMillis).findings("R3", "two-admins").first
        )
        #expect(finding.seqs == [second, third])
        #expect(finding.id == "R3:two-admins:\(second)-\(third)")
        #expect(
            finding.messageEN.contains(
                "2 admins at once (p-3 Người 3 (Chuyên viên, Sở Tài chính), p-4 Người 4 (Chuyên viên, Sở Tài chính))"
            ),
            "people are named from person.registered"
        )
    }

    @Test func r3FiresForNoAdmin() throws {
        var story = Story()
        let registered = story.add(
            "group.registered",
            day: 2,
            hour: 9,
            data: ["field": "Y tế", "decision": "2547/QĐ-UBND"]
        )
        story.add("head.assigned", day: 2, hour: 9, data: ["person": "p-1"])
        let finding = try #require(
            RuleChecker.check(story, at: Story.time(9, 9).unixMillis).findings("R3", "no-admin").first
        )
        #expect(finding.seqs == [registered])
    }

    @Test func r3FiresForAnAdminNotAssignedByTheHead() throws {
        var story = Story()
        story.add("group.registered", day: 2, hour: 9, data: ["field": "Y tế", "decision": "2547/QĐ-UBND"])
        let head = story.add("head.assigned", day: 2, hour: 9, data: ["person": "p-1"])
        let admin = story.add("admin.assigned", day: 2, hour: 9, data: ["person": "p-2", "assigned_by": "p-7"])
        let finding = try #require(RuleChecker.check(story).findings("R3", "not-by-head").first)
        #expect(finding.seqs == [admin, head])
        #expect(finding.subject == "p-2")
        #expect(finding.severity == .medium)
        // Re-assigned by the head: the finding stays, resolved.
        let fixed = story.add("admin.assigned", day: 3, hour: 9, data: ["person": "p-2", "assigned_by": "p-1"])
        let findings = RuleChecker.check(story).findings("R3", "not-by-head")
        #expect(findings.count == 1)
        #expect(findings.first?.resolved?.seq == fixed)
    }

    @Test func anAdminAssignedBeforeTheHeadIsJudgedAgainstThatHead() {
        var story = Story()
        story.add("group.registered", day: 2, hour: 9, data: ["field": "Y tế", "decision": "2547/QĐ-UBND"])
        story.add("admin.assigned", day: 2, hour: 9, data: ["person": "p-2", "assigned_by": "p-1"])
        story.add("head.assigned", day: 2, hour: 10, data: ["person": "p-1"])
        #expect(RuleChecker.check(story).findings("R3", "not-by-head").isEmpty)
        var other = Story()
        other.add("group.registered", day: 2, hour: 9, data: ["field": "Y tế", "decision": "2547/QĐ-UBND"])
        other.add("admin.assigned", day: 2, hour: 9, data: ["person": "p-2", "assigned_by": "p-9"])
        other.add("head.assigned", day: 2, hour: 10, data: ["person": "p-1"])
        #expect(RuleChecker.check(other).findings("R3", "not-by-head").count == 1)
    }
}
