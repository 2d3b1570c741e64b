import GroupDomain
import Testing

/// NFC/NFD, mixed forms, and spans in the original text.
@Suite struct TextNormalisationTests {
    static let mixedPost =
        "Gửi anh tài liệu TỐI MẬT 👨‍👩‍👧, xem https://abc.com.vn/x :)) "
        + "đéo hiểu, Đồ ngu. Cần bán gấp, giá 250k, LH 0905 123 456"

    @Test func nfcAndNFDGiveTheSameMatches() {
        let found = TextTest.both(Self.mixedPost)
        #expect(found.map(\.rule) == [.r7a, .r7d, .r7b, .r7d, .r7d, .r7c, .r7e])
        #expect(
            found.map(\.kind) == [
                .classifiedStamp, .emoji, .unofficialLink, .emoticon, .listedWord, .unlawfulContent, .advert,
            ]
        )
    }

    @Test func aMixedNFCAndNFDTextGivesTheSameMatches() {
        let half =
            TextTest.nfd("Gửi anh tài liệu TỐI MẬT 👨‍👩‍👧, xem https://abc.com.vn/x :)) ")
            + TextTest.nfc("đéo hiểu, Đồ ngu. Cần bán gấp, giá 250k, LH 0905 123 456")
        let mixed = TextTest.run(half).map(TextTest.signature)
        #expect(mixed == TextTest.run(TextTest.nfc(Self.mixedPost)).map(TextTest.signature))
    }

    @Test func spansSliceTheOriginalNFDBytes() {
        let text = TextTest.nfd(Self.mixedPost)
        let utf8 = Array(text.utf8)
        for match in TextTest.run(text) {
            let bytes = Array(utf8[match.utf8Range])
            #expect(bytes == Array(match.text.utf8))
            #expect(String(decoding: bytes, as: UTF8.self) == String(match.text))
        }
        let stamp = TextTest.run(text).first { $0.rule == .r7a }
        #expect(stamp.map { Array($0.text.utf8) } == Array(TextTest.nfd("TỐI MẬT").utf8), "NFD bytes kept")
    }

    @Test func utf16OffsetsCountSurrogatePairsAndCombiningMarks() {
        // "👍" is 2 UTF-16 units; NFD "ậ" is 3 (a, U+0323, U+0302).
        let text = "👍 m" + "a\u{0323}\u{0302}" + "t: “MA\u{0323}\u{0302}T”"
        let found = TextTest.run(text)
        let stamp = found.first { $0.rule == .r7a }
        #expect(stamp?.utf16Range == 10..<17)
        #expect(stamp?.utf8Range == 14..<27)
        #expect(found.first { $0.kind == .emoji }?.utf16Range == 0..<2)
    }

    @Test func theTextIsNeverChanged() {
        let text = TextTest.nfd("Độ mật: Tối mật")
        let match = TextTest.run(text).first
        #expect(match.map { Array($0.text.utf8) } == Array(text.utf8))
        #expect(match.map { Array($0.text.utf8) } != Array(TextTest.nfc(text).utf8))
    }

    @Test func emptyAndPlainTextsHaveNoMatches() {
        #expect(TextTest.both("") == [])
        #expect(TextTest.both("Đề nghị các đơn vị báo cáo tiến độ trước 16h00 ngày 05/10/2023.") == [])
    }
}
