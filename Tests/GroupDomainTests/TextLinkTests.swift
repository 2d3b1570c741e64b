import GroupDomain
import Testing

/// R7b: links to hosts outside the official domains.
@Suite struct TextLinkTests {
    private func links(_ text: String) -> [TextTest.Signature] { TextTest.both(.r7b, text) }

    private func link(_ text: String, host: String) -> TextTest.Signature {
        TextTest.sig(.r7b, .unofficialLink, text, term: host)
    }

    @Test func unofficialLinksAreFlaggedWithTheirHost() {
        #expect(
            links("Xem https://vnexpress.net/abc-123.html nhé")
                == [link("https://vnexpress.net/abc-123.html", host: "vnexpress.net")]
        )
        #expect(links("nguồn: abc.com.vn/tin-tuc/1 ạ") == [link("abc.com.vn/tin-tuc/1", host: "abc.com.vn")])
        #expect(
            links("Vào www.facebook.com/groups/x.") == [link("www.facebook.com/groups/x", host: "www.facebook.com")]
        )
        #expect(links("HTTP://ABC.COM") == [link("HTTP://ABC.COM", host: "abc.com")])
        #expect(links("xemhttps://bit.ly/3xYz ngay") == [link("https://bit.ly/3xYz", host: "bit.ly")])
        #expect(links("(https://abc.com/x_(y))") == [link("https://abc.com/x_(y)", host: "abc.com")])
        #expect(links("http://1.2.3.4:8080/a?b=c#d, rồi") == [link("http://1.2.3.4:8080/a?b=c#d", host: "1.2.3.4")])
        #expect(links("Link:https://tinyurl.com/abc") == [link("https://tinyurl.com/abc", host: "tinyurl.com")])
        #expect(links("trang tin-tuc.xyz nhé") == [link("tin-tuc.xyz", host: "tin-tuc.xyz")])
        #expect(links("https://xn--chnhph-7va.vn/") == [link("https://xn--chnhph-7va.vn/", host: "xn--chnhph-7va.vn")])
    }

    @Test func theHostIsWhereTheBrowserGoes() {
        #expect(links("http://chinhphu.vn@evil.com/x") == [link("http://chinhphu.vn@evil.com/x", host: "evil.com")])
        #expect(
            links("https://evil.com\\@chinhphu.vn/") == [link("https://evil.com\\@chinhphu.vn/", host: "evil.com")]
        )
        #expect(links("https://gov.vn.evil.com/a") == [link("https://gov.vn.evil.com/a", host: "gov.vn.evil.com")])
        #expect(links("https://evilgov.vn") == [link("https://evilgov.vn", host: "evilgov.vn")])
        #expect(links("https://chinhphu.vn.") == [], "a trailing dot is sentence punctuation")
    }

    @Test func officialAndPlatformLinksAreNotFlagged() {
        #expect(links("https://daklak.gov.vn/tin-tuc/abc") == [])
        #expect(links("Ghi rõ nguồn tin \"http://daklak.gov.vn\" khi phát hành lại") == [])
        #expect(links("http://chinhphu.vn và baochinhphu.vn/abc, vbpl.vn.") == [])
        #expect(links("https://XYZ.GOV.VN/ và https://vanban.chinhphu.vn/?x=1") == [])
        #expect(links("https://chinhphu.vn:443/a") == [])
        #expect(links("Nhóm: zalo.me/g/abcdef và https://chat.zalo.me/") == [])
    }

    @Test func emailsAndAbbreviationsAreNotLinks() {
        #expect(links("Email: banbientap@daklak.gov.vn hoặc congttdtdaklak@gmail.com") == [])
        #expect(links("thu.ky.vn@gmail.com") == [])
        #expect(links("Tp.HCM, Tp.Buôn Ma Thuột, TT.Huế, v.v., Q.1") == [])
        #expect(links("baocao.pdf, quyet-dinh.docx, 1.000.000, 05.10.2023") == [])
        #expect(links("http:// và https://") == [])
    }

    @Test func wordsInsideLinksAreNotMatched() {
        let found = TextTest.both("https://shop.example.com/ban-gia-re-ship-cod-inbox/:D/TỐI-MẬT/đéo")
        #expect(found.map(\.rule) == [.r7b])
    }

    @Test func eachLinkIsOneMatch() {
        let found = links("a.com b.net https://c.org/x https://d.io")
        #expect(found.map(\.term) == ["a.com", "b.net", "c.org", "d.io"])
    }
}
