import GroupDomain
import Testing

/// Inputs built to break a matcher: huge, repetitive, full of emoji, controls and bidi overrides.
@Suite struct TextHostileInputTests {
    @Test func tenThousandEmojiAreTenThousandMatches() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let text = String(repeating: family, count: 10_000)
        let found = TextTest.matcher.matches(in: text)
        #expect(found.count == 10_000)
        #expect(found.allSatisfy { $0.kind == .emoji && $0.utf16Range.count == 8 })
        #expect(found.last?.utf8Range.upperBound == text.utf8.count)
        let mixed = String(repeating: "👍🏽1️⃣🇻🇳❤️a ", count: 2_500)
        #expect(TextTest.matcher.matches(in: mixed).filter { $0.kind == .emoji }.count == 10_000)
    }

    @Test func longTextsFinish() {
        let post = "Gửi tài liệu TỐI MẬT, mật khẩu 123, xem abc.com.vn/x :)) Cần bán gấp giá 250k LH 0905123456. "
        let long = String(repeating: post, count: 2_000)  // about 200 KB
        let found = TextTest.matcher.matches(in: long)
        #expect(found.filter { $0.rule == .r7a }.count == 2_000)
        #expect(found.filter { $0.rule == .r7b }.count == 2_000)
        #expect(found.filter { $0.rule == .r7e }.count == 1)
        #expect(found.first { $0.rule == .r7e }?.signals.count == 2_000 * 5)
    }

    @Test func pathologicalRunsFinish() {
        let texts = [
            String(repeating: "a.", count: 100_000),
            String(repeating: "a-", count: 100_000),
            "http://a.com/" + String(repeating: ")", count: 100_000),
            "http://" + String(repeating: "a", count: 200_000),
            String(repeating: "http://", count: 30_000),
            String(repeating: ":", count: 100_000) + String(repeating: ")", count: 100_000),
            String(repeating: "0", count: 100_000),
            String(repeating: "0905 ", count: 40_000),
            String(repeating: "1.", count: 100_000) + "k",
            String(repeating: "mật ", count: 50_000),
            String(repeating: "\u{0301}", count: 10_000),
            "M" + String(repeating: "\u{0323}", count: 10_000) + "T",
            String(repeating: "\u{200B}", count: 100_000),
            String(repeating: "🇻", count: 10_001),
        ]
        for text in texts {
            let found = TextTest.run(text)
            #expect(found.count <= text.unicodeScalars.count)
        }
    }

    @Test func bidiOverridesAndControlsDoNotHideOrBreakMatches() {
        let text = "\u{202E}TỐI MẬT\u{202C} và \u{2066}đ\u{200B}é\u{00AD}o\u{2069}\u{0000}\u{FEFF}"
        let found = TextTest.both(text)
        #expect(found.map(\.rule) == [.r7a, .r7d])
        #expect(found.map(\.term) == ["TỐI MẬT", "đéo"])
        let spoof = "https://evil.com\u{202E}nv.vog\u{202C}"  // shows as "https://evil.comgov.vn"
        #expect(TextTest.both(spoof).map(\.term) == ["evil.com"])
    }
}
