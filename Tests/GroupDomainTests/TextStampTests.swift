import GroupDomain
import Testing

/// R7a: classification stamps, and the false friends that must not be taken for one.
@Suite struct TextStampTests {
    private func stamps(_ text: String) -> [TextTest.Signature] { TextTest.both(.r7a, text) }

    private func stamp(_ text: String, term: String) -> TextTest.Signature {
        TextTest.sig(.r7a, .classifiedStamp, text, term: term)
    }

    @Test func capitalLevelsAreStamps() {
        #expect(stamps("Gửi các đồng chí tài liệu TỐI MẬT về dự án") == [stamp("TỐI MẬT", term: "TỐI MẬT")])
        #expect(stamps("Văn bản này là MẬT, đề nghị không chia sẻ.") == [stamp("MẬT", term: "MẬT")])
        #expect(stamps("TUYỆT MẬT") == [stamp("TUYỆT MẬT", term: "TUYỆT MẬT")])
        #expect(stamps("Báo cáo (MẬT) số 12") == [stamp("(MẬT)", term: "MẬT")])
        #expect(stamps("File BAO_CAO_TỐI_MẬT.pdf đính kèm") == [stamp("TỐI_MẬT", term: "TỐI MẬT")])
    }

    @Test func quotedOrBracketedLevelsInAnyCaseAreStamps() {
        #expect(stamps("tài liệu có tính chất “Mật” nhé") == [stamp("“Mật”", term: "MẬT")])
        #expect(stamps("đóng dấu \"Mật\" rồi") == [stamp("\"Mật\"", term: "MẬT")])
        #expect(stamps("[MẬT] Kế hoạch") == [stamp("[MẬT]", term: "MẬT")])
        #expect(stamps("đóng dấu (mật) ở góc") == [stamp("(mật)", term: "MẬT")])
        #expect(stamps("đóng dấu « Tối mật » rồi") == [stamp("« Tối mật »", term: "TỐI MẬT")])
    }

    @Test func theSeedSentenceHasThreeStamps() {
        let seed =
            "Những văn bản và nội dung, thông tin có tính chất “Mật”, “Tối mật”, “Tuyệt mật” theo quy định "
            + "của pháp luật."
        #expect(
            stamps(seed) == [
                stamp("“Mật”", term: "MẬT"), stamp("“Tối mật”", term: "TỐI MẬT"),
                stamp("“Tuyệt mật”", term: "TUYỆT MẬT"),
            ]
        )
    }

    @Test func levelsAfterTheLabelAreStamps() {
        #expect(stamps("Độ mật: Mật") == [stamp("Độ mật: Mật", term: "MẬT")])
        #expect(stamps("Độ mật: mật. Số: 12/BC") == [stamp("Độ mật: mật", term: "MẬT")])
        #expect(stamps("Độ mật: Tối mật") == [stamp("Độ mật: Tối mật", term: "TỐI MẬT")])
        #expect(stamps("ĐỘ MẬT: TUYỆT MẬT") == [stamp("ĐỘ MẬT: TUYỆT MẬT", term: "TUYỆT MẬT")])
        #expect(stamps("Độ mật - “Mật” (bản 2)") == [stamp("Độ mật - “Mật”", term: "MẬT")])
        #expect(stamps("Độ mật Tuyệt mật") == [stamp("Độ mật Tuyệt mật", term: "TUYỆT MẬT")])
    }

    @Test func stampPhrasesCountInAnyCase() {
        #expect(stamps("Gửi anh tài liệu mật của Sở") == [stamp("tài liệu mật", term: "tài liệu mật")])
        #expect(stamps("đây là thông tin tuyệt mật") == [stamp("tuyệt mật", term: "tuyệt mật")])
        #expect(stamps("Văn Bản Mật") == [stamp("Văn Bản Mật", term: "văn bản mật")])
    }

    static let falseFriends = [
        "mật khẩu", "mật ong", "mật độ", "thân mật", "bảo mật", "bí mật", "giải mật", "mật mã", "mật thiết",
        "MẬT KHẨU", "MẬT ONG", "MẬT ĐỘ", "THÂN MẬT", "BẢO MẬT", "BÍ MẬT", "GIẢI MẬT", "MẬT MÃ", "Bảo Mật",
    ]

    @Test(arguments: falseFriends)
    func falseFriendsAreNotStamps(_ phrase: String) {
        #expect(stamps("Đề nghị kiểm tra \(phrase) trước khi gửi.") == [])
        #expect(stamps(phrase) == [])
        #expect(stamps("“\(phrase)”") == [])
        #expect(stamps("[\(phrase)]") == [])
    }

    @Test func falseFriendsInCapitalsNextToALevelCancelIt() {
        #expect(stamps("BUỔI TỐI MẬT ONG RẤT NGON") == [])
        #expect(stamps("TĂNG CƯỜNG CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC") == [])
        #expect(stamps("VĂN BẢN ĐÃ GIẢI MẬT") == [])
        #expect(stamps("ĐỘ MẬT: THƯỜNG") == [], "a label without a level")
    }

    @Test func mậtAloneUnquotedInLowercaseOrTitleCaseIsNotAStamp() {
        #expect(stamps("anh ấy nói mật rồi") == [])
        #expect(stamps("Mật nhé, đừng nói ai.") == [])
        #expect(stamps("Tuyệt MẬT") == [stamp("Tuyệt MẬT", term: "tuyệt mật")], "the phrase counts in any case")
    }

    @Test func mậtInsideOtherWordsIsNotAStamp() {
        #expect(stamps("MẬTX MẬT123 XMẬT mậtt") == [])
        #expect(stamps("https://example.gov.vn/TỐI-MẬT") == [], "links are not searched for words")
    }

    @Test func otherDiacriticsAreNeverStamps() {
        #expect(stamps("MẶT TRẬN, MẤT ĐIỆN, MÁT MẺ, MẠT SÁT, MẮT") == [])
        #expect(stamps("“mặt”, “mất”, “Mát”") == [])
        #expect(stamps("tôi mất ví, TÔI MẤT VÍ, tới mát, TỚI MÁT") == [])
    }

    @Test func withoutRecallNoDiacriticsMeansNoStamp() {
        var configuration = MatchConfiguration.default
        configuration.stamps.recall = false
        let matcher = TextMatcher(configuration: configuration)
        #expect(TextTest.both(.r7a, "TOI MAT, TUYET MAT, MAT, tai lieu toi mat, Do mat: Mat", matcher) == [])
    }

    @Test func labelWithTheEthLookalike() {
        // U+00D0 (Ð) typed for U+0110 (Đ).
        #expect(stamps("\u{00D0}ộ mật: Mật") == [stamp("\u{00D0}ộ mật: Mật", term: "MẬT")])
    }

    @Test func spansPointIntoTheOriginalNFDText() {
        let text = TextTest.nfd("Gửi anh 👍 tài liệu TỐI MẬT")
        let found = TextTest.run(text).filter { $0.rule == .r7a }
        #expect(found.count == 1)
        guard let match = found.first else { return }
        #expect(Array(match.text.utf8) == Array(TextTest.nfd("TỐI MẬT").utf8))
        #expect(match.utf8Range.count == TextTest.nfd("TỐI MẬT").utf8.count)
        #expect(match.utf8Range.count > "TỐI MẬT".utf8.count, "NFD is longer than NFC")
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[match.utf16Range], as: UTF16.self) == "TỐI MẬT")
    }
}
