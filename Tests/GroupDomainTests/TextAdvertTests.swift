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
        #expect(
            signals(text) == [
                "self:Nhà em có", "offer:bán", "priceWord:giá", "price:350k", "delivery:ship", "contact:ai cần",
                "contact:inbox",
            ]
        )
        let match = adverts(text).first
        #expect(
            match.map { TextTest.nfc(String($0.text)) }
                == "Nhà em có bán mật ong rừng, giá 350k/lít, ship toàn tỉnh, ai cần inbox"
        )
        #expect(match?.kind == .advert)
        #expect(match?.term == "nhà em có, bán, giá, <amount>, ship, ai cần, inbox")
        #expect(match?.signals.map(\.weight) == [2, 2, 1, 2, 1, 2, 2])
        #expect(
            match?.messageEN
                == "Signs of advertising or selling, score 10 ≥ 4 (self +2, offer +2, priceWord +1, price +2, "
                + "delivery +1, contact +2): nhà em có, bán, giá, <amount>, ship, ai cần, inbox (R7e)."
        )
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

    @Test func theThresholdAndTheMinimumAreConfigurable() throws {
        let text = "Cần bán đất chính chủ 0905123456"
        #expect(adverts(text).count == 1, "offer +2, contact +2")
        let higher = try TextTest.configuration(replacing: "\"threshold\": 4", with: "\"threshold\": 5")
        #expect(adverts(text, TextMatcher(configuration: higher)) == [])
        let three = try TextTest.configuration(replacing: "\"minimumGroups\": 1", with: "\"minimumGroups\": 3")
        #expect(adverts(text, TextMatcher(configuration: three)) == [])
        var noPhones = MatchConfiguration.default
        noPhones.adverts.phoneGroup = nil
        #expect(adverts(text, TextMatcher(configuration: noPhones)) == [])
        var legacy = MatchConfiguration.default
        legacy.adverts.threshold = nil
        legacy.adverts.minimumGroups = 2
        #expect(
            adverts("Em đang ship hồ sơ, liên hệ em", TextMatcher(configuration: legacy)).count == 1,
            "any 2 groups"
        )
        #expect(adverts("Em đang ship hồ sơ, liên hệ em") == [], "delivery +1 and contact +2 stay below 4")
    }

    /// Sales without the word "giá": shipping terms, orders, commissions, one's own things or produce, services.
    @Test(arguments: [
        "Freeship nội thành cho đơn từ 2 hộp nha cả nhà",
        "Chốt đơn trước 20h tối nay ạ",
        "Ship COD toàn tỉnh, anh chị cần cứ nhắn em",
        "Giá sỉ cho anh chị lấy số lượng nhiều",
        "Tuyển CTV bán mỹ phẩm online, hoa hồng 30%",
        "Em pass lại xe máy Vision còn mới, ai cần alo em",
        "Vườn nhà em có bơ sáp, 30k/kg, anh chị nào lấy nhắn em",
        "Nhà em có mấy chục ký cam sành, ai cần ib em nhé",
        "Em nhận thiết kế logo, banner, ib em",
        "Thanh lý bàn ghế văn phòng, LH 0905 123 456",
        "ORDER hàng Thái, bao ship toàn quốc",
        "Shop em còn hàng nha mọi người",
    ])
    func salesWithoutTheWordGiá(_ text: String) {
        #expect(adverts(text).count == 1)
    }

    /// Price talk in news, reports, public auctions and law is not an advert.
    @Test(arguments: [
        "Năm nay nông dân bán được giá, lúa khô 7.500 đồng/kg",
        "Giá heo hơi hôm nay 62.000 đồng/kg, tăng 2.000 đồng so với tuần trước",
        "Giá tiêu hôm nay 150k/kg, tăng 5k so với tuần trước",
        "Trung tâm Dịch vụ đấu giá tài sản thông báo bán đấu giá xe ô tô thanh lý, liên hệ 0262 3852 123",
        "Hợp đồng mua bán tài sản là sự thỏa thuận giữa các bên, theo đó bên bán chuyển quyền sở hữu cho bên mua",
        "Báo cáo sản lượng cà phê xuất khẩu, giá bình quân 120.000 đồng/kg",
        "Ai cần mẫu báo cáo thì inbox em",
        "Em đã ship hồ sơ lên Sở, anh liên hệ văn thư giúp em",
        "CTV dân số xã đã báo cáo đủ",
        "Đề nghị các hộ bán lúa liên hệ đồng chí Hùng ở xã",
    ])
    func priceTalkInNewsAndReportsIsNotAnAdvert(_ text: String) {
        #expect(adverts(text) == [])
    }
}
