import GroupDomain
import Testing

/// R7e: one advert match per text when signals from enough different groups co-occur.
@Suite struct TextAdvertTests {
    private func adverts(_ text: String, _ matcher: TextMatcher = TextTest.matcher) -> [TextMatch] {
        let found = TextTest.both(.r7e, text, matcher)
        let matches = TextTest.run(TextTest.nfd(text), matcher).filter { $0.rule == .r7e }
        #expect(found.count == matches.count)
        #expect(matches.count <= 1, "at most one advert per text")
        return matches
    }

    private func signals(_ text: String, _ matcher: TextMatcher = TextTest.matcher) -> [String] {
        adverts(text, matcher).first?.signals.map { "\($0.group):\(TextTest.nfc(String($0.text)))" } ?? []
    }

    @Test func aTypicalAdvertIsOneMatchListingItsSignals() {
        let text = "Nhà em có bán mật ong rừng, giá 350k/lít, ship toàn tỉnh, ai cần inbox ạ"
        #expect(signals(text) == ["offer:bán", "price:giá", "price:350k", "delivery:ship", "contact:inbox"])
        let match = adverts(text).first
        #expect(
            match.map { TextTest.nfc(String($0.text)) }
                == "bán mật ong rừng, giá 350k/lít, ship toàn tỉnh, ai cần inbox"
        )
        #expect(match?.kind == .advert)
        #expect(match?.term == "bán, giá, <amount>, ship, inbox")
    }

    @Test func amountsAndPhoneNumbersAreSignals() {
        #expect(
            signals("Thanh lý xe máy Wave, 8tr5, LH 0905 123 456") == [
                "offer:Thanh lý", "price:8tr5", "contact:LH", "contact:0905 123 456",
            ]
        )
        #expect(signals("Cần bán đất chính chủ 0905123456") == ["offer:Cần bán", "contact:0905123456"])
        #expect(signals("Bán áo 50.000đ") == ["offer:Bán", "price:50.000đ"])
        #expect(signals("Bán gạo 120.000 VNĐ/bao") == ["offer:Bán", "price:120.000 VNĐ"])
        #expect(signals("Bán 99₫") == ["offer:Bán", "price:99₫"])
        #expect(signals("bán gấp, gọi +84 905 123 456") == ["offer:bán gấp", "contact:+84 905 123 456"])
        #expect(signals("bán hoa, SĐT 0262.859.9699") == ["offer:bán", "contact:0262.859.9699"])
        #expect(signals("Sale 50% áo khoác, ib em") == ["promotion:Sale", "contact:ib"])
    }

    @Test func oneGroupIsNotEnough() {
        #expect(adverts("Em đang ship hồ sơ lên Sở") == [])
        #expect(adverts("Giá xăng RON95 giảm 500 đồng/lít từ 15h") == [], "price only; formal amounts are not units")
        #expect(adverts("Liên hệ đồng chí Hùng, SĐT 0905123456") == [], "contact only")
        #expect(adverts("Bán 50.000 đồng") == [])
    }

    @Test func workMessagesAboutPricesAndSalesAreNotAdverts() {
        #expect(adverts("Đề nghị đánh giá giá cả thị trường và bình ổn giá, liên hệ với Sở Công Thương") == [])
        #expect(adverts("Bán kính 5 km quanh khu vực bán đảo; báo cáo tình hình bán hàng, bán lẻ") == [])
        #expect(adverts("Giá bán lẻ xăng E5 là 20.000 đồng/lít, liên hệ công tác tại Sở") == [])
    }

    @Test func numbersThatAreNotPhoneNumbersOrPrices() {
        #expect(adverts("cần bán xe: 01 02 03 04 05, ngày 05.10.2023, số 2547/QĐ-UBND, 16h00") == [])
        #expect(adverts("bán 2 xe, 0123456789, 0012345678") == [], "no Vietnamese number starts with 00 or 01")
        #expect(adverts("bán, 5km, 10kg, 3kW") == [])
    }

    @Test func signalsInsideLinksDoNotCount() {
        #expect(adverts("https://shop.example.com/ban-gia-re?phone=0905123456&gia=250k") == [])
    }

    @Test func theMinimumIsConfigurable() throws {
        let text = "Cần bán đất chính chủ 0905123456"
        let three = try TextTest.configuration(replacing: "\"minimumGroups\": 2", with: "\"minimumGroups\": 3")
        #expect(adverts(text, TextMatcher(configuration: three)) == [])
        #expect(adverts(text).count == 1)
        var noPhones = MatchConfiguration.default
        noPhones.adverts.phoneGroup = nil
        #expect(adverts(text, TextMatcher(configuration: noPhones)) == [])
    }
}
