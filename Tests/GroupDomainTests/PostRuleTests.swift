import Foundation
import GroupDomain
import LedgerCore
import Testing

/// R7a–R7e on posts: the text matcher wired into findings, with spans over the stored text, NFD input, attachments,
/// sticker posts and withheld posts.
@Suite struct PostRuleTests {
    private func post(
        _ text: String,
        kind: String = "text",
        attachments: JSONValue? = nil,
        withheld: Bool = false
    )
        -> (Story, UInt64)
    {
        var story = Story.wellRun()
        var content: [(key: String, value: JSONValue)] = [("text", .string(text))]
        if let attachments { content.append(("attachments", attachments)) }
        let seq = story.add(
            "post.created",
            day: 3,
            hour: 9,
            actor: "a-3",
            data: ["message": "m-1", "kind": .string(kind)],
            content: .object(JSONObject(members: content)),
            withheld: withheld
        )
        return (story, seq)
    }

    private func findings(_ text: String) -> [Finding] {
        RuleChecker.check(post(text).0).findings.filter { $0.rule.hasPrefix("R7") }
    }

    @Test(arguments: ["Gửi tài liệu TỐI MẬT về nhân sự", "Độ mật: Mật", "Kế hoạch “Tuyệt mật”"])
    func stampsFireInNFCAndNFD(_ text: String) throws {
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(text.utf8))
        for form in [text, nfd] {
            let (story, seq) = post(form)
            let finding = try #require(RuleChecker.check(story).findings("R7a").first, "\(form.unicodeScalars.count)")
            #expect(finding.id == "R7a:post:\(seq)")
            #expect(finding.severity == .critical)
            let span = try #require(finding.spans.first)
            #expect(span.field == "text")
            #expect(span.kind == "classifiedStamp")
            // The span slices the text exactly as stored, in both encodings.
            let utf8 = Array(form.utf8)[span.utf8]
            #expect(String(decoding: utf8, as: UTF8.self) == span.text)
            let utf16 = Array(form.utf16)[span.utf16]
            #expect(String(decoding: utf16, as: UTF16.self) == span.text)
        }
    }

    @Test(arguments: [
        "Đề nghị đổi mật khẩu hộp thư", "Mật độ dân cư thấp", "mật ong rừng", "phối hợp thân mật",
        "tăng cường bảo mật thông tin", "giữ bí mật nhà nước", "Văn bản đã GIẢI MẬT", "Báo cáo tiến độ tuần này",
    ])
    func falseFriendsDoNotFire(_ text: String) {
        #expect(findings(text).isEmpty, "\(findings(text).map(\.id))")
        #expect(findings(text.decomposedStringWithCanonicalMapping).isEmpty)
    }

    @Test func emojiFireOncePerPostWithEverySpan() throws {
        let finding = try #require(findings("Cả nhà 👨‍👩‍👧 đi dự lễ 🇻🇳").first)
        #expect(finding.rule == "R7d")
        #expect(finding.spans.map(\.text) == ["👨‍👩‍👧", "🇻🇳"])
        #expect(findings("Số 1 và # và © không phải emoji").isEmpty)
    }

    @Test func stickerPostsAreEmotionIcons() throws {
        let (story, seq) = post("", kind: "sticker")
        let finding = try #require(RuleChecker.check(story).findings("R7d").first)
        #expect(finding.seqs == [seq] && finding.spans.isEmpty)
        var quiet = RuleConfiguration.default
        quiet.emotionPostKinds = []
        #expect(RuleChecker.check(story, configuration: quiet).findings("R7d").isEmpty)
    }

    @Test func linksAdvertsAndWordLists() {
        #expect(findings("Xem http://tin-nong-24h.xyz/a").map(\.rule) == ["R7b"])
        #expect(findings("Xem https://daklak.gov.vn/van-ban").isEmpty)
        #expect(findings("Bán mật ong giá 250k/lít, ship COD, LH 0912 345 678").map(\.rule) == ["R7e"])
        #expect(findings("Đề nghị báo cáo bình ổn giá").isEmpty)
        #expect(findings("Làm như vậy là đồ ngu").map(\.rule) == ["R7c"])
    }

    @Test func attachmentsAreCheckedAndNamedUnlessConfiguredOff() throws {
        let attachments: JSONValue = [["title": "CV 123", "description": "Độ mật: Mật"]]
        let (story, _) = post("Gửi công văn", kind: "file", attachments: attachments)
        let finding = try #require(RuleChecker.check(story).findings("R7a").first)
        #expect(finding.spans.first?.field == "attachments[0].description")
        var textOnly = RuleConfiguration.default
        textOnly.checkAttachments = false
        #expect(RuleChecker.check(story, configuration: textOnly).findings("R7a").isEmpty)
    }

    /// A withheld post cannot be matched: it is listed, and when withheld as classified it is an R7a finding with
    /// the same id a text match would have had.
    @Test func withheldPostsAreListedAndClassifiedOnesAreFindings() throws {
        var (story, seq) = post("Kế hoạch TUYỆT MẬT", withheld: true)
        var result = RuleChecker.check(story)
        #expect(result.findings("R7a").isEmpty)
        #expect(result.withheldPosts.map(\.post.seq) == [seq])
        let withholding = story.add(
            "ledger.content_withheld",
            day: 4,
            hour: 9,
            actor: "vp-ubnd",
            group: nil,
            data: ["seq": .number(JSONNumber(seq)), "reason": "R7a-classified"]
        )
        result = RuleChecker.check(story)
        let finding = try #require(result.findings("R7a").first)
        #expect(finding.id == "R7a:post:\(seq)")
        #expect(finding.seqs == [seq, withholding])
        #expect(finding.messageEN.contains("withheld as classified"))
        #expect(result.withheldPosts.first?.withholding?.reason == "R7a-classified")
    }
}
