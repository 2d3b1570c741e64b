import GroupDomain
import LedgerCore
import Testing

/// R2: due times read from a candidate's text, directives issued by someone other than the head, and candidates
/// nobody confirms.
@Suite struct R2DirectiveTests {
    private let posted = Timestamp("2026-11-03T09:00:00+07:00")!

    private func due(_ text: String) -> String? { DeadlineReader.due(in: text, postedAt: posted)?.text }

    @Test(arguments: [
        ("Đề nghị các Sở báo cáo trước 16h00 ngày 05/11/2026", "2026-11-05T16:00:00+07:00"),
        ("Yêu cầu hoàn thành chậm nhất 9 giờ 30 ngày 4/11", "2026-11-04T09:30:00+07:00"),
        ("Giao Sở Y tế chủ trì, báo cáo trước ngày 10/11", "2026-11-10T17:00:00+07:00"),
        ("Đề nghị gửi số liệu trước 15:30", "2026-11-03T15:30:00+07:00"),
        ("Đề nghị gửi số liệu trước 8h", "2026-11-04T08:00:00+07:00"),
        ("Đề nghị báo cáo trong ngày", "2026-11-03T23:59:00+07:00"),
        ("Yêu cầu báo cáo trước 05/01", "2027-01-05T17:00:00+07:00"),
    ])
    func dueTimesAreRead(_ text: String, _ expected: String) {
        #expect(due(text) == expected)
    }

    @Test func textsWithoutADueTime() {
        #expect(due("Đề nghị các đồng chí nghiên cứu") == nil)
        #expect(due("Theo Quyết định 2547/QĐ-UBND") == nil, "a document number is no date")
        #expect(due("trước ngày 31/02") == nil, "no such date")
    }

    /// A well-run group whose head posts a directive-like message on the 3rd.
    private func story() -> Story {
        var story = Story.wellRun()
        story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-1",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": "Đề nghị Sở Tài chính báo cáo trước 16h00 ngày 05/11/2026"]
        )
        return story
    }

    @Test func aCandidateShowsItsTextAndDueTime() throws {
        let candidate = try #require(RuleChecker.check(story(), at: Story.time(3, 10).unixMillis).candidates.first)
        #expect(candidate.text == "Đề nghị Sở Tài chính báo cáo trước 16h00 ngày 05/11/2026")
        #expect(candidate.due?.text == "2026-11-05T16:00:00+07:00")
    }

    @Test func anUnconfirmedCandidateBecomesAFindingAfterItsWindow() {
        #expect(RuleChecker.check(story(), at: Story.time(4, 9).unixMillis).findings("R2").isEmpty, "24 h < 48 h")
        let late = RuleChecker.check(story(), at: Story.time(6, 9).unixMillis).findings("R2", "unconfirmed")
        #expect(late.map(\.id) == ["R2:unconfirmed:\(story().records.count):p-1"])
        var confirmed = story()
        confirmed.add(
            "directive.issued",
            day: 3,
            hour: 9,
            data: [
                "directive": "CD-1", "issuer": "p-1", "assignees": ["p-3"], "due": "2026-11-05T16:00:00+07:00",
                "source_message": "m-1", "confirmed_by": "p-2",
            ]
        )
        #expect(RuleChecker.check(confirmed, at: Story.time(6, 9).unixMillis).findings("R2").isEmpty)
    }

    @Test func aDirectiveIssuedBySomeoneOtherThanTheHeadIsAFinding() {
        var story = Story.wellRun()
        story.add(
            "directive.issued",
            day: 3,
            hour: 9,
            data: ["directive": "CD-2", "issuer": "p-3", "assignees": ["p-4"], "due": "2026-11-05T16:00:00+07:00"]
        )
        let findings = RuleChecker.check(story, at: Story.time(4, 9).unixMillis).findings("R2", "issuer-not-head")
        #expect(findings.map(\.subject) == ["p-3"])
        #expect(findings.first?.messageVI.contains("do p-3 Người 3 (Chuyên viên, Sở Tài chính) ban hành") == true)
        #expect(
            findings.first?.messageVI.contains("không phải Trưởng Nhóm (p-1 Người 1 (Phó Chủ tịch, UBND tỉnh))") == true
        )
    }
}
