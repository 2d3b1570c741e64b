import GroupDomain
import Testing

/// R7d: emoji by Unicode properties on grapheme clusters, and ASCII emoticons as whole tokens.
@Suite struct TextEmojiTests {
    private func emoji(_ text: String, _ matcher: TextMatcher = TextTest.matcher) -> [String] {
        TextTest.both(.r7d, text, matcher).filter { $0.kind == .emoji }.map(\.text)
    }

    private func emoticons(_ text: String) -> [TextTest.Signature] {
        TextTest.both(.r7d, text).filter { $0.kind == .emoticon }
    }

    @Test func emojiAreFound() {
        #expect(emoji("Tốt lắm 👍") == ["👍"])
        #expect(emoji("👍👍👍") == ["👍", "👍", "👍"])
        #expect(emoji("tốt👍lắm 😂") == ["👍", "😂"])
    }

    @Test func sequencesAreOneEmojiEach() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(emoji("Gia đình \(family) vui") == [family])
        #expect(emoji("👍🏽") == ["👍🏽"], "skin tone")
        #expect(emoji("🇻🇳🇻🇳") == ["🇻🇳", "🇻🇳"], "flags")
        #expect(emoji("1\u{FE0F}\u{20E3} #\u{FE0F}\u{20E3}") == ["1\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}"], "keycaps")
        #expect(emoji("❤\u{FE0F}\u{200D}🔥") == ["❤\u{FE0F}\u{200D}🔥"])
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(emoji(scotland) == [scotland], "tag sequence")
        let found = TextTest.run("A \(family)!").filter { $0.kind == .emoji }
        #expect(found.map(\.utf16Range) == [2..<10], "a ZWJ family is 8 UTF-16 units")
        #expect(found.map(\.utf8Range) == [2..<20])
    }

    @Test func textStyleCharactersAreNotEmojiUnlessAskedFor() {
        #expect(emoji("Mục 1, #2, *3, © 2021 UBND™ ®, ✔ xong ➡ tiếp") == [])
        #expect(emoji("keycap 1\u{FE0F}\u{20E3} vs bare 1") == ["1\u{FE0F}\u{20E3}"])
        #expect(emoji("©\u{FE0F} ™\u{FE0F} ✔\u{FE0F}") == ["©\u{FE0F}", "™\u{FE0F}", "✔\u{FE0F}"])
        #expect(emoji("❤ ☺ ❤\u{FE0F}") == ["❤", "☺", "❤\u{FE0F}"], "alwaysCount")
    }

    @Test func textStyleCharactersCanBeSwitchedOn() {
        var configuration = MatchConfiguration.default
        configuration.emoji.countBareDigitsAndSigns = true
        configuration.emoji.countTextStyleSymbols = true
        configuration.emoji.alwaysCount = []
        let matcher = TextMatcher(configuration: configuration)
        #expect(emoji("1 # © ✔ a", matcher) == ["1", "#", "©", "✔"])
        var none = MatchConfiguration.default
        none.emoji.alwaysCount = []
        #expect(emoji("❤ ☺", TextMatcher(configuration: none)) == [])
    }

    @Test func emoticonsAreFoundAsWholeTokens() {
        func emoticon(_ text: String, _ term: String) -> TextTest.Signature {
            TextTest.sig(.r7d, .emoticon, text, term: term)
        }
        #expect(emoticons("Vâng ạ :))") == [emoticon(":))", ":))")])
        #expect(emoticons("hay quá =)))))") == [emoticon("=)))))", "=))")])
        #expect(emoticons("/-strong /-heart") == [emoticon("/-strong", "/-strong"), emoticon("/-heart", "/-heart")])
        #expect(emoticons("được rồi:)) anh") == [emoticon(":))", ":))")])
        #expect(
            emoticons(":D :-) <3 _()_ ^^") == [
                emoticon(":D", ":D"), emoticon(":-)", ":-)"), emoticon("<3", "<3"), emoticon("_()_", "_()_"),
                emoticon("^^", "^^"),
            ]
        )
        #expect(emoticons("(cười :d)") == [emoticon(":d", ":D")], "any case")
        #expect(emoticons("xin lỗi :-((") == [emoticon(":-((", ":-((")], "longest wins")
    }

    @Test func emoticonLookalikesAreNotEmoticons() {
        #expect(emoticons("họp lúc 10:30, tỷ lệ 2:3, 8-) nội dung") == [])
        #expect(emoticons("Ghi chú:Dự án, maxDuration, max-), a<3b") == [])
        #expect(emoticons("ví dụ:(a), Số lượng:3 người, Ghi chú:* xem sau") == [])
        #expect(TextTest.both("http://daklak.gov.vn/:D/x") == [], "an official link is no match at all")
        #expect(
            emoticons("xem http://daklak.gov.vn:))") == [TextTest.sig(.r7d, .emoticon, ":))")],
            "trailing punctuation is not part of a link"
        )
    }

    @Test func aCustomEmoticonListChangesResults() {
        var configuration = MatchConfiguration.default
        configuration.emoticons = [":/"]
        let matcher = TextMatcher(configuration: configuration)
        let found = TextTest.both(.r7d, "hmm :/ :))", matcher).map(\.text)
        #expect(found == [":/"])
    }
}
