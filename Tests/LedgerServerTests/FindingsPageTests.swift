import Foundation
import LedgerStorage
import NIOHTTP1
import Testing

/// `/findings` and `/findings/{id}` over the demo ledger: filters and pages change what is listed, a finding names
/// its rule in both languages and marks the match with the text around it escaped, its reviews are listed.
@Suite struct FindingsPageTests {
    /// A post around a classification stamp, with markup that must stay text.
    static let hostile = #"<script>alert("x")</script> TỐI MẬT <b>bold</b> & more"#

    @Test func aFindingPageNamesItsRuleInBothLanguagesAndMarksTheEscapedMatch() async throws {
        let pages = try await InspectionPages.start(
            "findings-one",
            extra: { seq in
                [
                    InspectionPages.post("hostile-1", Self.hostile),
                    InspectionPages.review(
                        "review-1",
                        finding: "R7a:post:\(seq)",
                        verdict: "confirmed",
                        note: "<i>withhold it</i>"
                    ),
                ]
            }
        )
        let seq = pages.firstExtra
        let id = "R7a:post:\(seq)"
        let page = try await pages.browser.send(.GET, "/findings/" + WebClient.encode(id))
        #expect(page.status == 200, "\(page.text)")
        #expect(page.text.contains("Không đăng tài liệu Mật, Tối mật, Tuyệt mật"), "the rule's title in Vietnamese")
        #expect(page.text.contains("No classified material"), "and in English")
        #expect(page.text.contains("“Mật”, “Tối mật”, “Tuyệt mật” theo quy định của pháp luật"), "the decision's words")
        #expect(page.text.contains("classified “Mật” (confidential)"), "and their English")
        let marked =
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>TỐI MẬT</mark> &lt;b&gt;bold&lt;/b&gt; &amp; more"
        #expect(page.text.contains(marked), "\(page.text)")
        #expect(!page.text.contains("<script") && !page.text.contains("<b>"))
        #expect(page.text.contains(#"<a class="record-link" href="/records/\#(seq)">"#), "the evidence record")
        #expect(page.text.contains(#"href="/people/p-004""#) && page.text.contains("Phạm Thu Dung"), "the subject")
        #expect(page.text.contains("&lt;i&gt;withhold it&lt;/i&gt;"), "the review's note, escaped")
        #expect(page.text.contains(#"<a href="/records/\#(seq + 1)">#\#(seq + 1)</a>"#), "the review's record")
        #expect(page.text.contains("xác nhận vi phạm"), "the verdict in Vietnamese")
        let english = try await pages.browser.send(.GET, "/findings/" + WebClient.encode(id) + "?lang=en")
        #expect(english.text.contains("confirmed") && english.text.contains("Review history"))
        try await pages.served.stop()
    }

    @Test func filtersAndPagesChangeWhatIsListed() async throws {
        let stamped = (0..<55).map { InspectionPages.post("stamp-\($0)", "Tài liệu TỐI MẬT số \($0)") }
        let pages = try await InspectionPages.start("findings-list", extra: { _ in stamped })
        let browser = pages.browser
        func listed(_ query: String) async throws -> [String] {
            let page = try await browser.send(.GET, "/findings" + query)
            #expect(page.status == 200, "\(query): \(page.text)")
            return InspectionPages.links(page.text, class: "finding-link")
        }
        // The first member.joined record of the demo, where the head's membership was first observed.
        let headSeq = 12
        let all = try await listed("?rule=R7a")
        #expect(all.count == 50, "fifty to a page")
        let second = try await listed("?rule=R7a&page=2")
        #expect(second.count == 56 - 50, "the demo's stamped post and the test's 55")
        #expect(Set(all).isDisjoint(with: second))
        let first = try await browser.send(.GET, "/findings?rule=R7a")
        #expect(
            first.text.contains(#"<a rel="next" href="/findings?rule=R7a&amp;page=2">"#),
            "the pager keeps the rule"
        )
        #expect(all.allSatisfy { $0.hasPrefix("/findings/R7a%3Apost%3A") })
        let everything = try await listed("?page=1")
        #expect(everything.contains { !$0.hasPrefix("/findings/R7a") }, "other rules without the filter")
        let early = try await listed("?to=2026-11-02")
        #expect(!early.isEmpty && early.allSatisfy { !$0.hasPrefix("/findings/R7a") }, "no post before 3 November")
        let later = try await listed("?rule=R7a&from=2026-11-04")
        #expect(later.isEmpty, "every stamped post is of 3 November")
        // Text findings name no subject; the demo's head and admin are not members of the group they run.
        let head = "/findings/R1%3Ahead-not-member%3A\(headSeq)%3Ap-001"
        let an = try await listed("?person=p-001")
        #expect(an.contains(head) && an.allSatisfy { !$0.hasPrefix("/findings/R7") }, "\(an)")
        #expect(Set(an).isSubset(of: Set(everything)))
        let binh = try await listed("?person=p-002")
        #expect(!binh.isEmpty && !binh.contains(head), "\(binh)")
        #expect(try await listed("?person=p-nobody").isEmpty)
        #expect(try await listed("?group=g-nowhere").isEmpty)
        #expect(try await listed("?status=dismissed").isEmpty)
        let bad = try await browser.send(.GET, "/findings?status=bogus")
        #expect(bad.status == 400 && bad.text.contains("status=bogus"))
        let badTime = try await browser.send(.GET, "/findings?from=yesterday")
        #expect(badTime.status == 400 && badTime.text.contains("from=yesterday"))
        try await pages.served.stop()
    }

    @Test func aDismissedFindingMovesToTheDismissedFilter() async throws {
        let pages = try await InspectionPages.start(
            "findings-dismissed",
            extra: { seq in
                [
                    InspectionPages.post("stamp-x", "TỐI MẬT"),
                    InspectionPages.review("review-x", finding: "R7a:post:\(seq)", verdict: "dismissed", note: "quote"),
                ]
            }
        )
        let href = "/findings/R7a%3Apost%3A\(pages.firstExtra)"
        let dismissed = try await pages.browser.send(.GET, "/findings?status=dismissed")
        #expect(InspectionPages.links(dismissed.text, class: "finding-link") == [href])
        let open = try await pages.browser.send(.GET, "/findings?status=open&rule=R7a")
        #expect(!InspectionPages.links(open.text, class: "finding-link").contains(href))
        #expect(!InspectionPages.links(open.text, class: "finding-link").isEmpty, "the demo's stamped post")
        try await pages.served.stop()
    }

    @Test func anUnknownFindingIsNotFoundAndAPageNeedsASession() async throws {
        let pages = try await InspectionPages.start("findings-missing")
        let missing = try await pages.browser.send(.GET, "/findings/R7a%3Apost%3A999999")
        #expect(missing.status == 404)
        #expect(missing.text.contains("không có phát hiện"))
        let stranger = WebClient(pages.served)
        for path in ["/findings", "/findings/R1%3Ano-head%3A1", "/directives", "/search?q=x"] {
            let answer = try await stranger.send(.GET, path)
            #expect(answer.status == 303, "\(path)")
            #expect(answer.headers["Location"].first?.hasPrefix("/login?next=") == true, "\(path)")
        }
        try await pages.served.stop()
    }
}
