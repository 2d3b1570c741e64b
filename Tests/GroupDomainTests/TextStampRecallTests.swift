import GroupDomain
import Testing

/// R7a with ``MatchConfiguration/Stamps/recall``: the stamps that are not accented whole words (without diacritics,
/// inside file names, letter-spaced, alone on a line, "độ Mật"), and the false friends that must stay quiet.
///
/// Every case runs in NFC and NFD (``TextTest/both(_:_:_:sourceLocation:)``).
@Suite struct TextStampRecallTests {
    private func stamps(_ text: String) -> [String] {
        TextTest.both(.r7a, text).map { TextTest.nfc($0.text) }
    }

    private func terms(_ text: String) -> [String] { TextTest.both(.r7a, text).map(\.term) }

    @Test(arguments: [
        ("Gui anh tai lieu TOI MAT ve du an", "TOI MAT"),
        ("TUYET MAT - khong pho bien", "TUYET MAT"),
        ("day la thong tin tuyet mat nhe", "tuyet mat"),
        ("Tuyet mat, chi lanh dao doc", "Tuyet mat"),
        ("gui file tai lieu toi mat cho anh", "toi mat"),
        ("Day la van ban toi mat", "toi mat"),
        ("Em gui lai: \"toi mat\" nhe", "\"toi mat\""),
        ("Kế hoạch TOI MAT của Sở", "TOI MAT"),
        ("ok anh, ban TỐI mat em gửi sau", "TỐI mat"),
    ])
    func compoundsWithoutDiacritics(_ text: String, _ expected: String) {
        #expect(stamps(text) == [expected])
    }

    @Test(arguments: [
        ("BC_TOI_MAT_2024.pdf", "TOI_MAT"),
        ("Kehoach-TUYET-MAT_v2.docx", "TUYET-MAT"),
        ("QD12TOIMATso3.pdf", "TOIMAT"),
        ("bao_cao_toi_mat.xlsx", "toi_mat"),
        ("BaoCaoToiMat.pdf", "ToiMat"),
        ("TỐIMẬT_danh_sach.pdf", "TỐIMẬT"),
        ("tai-lieu-tuyet-mat.zip", "tuyet-mat"),
        ("TAI_LIEU_MAT.pdf", "MAT"),
        ("bao_cao_mat_quy3.docx", "mat"),
        ("KH_MAT.pdf", "MAT"),
    ])
    func stampsInFileNames(_ name: String, _ expected: String) {
        #expect(stamps(name) == [expected])
        #expect(stamps("Em gửi file \(name) ạ") == [expected])
    }

    @Test func bareMatWithoutDiacriticsNeedsALabelCapitalsOrAFileName() {
        #expect(stamps("Do mat: Mat") == ["Do mat: Mat"])
        #expect(stamps("DO MAT: MAT. So 12/BC") == ["DO MAT: MAT"])
        #expect(stamps("Bao cao (MAT) so 3") == ["(MAT)"])
        #expect(stamps("MAT\nBAO CAO TINH HINH AN NINH") == ["MAT"])
        #expect(stamps("anh oi em mat vi roi") == [])
        #expect(stamps("tai lieu mat roi, tim giup em") == [], "tài liệu mất: lowercase without marks is ambiguous")
        #expect(stamps("mat ong rung nguyen chat") == [])
        #expect(stamps("MAT KHAU wifi la 123") == [])
        #expect(stamps("FORMAT_MAU_BAO_CAO.docx") == [])
        #expect(stamps("MAT_KHAU.txt, BAO_MAT.docx") == [])
    }

    @Test func labelsWithALinkingWord() {
        #expect(stamps("Văn bản có độ mật là Mật") == ["độ mật là Mật"])
        #expect(stamps("Độ mật ở mức Tối mật, đề nghị bảo quản") == ["Tối mật"], "the phrase is found first")
        #expect(stamps("DO MAT O MUC TOI MAT") == ["DO MAT O MUC TOI MAT"])
        #expect(stamps("do mat la toi mat") == ["do mat la toi mat"])
        #expect(stamps("DO MAT: TUYET MAT") == ["DO MAT: TUYET MAT"])
        #expect(terms("độ mật là “Mật”") == ["MẬT"])
    }

    @Test func theLabelWithItsLevelCapitalised() {
        #expect(stamps("Gửi anh báo cáo quý 3 (độ Mật)") == ["độ Mật"])
        #expect(stamps("Tài liệu này thuộc độ Mật, không chuyển tiếp") == ["thuộc độ Mật"])
        #expect(stamps("Xác định độ mật của văn bản trước khi ban hành") == [], "describing the procedure")
        #expect(stamps("ĐỘ MẬT: THƯỜNG") == [])
        #expect(stamps("Độ Mật: Thường") == [])
    }

    @Test func documentsClassifiedByTheirNoun() {
        #expect(stamps("Em gửi báo cáo mật về tình hình biên giới") == ["báo cáo mật"])
        #expect(stamps("Công văn mật số 12 đã chuyển") == ["Công văn mật"])
        #expect(stamps("Không chia sẻ thông tin mật lên nhóm") == ["thông tin mật"])
        #expect(stamps("Gửi danh mục bí mật nhà nước của ngành") == ["danh mục bí mật nhà nước"])
        #expect(stamps("Quy định bảo vệ bí mật nhà nước") == [])
        #expect(stamps("Thông tin mật độ dân số năm 2025") == [], "mật độ")
        #expect(stamps("báo cáo mật khẩu wifi bị lộ") == [], "mật khẩu")
    }

    @Test func aLevelAloneOnItsLineAboveATitle() {
        #expect(stamps("Mật\nKẾ HOẠCH PHÒNG CHỐNG BÃO LŨ 2026") == ["Mật"])
        #expect(stamps("  Tối mật  \nBáo cáo số 5") == ["Tối mật"])
        #expect(stamps("mat\nke hoach") == [], "lowercase bare mat without marks")
        #expect(stamps("Mật") == [], "no other line: a word, not a stamp")
    }

    @Test func letterSpacedStamps() {
        #expect(stamps("T Ố I  M Ậ T\nBÁO CÁO") == ["T Ố I  M Ậ T"])
        #expect(stamps("Dấu M.Ậ.T ở góc trái") == ["M.Ậ.T"])
        #expect(stamps("T-U-Y-E-T M-A-T") == ["T-U-Y-E-T M-A-T"])
        #expect(stamps("T U Y Ệ T   M Ậ T") == ["T U Y Ệ T   M Ậ T"])
        #expect(stamps("Các mục a b c d đã xong") == [])
        #expect(stamps("M A T") == ["M A T"])
        #expect(stamps("m a t") == [], "lowercase letters without marks")
        #expect(stamps("Đ Ư Ợ C M A T") == [])
    }

    static let falseFriends = [
        "mật khẩu", "mật ong", "mật độ", "thân mật", "bảo mật", "giải mật", "bí mật",
        "mat khau", "mat ong", "mat do", "than mat", "bao mat", "giai mat",
        "MAT KHAU", "MAT ONG", "BAO MAT", "GIAI MAT",
        "Hôm nay tôi mất ví ở chợ", "hom nay toi mat vi o cho", "troi toi mat me qua",
        "Công thức tuyệt mật của mẹ: nước sốt cà chua", "cong thuc tuyet mat cua me",
        "Quán mở thêm món tuyệt mật rất ngon", "Bí quyết tuyệt mật để ngủ ngon: đi ngủ sớm",
        "Tôi mất mật khẩu email", "tối mát trời", "mặt trận tổ quốc", "mất điện toàn xã",
    ]

    @Test(arguments: falseFriends)
    func falseFriendsStayQuiet(_ phrase: String) {
        #expect(stamps(phrase) == [])
        #expect(stamps("Đề nghị kiểm tra \(phrase) trước khi gửi.") == [])
    }

    @Test func attachmentTitleLikeTexts() {
        #expect(stamps("KH 123-TOI MAT.pdf") == ["TOI MAT"])
        #expect(stamps("[TOI MAT] Bao cao tinh hinh") == ["[TOI MAT]"])
    }

    @Test func spansSliceTheOriginalNFDText() {
        let text = TextTest.nfd("Gửi file BC_TỐI_MẬT.pdf và T Ố I  M Ậ T")
        let found = TextTest.run(text).filter { $0.rule == .r7a }
        #expect(found.map { TextTest.nfc(String($0.text)) } == ["TỐI_MẬT", "T Ố I  M Ậ T"])
    }
}
