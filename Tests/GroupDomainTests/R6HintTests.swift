import GroupDomain
import LedgerCore
import Testing

/// R6: review hints, never verdicts.
@Suite struct R6HintTests {
    private func hints(_ text: String) -> [Finding] {
        var story = Story.wellRun()
        story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-3",
            data: ["message": "m-1", "kind": "text"],
            content: ["text": .string(text)]
        )
        return RuleChecker.check(story).findings("R6")
    }

    @Test func socialMessagesCapitalsAndPunctuationAreHints() {
        let birthday = hints("Chúc mừng sinh nhật anh Hùng nhé")
        #expect(birthday.map(\.id) == ["R6:hint:\(Story.wellRun().records.count + 1)"])
        #expect(birthday.first?.severity == .info)
        #expect(birthday.first?.messageVI.contains("nội dung xã giao") == true)
        #expect(
            hints("ĐỀ NGHỊ CÁC ĐƠN VỊ KHẨN TRƯƠNG BÁO CÁO NGAY").first?.messageEN.contains("all in capitals") == true
        )
        #expect(hints("???").first?.messageEN.contains("punctuation only") == true)
    }

    @Test func ordinaryWorkMessagesGiveNoHint() {
        #expect(hints("Đề nghị các đơn vị báo cáo trước 16h00 ngày 05/11").isEmpty)
        #expect(hints("Gửi anh tài liệu TỐI MẬT").isEmpty, "a short stamp in capitals")
        #expect(hints("Dạ em nhận.").isEmpty)
    }
}
