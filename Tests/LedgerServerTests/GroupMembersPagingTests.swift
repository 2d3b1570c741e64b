import Foundation
import NIOHTTP1
import Testing

/// A group of thousands would make a page of megabytes: its members are listed 100 a page, and the pages together
/// list each member once.
@Suite struct GroupMembersPagingTests {
    static func joined(_ n: Int) -> String {
        let account = String(7_301_000_000_000_100_000 + n)
        return #"{"id":"join-\#(n)","type":"member.joined","time":"2026-11-02T08:10:00+07:00","#
            + #""actor":"7301000000000000002","group":"g-big","data":{"accounts":["\#(account)"]}}"# + "\n"
    }

    @Test func membersArePagedAndTogetherListEachMemberOnce() async throws {
        let served = try await Served.start("members-paging")
        let body = Array((0..<250).map(Self.joined).joined().utf8)
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: body)
        #expect(posted.status == 200, "\(posted.text)")
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        try await WitnessPushTests.eventually("the model holds the group") {
            try await browser.send(.GET, "/groups/g-big").status == 200
        }
        var seen: [String] = []
        var path: String? = "/groups/g-big"
        var pages = 0
        while let next = path, pages < 10 {
            let page = try await browser.send(.GET, next)
            #expect(page.status == 200)
            #expect(page.text.contains("(250)"), "the count is the whole group's")
            let ids = WebProvinceGroupPersonTests.ids(page.text, "state-members")
            #expect(ids.count <= 100)
            seen += ids
            pages += 1
            path = page.text.firstMatch(of: /id="members-pager">.*?<a rel="next" href="([^"]*)"/)
                .map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
        }
        #expect(pages == 3)
        #expect(seen.count == 250 && Set(seen).count == 250, "each member once: \(seen.count)")
        #expect(try await browser.send(.GET, "/groups/g-big?members_page=0").status == 400)
        try await served.stop()
    }
}
