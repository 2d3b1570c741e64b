import GroupDomain
import LedgerCore
import Testing

/// R4: an account change is reported through the admin and approved by the head before the new account is used.
@Suite struct AccountRuleTests {
    private func change(_ story: inout Story, report: Bool, approve: Bool, day: Int = 5) {
        if report {
            story.add(
                "account.change_reported",
                day: day,
                hour: 8,
                data: ["person": "p-3", "old_account": "a-3", "new_account": "b-3", "reported_via": "p-2"]
            )
        }
        if approve {
            story.add(
                "account.change_approved",
                day: day,
                hour: 9,
                data: ["person": "p-3", "new_account": "b-3", "approved_by": "p-1"]
            )
        }
    }

    @Test func aChangeDoneRightIsNoFinding() {
        var story = Story.wellRun()
        change(&story, report: true, approve: true)
        story.add("account.bound", day: 5, hour: 10, group: nil, data: ["person": "p-3", "account": "b-3"])
        story.add("member.joined", day: 5, hour: 11, actor: "a-2", data: ["accounts": ["b-3"], "added_by": "a-2"])
        story.add(
            "post.created",
            day: 5,
            hour: 12,
            actor: "b-3",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Chào"]
        )
        #expect(RuleChecker.check(story).findings("R4").isEmpty)
    }

    @Test(arguments: [(false, false), (true, false), (false, true)])
    func aSwitchWithoutReportAndApprovalFires(_ report: Bool, _ approve: Bool) throws {
        var story = Story.wellRun()
        change(&story, report: report, approve: approve)
        let bound = story.add("account.bound", day: 5, hour: 10, group: nil, data: ["person": "p-3", "account": "b-3"])
        let joined = story.add(
            "member.joined",
            day: 5,
            hour: 11,
            actor: "b-3",
            data: ["accounts": ["b-3"], "via": "link"]
        )
        let finding = try #require(RuleChecker.check(story).findings("R4", "unreported-switch").first)
        #expect(finding.id == "R4:unreported-switch:\(joined):b-3")
        #expect(finding.seqs.prefix(2) == [joined, bound])
        #expect(finding.severity == .high)
        #expect(finding.messageEN.contains(report ? "reported (record" : "never reported"))
        #expect(finding.messageEN.contains(approve ? "approved (record" : "never approved"))
    }

    /// The account posts first; the office binds it later and only then hears of the change.
    @Test func aReportAfterTheAccountActedIsTooLate() throws {
        var story = Story.wellRun()
        let posted = story.add(
            "post.created",
            day: 4,
            hour: 9,
            actor: "b-3",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Số mới"]
        )
        change(&story, report: true, approve: true, day: 6)
        story.add("account.bound", day: 6, hour: 10, group: nil, data: ["person": "p-3", "account": "b-3"])
        let finding = try #require(RuleChecker.check(story).findings("R4", "unreported-switch").first)
        #expect(finding.seqs.first == posted)
        #expect(finding.messageEN.contains("reported only afterwards"))
        #expect(finding.messageVI.contains("chỉ báo cáo sau đó"))
    }

    @Test func anUnboundAccountFiresUnlessConfiguredOff() throws {
        var story = Story.wellRun()
        let joined = story.add(
            "member.joined",
            day: 5,
            hour: 11,
            actor: "x-9",
            data: ["accounts": ["x-9"], "via": "link"]
        )
        let finding = try #require(RuleChecker.check(story).findings("R4", "unbound-account").first)
        #expect(finding.seqs == [joined])
        #expect(finding.severity == .low)
        var quiet = RuleConfiguration.default
        quiet.flagUnboundAccounts = false
        #expect(RuleChecker.check(story, configuration: quiet).findings("R4").isEmpty)
    }

    @Test func aReportNotThroughTheAdminOrAnApprovalNotByTheHeadFires() {
        var story = Story.wellRun()
        story.add(
            "account.change_reported",
            day: 5,
            hour: 8,
            data: ["person": "p-3", "old_account": "a-3", "new_account": "b-3", "reported_via": "p-4"]
        )
        story.add(
            "account.change_approved",
            day: 5,
            hour: 9,
            data: ["person": "p-3", "new_account": "b-3", "approved_by": "p-2"]
        )
        let result = RuleChecker.check(story)
        #expect(result.findings("R4", "not-via-admin").count == 1)
        #expect(result.findings("R4", "not-approved-by-head").count == 1)
    }
}
