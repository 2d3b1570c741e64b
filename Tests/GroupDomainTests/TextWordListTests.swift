import GroupDomain
import Testing

/// R7c and R7d word lists: whole words, diacritics kept, tone placement and Ð/Đ ignored. R7c runs here as a
/// version-1 word list (no ``MatchConfiguration/unlawfulEvidence``), every listed word a match of its own;
/// `TextUnlawfulTests` covers the weighed evidence of the bundled file.
@Suite struct TextWordListTests {
    /// The bundled configuration with R7c as a plain word list.
    static let listMatcher: TextMatcher = {
        var configuration = MatchConfiguration.default
        configuration.unlawfulEvidence = nil
        configuration.unlawfulWords = .init(words: ["đồ ngu", "mất dạy", "cá độ", "mặt dày", "ba que", "lô đề"])
        return TextMatcher(configuration: configuration)
    }()

    private func word(_ rule: TextRule, _ text: String, term: String? = nil) -> TextTest.Signature {
        TextTest.sig(rule, .listedWord, text, term: term ?? text.lowercased())
    }

    @Test func listedUnlawfulOrInsultingWordsFire() {
        let matcher = Self.listMatcher
        #expect(TextTest.both(.r7c, "Đồ ngu, làm ăn thế à", matcher) == [word(.r7c, "Đồ ngu", term: "đồ ngu")])
        #expect(TextTest.both(.r7c, "Thằng đó MẤT DẠY thật", matcher) == [word(.r7c, "MẤT DẠY", term: "mất dạy")])
        #expect(TextTest.both(.r7c, "rủ nhau cá độ bóng đá", matcher) == [word(.r7c, "cá độ")])
    }

    @Test func listedOffensiveWordsFire() {
        #expect(TextTest.both(.r7d, "đéo hiểu gì cả") == [word(.r7d, "đéo")])
        #expect(TextTest.both(.r7d, "VCL thật") == [word(.r7d, "VCL", term: "vcl")])
        #expect(TextTest.both(.r7d, "\u{00D0}ÉO hiểu") == [word(.r7d, "\u{00D0}ÉO", term: "đéo")], "Ð for Đ")
    }

    @Test func diacriticsDecide() {
        let matcher = Self.listMatcher
        #expect(TextTest.both("Tôi đi họp ở Sở, buổi họp lớn, đụng chạm, cứu hộ, cặp sách", matcher) == [])
        #expect(TextTest.both("Mặt dày", matcher) == [word(.r7c, "Mặt dày", term: "mặt dày")])
        #expect(TextTest.both("mật dày, mát dày, mat day", matcher) == [])
    }

    @Test func phrasesMatchWholeSyllablesOnly() {
        let matcher = Self.listMatcher
        #expect(TextTest.both("ba quen, cá độc, đồ ngủ, lô đềa", matcher) == [])
        #expect(TextTest.both("đồ\nngu", matcher) == [], "a line break splits a phrase")
        #expect(TextTest.both("đồ, ngu", matcher) == [], "punctuation splits a phrase")
        #expect(
            TextTest.both("đồ   ngu", matcher) == [word(.r7c, "đồ   ngu", term: "đồ ngu")],
            "any run of spaces joins it"
        )
    }

    @Test func tonePlacementVariantsMatchEachOther() throws {
        var configuration = MatchConfiguration.default
        configuration.unlawfulEvidence = nil
        configuration.unlawfulWords = .init(words: ["hoà giải", "thúy", "khoẻ re"])
        let matcher = TextMatcher(configuration: configuration)
        #expect(TextTest.both(.r7c, "Hòa giải xong", matcher) == [word(.r7c, "Hòa giải", term: "hoà giải")])
        #expect(TextTest.both(.r7c, "HOÀ GIẢI xong", matcher) == [word(.r7c, "HOÀ GIẢI", term: "hoà giải")])
        #expect(TextTest.both(.r7c, "chị Thuý", matcher) == [word(.r7c, "Thuý", term: "thúy")])
        #expect(TextTest.both(.r7c, "vẫn khỏe re", matcher) == [word(.r7c, "khỏe re", term: "khoẻ re")])
        #expect(TextTest.both(.r7c, "hoa giai, thuy, khoe re, hóa giải", matcher) == [], "other tones do not match")
    }

    @Test func falseFriendsCancelOverlappingEntries() {
        var configuration = MatchConfiguration.default
        configuration.unlawfulEvidence = nil
        configuration.unlawfulWords = .init(words: ["ngu", "ngu ngốc quá"], falseFriends: ["ngu ngốc", "ngu ngơ"])
        let matcher = TextMatcher(configuration: configuration)
        #expect(TextTest.both(.r7c, "thật ngu", matcher) == [word(.r7c, "ngu")])
        #expect(TextTest.both(.r7c, "ngu ngơ, ngu ngốc", matcher) == [])
        #expect(
            TextTest.both(.r7c, "ngu ngốc quá", matcher) == [word(.r7c, "ngu ngốc quá")],
            "an entry that contains the false friend stands"
        )
    }

    @Test func hiddenZeroWidthCharactersDoNotHideAWord() {
        let text = "đ\u{200B}éo hiểu"
        let found = TextTest.run(text).filter { $0.rule == .r7d }
        #expect(found.map(\.term) == ["đéo"])
        #expect(found.first.map { Array($0.text.utf8) } == Array("đ\u{200B}éo".utf8))
    }
}
