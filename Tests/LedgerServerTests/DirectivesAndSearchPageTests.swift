import Foundation
import LedgerStorage
import NIOHTTP1
import Testing

/// `/directives` and `/search` over the demo ledger.
@Suite struct DirectivesAndSearchPageTests {
    @Test func theDirectivesPageShowsEachAssigneesAnswersAndFilters() async throws {
        let pages = try await InspectionPages.start("directives")
        let browser = pages.browser
        let page = try await browser.send(.GET, "/directives")
        #expect(page.status == 200)
        #expect(page.text.contains(#"id="directive-d-2026-001""#))
        #expect(page.text.contains(#"href="/people/p-001""#) && page.text.contains("Nguyễn Văn An"), "the issuer")
        #expect(page.text.contains(#"href="/people/p-003""#) && page.text.contains("Lê Minh Cường"), "the assignee")
        #expect(page.text.contains("2026-11-05 16:00 +07:00"), "the due time")
        #expect(page.text.contains("hoàn thành"), "completed, in Vietnamese")
        #expect(page.text.contains(#"<a href="/groups/g-7301128844556677001">"#))
        #expect(!page.text.contains(#"<span class="flag overdue">"#), "done before its due time")
        let seqs = page.text.components(separatedBy: #"<a href="/records/"#).dropFirst().map {
            $0.prefix { $0 != "\"" }
        }
        #expect(seqs.count >= 4, "the issue, acknowledgement, progress and completion records")
        let completed = try await browser.send(.GET, "/directives?status=completed&group=g-7301128844556677001")
        #expect(completed.text.contains(#"id="directive-d-2026-001""#))
        for query in ["status=overdue", "status=issued", "group=g-nowhere"] {
            let none = try await browser.send(.GET, "/directives?" + query)
            #expect(none.status == 200 && !none.text.contains(#"id="directive-"#), "\(query)")
        }
        let bad = try await browser.send(.GET, "/directives?status=late")
        #expect(bad.status == 400 && bad.text.contains("status=late"))
        try await pages.served.stop()
    }

    /// The directive ids a `/directives` page lists, in order.
    static func directives(_ page: String) -> [String] {
        page.matches(of: /<section class="panel directive" id="directive-([^"]+)">/).map { String($0.output.1) }
    }

    @Test func theDirectivesPageListsFiftyToAPageKeepingItsFilters() async throws {
        let issued = (0..<60).map { number in
            #"{"id":"many-directive-\#(number)","type":"directive.issued","time":"2026-11-03T09:00:00+07:00","#
                + #""actor":"p-002","group":"\#(InspectionPages.group)","data":{"directive":"d-many-\#(number)","#
                + #""issuer":"p-001","assignees":["p-004"],"due":"2027-01-01T00:00:00+07:00"}}"#
        }
        let pages = try await InspectionPages.start("directives-paged", extra: { _ in issued })
        let browser = pages.browser
        let first = try await browser.send(.GET, "/directives?lang=en")
        #expect(first.status == 200 && first.text.contains(#"<p class="count" id="total">Total: 61</p>"#))
        #expect(Self.directives(first.text) == ["d-2026-001"] + (0..<49).map { "d-many-\($0)" })
        #expect(!first.text.contains(#"<a href=""></a>"#), "no source post row for a directive without one")
        #expect(
            first.text.contains(#"<a rel="next" href="/directives?page=2">"#) && !first.text.contains(#"rel="prev""#)
        )
        let second = try await browser.send(.GET, "/directives?page=2")
        #expect(Self.directives(second.text) == (49..<60).map { "d-many-\($0)" })
        #expect(
            second.text.contains(#"<a rel="prev" href="/directives?page=1">"#) && !second.text.contains(#"rel="next""#)
        )
        // The filters stay on the pager's links: the 60 still issued, the completed demo directive left out.
        let group = WebClient.encode(InspectionPages.group)
        let filtered = try await browser.send(.GET, "/directives?group=\(group)&status=issued")
        #expect(Self.directives(filtered.text) == (0..<50).map { "d-many-\($0)" })
        #expect(
            filtered.text.contains(#"<a rel="next" href="/directives?group=\#(group)&amp;status=issued&amp;page=2">"#)
        )
        let rest = try await browser.send(.GET, "/directives?group=\(group)&page=2&status=issued")
        #expect(Self.directives(rest.text) == (50..<60).map { "d-many-\($0)" })
        let past = try await browser.send(.GET, "/directives?page=9")
        #expect(past.status == 200 && Self.directives(past.text).isEmpty)
        let bad = try await browser.send(.GET, "/directives?page=0")
        #expect(bad.status == 400 && bad.text.contains("page=0"))
        try await pages.served.stop()
    }

    /// The records a search lists, in order.
    static func found(_ browser: WebClient, _ query: String, page: Int = 1) async throws -> [String] {
        let answer = try await browser.send(.GET, "/search?q=" + WebClient.encode(query) + "&page=\(page)")
        #expect(answer.status == 200)
        return InspectionPages.links(answer.text, class: "record-link")
    }

    @Test func anNFDQueryFindsWhatItsNFCAndUnaccentedFormsFind() async throws {
        let pages = try await InspectionPages.start("search-forms")
        let nfc = "Đề nghị".precomposedStringWithCanonicalMapping
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars), "two different byte strings")
        let byNFC = try await Self.found(pages.browser, nfc)
        #expect(!byNFC.isEmpty)
        #expect(try await Self.found(pages.browser, nfd) == byNFC)
        #expect(try await Self.found(pages.browser, "de NGHI") == byNFC)
        let page = try await pages.browser.send(.GET, "/search?q=" + WebClient.encode(nfd))
        #expect(page.text.contains(#"value="\#(nfd)""#), "the form keeps the query as typed")
        try await pages.served.stop()
    }

    @Test func searchFindsPeopleAndGroupsByIdOrNameAndPages() async throws {
        let posts = (0..<60).map { InspectionPages.post("many-\($0)", "Báo cáo tiến độ \($0)") }
        let pages = try await InspectionPages.start("search-named", extra: { _ in posts })
        let byName = try await pages.browser.send(.GET, "/search?q=" + WebClient.encode("le minh cuong"))
        #expect(byName.text.contains(#"<a class="person-link" href="/people/p-003">"#))
        let byAccount = try await pages.browser.send(.GET, "/search?q=7301000000000000004")
        #expect(byAccount.text.contains(#"<a class="person-link" href="/people/p-004">"#))
        let byGroup = try await pages.browser.send(.GET, "/search?q=g-7301128844556677001")
        #expect(byGroup.text.contains(#"<a class="group-link" href="/groups/g-7301128844556677001">"#))
        let first = try await Self.found(pages.browser, "bao cao tien do")
        let second = try await Self.found(pages.browser, "bao cao tien do", page: 2)
        #expect(first.count == 50 && second.count == 10, "fifty to a page")
        #expect(first.first == "/records/\(pages.firstExtra + 59)", "newest first")
        #expect(Set(first).isDisjoint(with: second))
        let nothing = try await pages.browser.send(.GET, "/search?q=" + WebClient.encode("<script>"))
        #expect(nothing.status == 200 && nothing.text.contains("&lt;script&gt;") && !nothing.text.contains("<script"))
        try await pages.served.stop()
    }
}
