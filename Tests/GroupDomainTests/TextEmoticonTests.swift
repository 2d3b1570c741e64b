import GroupDomain
import Testing

/// R7d: the text emoticons that Zalo's clients convert, and the look-alikes that ``MatchConfiguration/emoticonGuards``
/// leaves out. Every case runs in NFC and NFD.
@Suite struct TextEmoticonTests {
    private func emoticons(_ text: String, _ matcher: TextMatcher = TextTest.matcher) -> [String] {
        TextTest.both(.r7d, text, matcher).filter { $0.kind == .emoticon }.map(\.text)
    }

    static let zaloCodes = [
        ":~", ":b", ":')", ":-((", ":$", ":z", ":((", "&-(", ":-h", ":p", ":d", ":o", ":(", ";-)", "--b", ":))",
        ":-*", ";p", ";-d", "/-showlove", ";d", ";o", ";g", "|-)", ":!", ":l", ":>", ":;", ";f", ":v", ":wipe",
        ":-dig", ":handclap", "b-)", ":-r", ":-<", ":-o", ";-s", ";?", ";-x", ":-f", "8*", ";!", ";-!", ";xx",
        ":-bye", ">-|", "p-(", ":--|", ":q", "x-)", ":|", ":x", ":t", ";-/", ":-l", "$-)", "/-beer", "/-coffee",
        "/-rose", "/-fade", "/-bd", "/-bome", "/-cake", "/-heart", "/-break", "/-shit", "/-li", "/-flag",
        "/-strong", "/-weak", "/-ok", "/-v", "/-thanks", "/-punch", "/-share", "_()_", "/-no", "/-bad", "/-loveu",
    ]

    @Test(arguments: zaloCodes)
    func zaloTextEmoticonsAreFound(_ code: String) {
        #expect(emoticons("Dạ em nhận \(code)") == [code])
        #expect(emoticons("\(code) cảm ơn anh") == [code])
        #expect(emoticons(code) == [code])
    }

    @Test func lookAlikesAreLeftOut() {
        #expect(emoticons("Địa chỉ:P.Tân Lợi, TP Buôn Ma Thuột") == [], "ward abbreviation after a colon")
        #expect(emoticons("Người nhận:T.Hùng, Đ/c:X.Hòa Phú") == [])
        #expect(emoticons("tỷ lệ hộ nghèo <3%, trẻ em <3 tuổi, nợ xấu <3,5") == [], "less than before a number")
        #expect(emoticons("điều kiện x<3 và a<3b") == [], "a comparison between letters")
        #expect(emoticons("Lưu tại D:\\Bao cao\\XD\\2026 và ổ (D:)") == [], "a Windows path")
        #expect(emoticons("Sở XD đã gửi văn bản, phòng Xd nhận") == [], "XD is xây dựng")
    }

    @Test func realEmoticonsNextToTheLookAlikesStay() {
        #expect(emoticons("Em cảm ơn anh <3") == ["<3"])
        #expect(emoticons("vui quá :D. Mai gặp") == [":D"])
        #expect(emoticons("hihi xD") == ["xD"])
        #expect(emoticons("<3 <3") == ["<3", "<3"])
    }

    @Test func withoutGuardsTheLookAlikesMatch() {
        var configuration = MatchConfiguration.default
        configuration.emoticonGuards = false
        let matcher = TextMatcher(configuration: configuration)
        #expect(emoticons("Địa chỉ:P.Tân Lợi", matcher) == [":P"])
        #expect(emoticons("Sở XD", matcher) == ["XD"])
        #expect(emoticons("trẻ em <3 tuổi", matcher) == ["<3"])
    }
}
