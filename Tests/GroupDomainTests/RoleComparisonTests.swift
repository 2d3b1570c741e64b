import GroupDomain
import LedgerCore
import Testing

/// Policy roles against the platform (R1, R3): a head or admin who is not in the group, a platform admin nobody
/// assigned, a head who is no provincial leader.
@Suite struct RoleComparisonTests {
    private func check(_ story: Story) -> AuditResult { RuleChecker.check(story, at: Story.time(30, 12).unixMillis) }

    @Test func aHeadWhoLeftTheGroupIsAFinding() throws {
        var story = Story.wellRun()
        let left = story.add("member.left", day: 5, hour: 9, actor: "a-1", data: ["accounts": ["a-1"]])
        let finding = try #require(check(story).findings("R1", "head-not-member").first)
        #expect(finding.id == "R1:head-not-member:\(left):p-1")
        #expect(finding.subject == "p-1")
        #expect(finding.resolved == nil)
        let back = story.add("member.joined", day: 8, hour: 12, actor: "a-2", data: ["accounts": ["a-1"]])
        let ended = try #require(check(story).findings("R1", "head-not-member").first)
        #expect(ended.resolved?.seq == back, "three days out: reported, and ended by the rejoin")
    }

    @Test func aShortAbsenceIsWithinTheGracePeriod() {
        var story = Story.wellRun()
        story.add("member.left", day: 5, hour: 9, actor: "a-1", data: ["accounts": ["a-1"]])
        story.add("member.joined", day: 5, hour: 12, actor: "a-2", data: ["accounts": ["a-1"]])
        #expect(check(story).findings("R1", "head-not-member").isEmpty)
    }

    @Test func anAssignedAdminWhoIsNotAMemberIsAFinding() {
        var story = Story.wellRun()
        story.add("member.removed", day: 6, hour: 9, data: ["accounts": ["a-2"], "by": "a-1"])
        #expect(check(story).findings("R3", "admin-not-member").map(\.subject) == ["p-2"])
    }

    @Test func aPlatformAdminNobodyAssignedIsAFinding() {
        var story = Story.wellRun()
        story.add("group.admin_added", day: 6, hour: 9, data: ["accounts": ["a-2", "a-3"], "by": "a-1"])
        #expect(check(story).findings("R3", "platform-admin-unassigned").map(\.subject) == ["a-3"])
        story.add("deputy.assigned", day: 6, hour: 10, data: ["person": "p-3"])
        #expect(check(story).findings("R3", "platform-admin-unassigned").isEmpty, "a deputy head may be one")
    }

    @Test func aHeadWhoIsNoProvincialLeaderIsAFinding() {
        var story = Story.wellRun()
        story.add("head.assigned", day: 6, hour: 9, data: ["person": "p-3"])
        let findings = check(story).findings("R1", "head-not-leader")
        #expect(findings.map(\.subject) == ["p-3"])
        #expect(findings.first?.messageVI.contains("không phải lãnh đạo UBND tỉnh") == true)
        #expect(check(Story.wellRun()).findings("R1").isEmpty)
    }

    /// Registers p-1 (the head of g-1, whose field is "Tài chính") again, with the fields given.
    private func headInCharge(of fields: [String], day: Int = 3) -> Story {
        var story = Story.wellRun()
        story.add(
            "person.registered",
            day: day,
            hour: 8,
            group: nil,
            data: [
                "person": "p-1", "position": "Phó Chủ tịch", "unit": "UBND tỉnh",
                "fields": .array(fields.map { .string($0) }),
            ],
            content: ["full_name": "Người 1"]
        )
        return story
    }

    @Test func aHeadInChargeOfAnotherFieldIsAFinding() throws {
        let findings = check(headInCharge(of: ["Giáo dục và Đào tạo", "Y tế"])).findings("R1", "head-not-in-charge")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.subject == "p-1")
        #expect(finding.messageVI.contains("p-1 Người 1 (Phó Chủ tịch, UBND tỉnh)"), "\(finding.messageVI)")
        #expect(finding.messageVI.contains("lĩnh vực “Tài chính”"), "\(finding.messageVI)")
        #expect(finding.messageEN.contains("in charge of “Giáo dục và Đào tạo; Y tế”"), "\(finding.messageEN)")
    }

    @Test func aHeadInChargeOfTheFieldOrWithoutRecordedFieldsIsNoFinding() {
        #expect(
            check(headInCharge(of: ["Tài chính - Ngân sách", "Y tế"])).findings("R1", "head-not-in-charge").isEmpty
        )
        #expect(check(headInCharge(of: ["tài chính"])).findings("R1", "head-not-in-charge").isEmpty, "case is ignored")
        #expect(check(Story.wellRun()).findings("R1", "head-not-in-charge").isEmpty, "no fields: no judgement")
    }

    @Test func fieldsRecordedBeforeTheHeadIsAssignedCountToo() {
        var story = Story.wellRun()
        story.add(
            "person.registered",
            day: 3,
            hour: 8,
            group: nil,
            data: ["person": "p-3", "position": "Phó Chủ tịch", "unit": "UBND tỉnh", "fields": ["Y tế"]]
        )
        story.add("head.assigned", day: 4, hour: 9, data: ["person": "p-3"])
        #expect(check(story).findings("R1", "head-not-in-charge").map(\.subject) == ["p-3"])
    }
}

/// R4: the Official Account's own posts are not an unregistered member's account.
@Suite struct OfficialAccountPostTests {
    private func unbound(sourceKind: String) -> [Finding] {
        var story = Story.wellRun()
        story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "oa-2468013579",
            data: ["message": "m-1", "kind": "text", "source_kind": .string(sourceKind)],
            content: ["text": "Thông báo lịch họp"]
        )
        return RuleChecker.check(story).findings("R4", "unbound-account")
    }

    @Test func theOfficialAccountsOwnPostsAreNotFlagged() {
        #expect(unbound(sourceKind: "oa_send_group_text").isEmpty)
        #expect(unbound(sourceKind: "user_send_group_text").map(\.subject) == ["oa-2468013579"])
    }
}
