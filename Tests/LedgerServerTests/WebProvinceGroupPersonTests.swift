import Foundation
import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerStorage
import NIOHTTP1
import Testing

@testable import LedgerServer

/// The province page (`/`), a group's page with its timeline and time travel (`/groups/{id}`) and a person's page
/// (`/people/{id}`) over the demo ledger and a few more events: a head change, an admin unassigned, a reaction, a
/// capture gap, a hostile post, a withheld post and enough posts for two pages of timeline.
@Suite struct WebProvinceGroupPersonTests {
    static let group = "g-7301128844556677001"

    /// The demo ledger with the extra events served, the withheld post's record, and a logged-in client, once the
    /// inspection model reflects every record.
    struct Demo {
        let served: Served
        let browser: WebClient
        /// The first record of the demo events.
        let first: Int
        /// The post whose content was withheld ("TỐI MẬT …").
        let withheld: UInt64
        /// The hostile post.
        let hostile: Int
    }

    static func line(
        _ id: String,
        _ type: String,
        _ time: String,
        _ actor: String,
        group: Bool,
        _ rest: String
    )
        -> String
    {
        #"{"id":"\#(id)","type":"\#(type)","time":"2026-11-\#(time)+07:00","actor":"\#(actor)","#
            + (group ? #""group":"\#(Self.group)","# : "") + rest + "}\n"
    }

    /// Events after the demo's: a reaction, a capture gap, the admin unassigned, a new head, a hostile post and 40
    /// posts more.
    static var extra: [UInt8] {
        let hostile = WebPageTests.hostile.replacingOccurrences(of: "\"", with: "\\\"")
        var lines = [
            line(
                "x-react",
                "reaction.added",
                "03T07:50:00",
                "7301000000000000002",
                group: true,
                #""data":{"message":"6001000000000000101","icon":"/-strong"}"#
            ),
            line(
                "x-stop",
                "capture.stopped",
                "04T10:00:00",
                "7301000000000000002",
                group: false,
                #""data":{"account":"7301000000000000002","code":1006}"#
            ),
            line(
                "x-start",
                "capture.started",
                "04T12:00:00",
                "7301000000000000002",
                group: false,
                #""data":{"account":"7301000000000000002"}"#
            ),
            line(
                "x-unassign",
                "admin.unassigned",
                "05T09:00:00",
                "p-001",
                group: true,
                #""data":{"person":"p-002","by":"p-001"}"#
            ),
            line("x-head", "head.assigned", "06T08:00:00", "vp-ubnd", group: true, #""data":{"person":"p-003"}"#),
            line(
                "x-hostile",
                "post.created",
                "06T09:00:00",
                "7301000000000000003",
                group: true,
                #""data":{"kind":"text","message":"m-hostile"},"content":{"text":"\#(hostile)"}"#
            ),
        ]
        for number in 0..<40 {
            lines.append(
                line(
                    "x-post-\(number)",
                    "post.created",
                    "07T08:\(number < 10 ? "0" : "")\(number):00",
                    "7301000000000000003",
                    group: true,
                    #""data":{"kind":"text","message":"m-fill-\#(number)"},"content":{"text":"Tin số \#(number)"}"#
                )
            )
        }
        return Array(lines.joined().utf8)
    }

    static func demo(_ label: String) async throws -> Demo {
        let served = try await Served.start(label)
        let posted = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            body: try Fixtures.bytes("demo/events.jsonl") + extra
        )
        #expect(posted.status == 200, "\(posted.text)")
        let first = try #require(posted.int("first_seq"))
        // Line 19 of the demo is the post with "TỐI MẬT" in its text.
        let withheld = UInt64(first + 18)
        _ = try served.ledger.withhold(seq: withheld, reason: "R7a-classified", actor: "vp-ubnd")
        // The model catches up after the server's own commits: one more event brings the withholding in.
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["after"]))
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        try await WitnessPushTests.eventually("the model reflects the withholding") {
            try await browser.send(.GET, "/").text.contains(#"<dd id="withheld-count">1</dd>"#)
        }
        return Demo(served: served, browser: browser, first: first, withheld: withheld, hostile: first + 25 + 5)
    }

    /// The province as a replay of the ledger up to `cutoff` gives it.
    static func replay(_ served: Served, _ cutoff: StateCutoff) throws -> ProvinceState {
        var projector = Projector()
        try RecordSource.read(served.root, cutoff: cutoff, warn: { _ in }, { projector.apply($0) })
        return projector.state
    }

    /// The `data-id`s inside the element `<… id="id">` up to its closing `</tag>`.
    static func ids(_ page: String, _ id: String, tag: String = "ul") -> Set<String> {
        guard let start = page.range(of: #"id="\#(id)">"#),
            let end = page.range(of: "</\(tag)>", range: start.upperBound..<page.endIndex)
        else { return [] }
        let part = page[start.upperBound..<end.lowerBound]
        return Set(part.matches(of: /data-id="([^"]*)"/).map { String($0.output.1) })
    }

    /// The rows of a person page's roles table: each row's class, and with `detail` its part and record links.
    static func roleRows(_ page: String, detail: Bool = false) -> [String] {
        guard let start = page.range(of: #"<table id="roles">"#),
            let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].matches(of: /<tr class="([a-z]+)">(.*?)<\/tr>/).map { match in
            let row = String(match.output.2)
            guard detail else { return String(match.output.1) }
            let part = row.components(separatedBy: "<td>")[2].replacingOccurrences(of: "</td>", with: "")
            let links = row.matches(of: /href="\/records\/([0-9]+)"/).map { "#" + $0.output.1 }
            return ([String(match.output.1), part] + links).joined(separator: " ")
        }
    }

    static func rows(_ page: String, _ rowClass: String) -> Int {
        page.components(separatedBy: #"<tr class="\#(rowClass)">"#).count - 1
    }

    @Test func theProvincePageListsEveryGroupWithItsCountsAndLinks() async throws {
        let demo = try await Self.demo("web-province")
        let page = try await demo.browser.send(.GET, "/")
        #expect(page.status == 200)
        let state = try Self.replay(demo.served, .everything)
        let text = page.text
        #expect(text.contains(#"<dd id="person-count">\#(state.persons.count)</dd>"#))
        #expect(text.contains(#"<dd id="group-count">\#(state.groups.count)</dd>"#))
        #expect(text.contains(#"<a href="/groups/\#(Self.group)">UBND tỉnh - Nông nghiệp</a>"#))
        let row = try #require(
            text.components(separatedBy: #"<tr id="group-\#(Self.group)">"#).dropFirst().first?
                .components(separatedBy: "</tr>").first
        )
        #expect(row.contains(#"href="/people/p-003""#) && row.contains("Lê Minh Cường"), "the head now: \(row)")
        #expect(!row.contains("/people/p-002"), "p-002 is no admin any more")
        #expect(row.contains("<td>\(state.groups[Self.group]!.members.count)</td>"), "member count")
        #expect(row.contains(#"href="/directives?group=\#(Self.group)""#))
        for link in row.matches(of: /href="\/findings\?([^"]*)"/) {
            #expect(
                link.output.1.hasPrefix("rule=R") && link.output.1.hasSuffix("&amp;group=\(Self.group)&amp;status=open")
            )
        }
        #expect(text.contains("Tính toàn vẹn") && text.contains(#"<dd id="size">\#(demo.served.ledger.size)</dd>"#))
        #expect(text.contains(demo.served.ledger.rootHash.hex))
        #expect(!text.contains("<script"), "the hostile post in the newest records is escaped")
        let english = try await demo.browser.send(.GET, "/?lang=en")
        #expect(english.text.contains("<h1>Province</h1>") && english.text.contains("Open findings"))
        try await demo.served.stop()
    }

    @Test func timeTravelShowsTheHeadAdminsAndMembersAReplayGivesAtThatTime() async throws {
        let demo = try await Self.demo("web-travel")
        let points: [(String, StateCutoff)] = [
            ("at=2026-11-02T08:05:30%2B07:00", .eventTime(Timestamp("2026-11-02T08:05:30+07:00")!)),
            ("at=2026-11-03", .eventTime(Timestamp("2026-11-03T23:59:59.999+07:00")!)),
            ("at=2026-11-05T12:00:00Z", .eventTime(Timestamp("2026-11-05T12:00:00Z")!)),
            ("at_record=\(demo.first + 11)", .seq(UInt64(demo.first + 11))),
            ("", .everything),
        ]
        var heads: Set<String> = []
        for (query, cutoff) in points {
            let page = try await demo.browser.send(.GET, "/groups/\(Self.group)?\(query)")
            #expect(page.status == 200, "\(query)")
            let group = try #require(try Self.replay(demo.served, cutoff).groups[Self.group])
            let head = Self.ids(page.text, "state-head", tag: "dd")
            #expect(head == Set([group.head?.holder].compactMap { $0 }), "\(query)")
            #expect(Self.ids(page.text, "state-admins") == Set(group.admins.keys), "\(query)")
            #expect(Self.ids(page.text, "state-members") == Set(group.members.keys), "\(query)")
            heads.formUnion(head)
        }
        #expect(heads == ["p-001", "p-003"], "the head changed between the points")
        let earlier = try await demo.browser.send(.GET, "/groups/\(Self.group)?at=2026-11-03&lang=en")
        #expect(earlier.text.contains("State at 2026-11-03 23:59 +07:00"), "\(earlier.text.prefix(3000))")
        #expect(earlier.text.contains(#"<input type="text" name="at" value="2026-11-03""#), "the form keeps the day")
        let before = try await demo.browser.send(.GET, "/groups/\(Self.group)?at=2026-11-01")
        #expect(before.status == 200 && before.text.contains(#"id="not-yet""#))
        try await demo.served.stop()
    }

    @Test func badParametersAndUnknownIdsAreRefused() async throws {
        let demo = try await Self.demo("web-refused")
        for (query, parameter) in [
            ("at=yesterday", "at=yesterday"), ("at=2026-02-30", "at=2026-02-30"), ("at_record=-1", "at_record=-1"),
            ("page=0", "page=0"), ("from=soon", "from=soon"), ("type=no.such", "type=no.such"),
        ] {
            let page = try await demo.browser.send(.GET, "/groups/\(Self.group)?\(query)&lang=en")
            #expect(page.status == 400, "\(query)")
            #expect(page.text.contains("This parameter is not understood: \(parameter)"), "\(query)")
        }
        let group = try await demo.browser.send(.GET, "/groups/g-none?lang=en")
        #expect(group.status == 404 && group.text.contains("The ledger has no such group."))
        let person = try await demo.browser.send(.GET, "/people/p-none?lang=en")
        #expect(person.status == 404 && person.text.contains("The ledger has no such person or account."))
        let hostile = try await demo.browser.send(.GET, "/people/%3Cscript%3E")
        #expect(hostile.status == 404 && !hostile.text.contains("<script"))
        let badPage = try await demo.browser.send(.GET, "/people/p-003?page=x")
        #expect(badPage.status == 400)
        try await demo.served.stop()
    }

    @Test func withoutASessionEveryPageSendsTheReaderToLogin() async throws {
        let served = try await Served.start("web-pages-login")
        for path in ["/", "/groups/g-1?at=2026-11-03", "/people/p-001"] {
            let answer = try await WebClient(served).send(.GET, path)
            #expect(answer.status == 303, "\(path)")
            #expect(answer.headers["Location"].first == "/login?next=" + FormBody.encode(path), "\(path)")
        }
        try await served.stop()
    }

    @Test func theTimelineShowsNoWithheldTextAndEscapesTheRest() async throws {
        let demo = try await Self.demo("web-timeline")
        let page = try await demo.browser.send(.GET, "/groups/\(Self.group)?type=post.created&order=oldest")
        #expect(page.status == 200)
        let text = page.text
        #expect(text.contains("Đề nghị Sở Nông nghiệp và PTNT"), "a post's text")
        #expect(!text.contains("TỐI MẬT") && !text.contains("Phương án phân bổ"), "no withheld text")
        #expect(text.contains("R7a-classified"), "the withholding notice instead")
        #expect(text.contains(#"<a href="/records/\#(demo.withheld)">\#(demo.withheld)</a>"#))
        #expect(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(!text.contains("<script") && !text.contains("style="))
        let person = try await demo.browser.send(.GET, "/people/p-004")
        #expect(person.text.contains("R7a-classified") && !person.text.contains("Phương án phân bổ"))
        try await demo.served.stop()
    }

    @Test func filtersAndPagingChangeWhatTheTimelineLists() async throws {
        let demo = try await Self.demo("web-filters")
        let path = "/groups/\(Self.group)"
        let everything = try await demo.browser.send(.GET, path)
        #expect(Self.rows(everything.text, "reaction-added") == 0, "no reactions unless asked")
        #expect(everything.text.contains(#"<a rel="next" href="\#(path)?page=2">"#), "more than a page")
        let second = try await demo.browser.send(.GET, path + "?page=2")
        #expect(second.text.contains(#"<a rel="prev" href="\#(path)?page=1">"#))
        #expect(second.text.contains("Đề nghị Sở Nông nghiệp"), "the oldest post is on the last page")
        #expect(!everything.text.contains("Đề nghị Sở Nông nghiệp"))
        let reactions = try await demo.browser.send(.GET, path + "?reactions=1")
        #expect(Self.rows(reactions.text, "reaction-added") == 1)
        let joined = try await demo.browser.send(.GET, path + "?type=member.joined")
        #expect(Self.rows(joined.text, "member-joined") == 2)
        #expect(Self.rows(joined.text, "post-created") == 0 && Self.rows(joined.text, "member-left") == 0)
        let person = try await demo.browser.send(.GET, path + "?person=7301000000000000004&order=oldest")
        #expect(Self.rows(person.text, "member-joined") == 1 && Self.rows(person.text, "member-left") == 1)
        #expect(Self.rows(person.text, "post-created") == 1 && Self.rows(person.text, "head-assigned") == 0)
        let window = try await demo.browser.send(.GET, path + "?from=2026-11-02&to=2026-11-02")
        #expect(Self.rows(window.text, "head-assigned") == 1 && Self.rows(window.text, "member-joined") == 2)
        #expect(Self.rows(window.text, "post-created") == 0)
        let gap = try await demo.browser.send(.GET, path + "?from=2026-11-03&to=2026-11-05&lang=en")
        #expect(gap.text.contains(#"<tr class="gap">"#) && gap.text.contains("Capture gap"), "the gap is drawn")
        try await demo.served.stop()
    }

    @Test func thePersonPageShowsAccountsRolesDirectivesAndRecords() async throws {
        let demo = try await Self.demo("web-person")
        let page = try await demo.browser.send(.GET, "/people/p-003?lang=en")
        #expect(page.status == 200)
        let text = page.text
        #expect(text.contains("Lê Minh Cường"))
        #expect(text.contains(#"<a href="/people/7301000000000000003">7301000000000000003</a>"#), "the account")
        #expect(text.contains(#"<table id="roles">"#) && text.contains(#"<a href="/groups/\#(Self.group)">"#))
        #expect(text.contains(#"<a href="/directives?group=\#(Self.group)">d-2026-001</a>"#))
        #expect(text.contains(": completed"))
        #expect(text.contains("Tin số 39"), "their posts, newest first")
        #expect(text.contains(#"<a rel="next" href="/people/p-003?page=2">"#), "paged")
        let roles = Self.roleRows(text, detail: true)
        #expect(
            roles == [
                "current member (7301000000000000003) #\(demo.first + 11)", "current head #\(demo.first + 29)",
            ],
            "\(roles)"
        )
        // p-001 headed the group until p-003 was made head; p-002's admin part ended with its unassignment; p-004's
        // account left the group.
        let head = Self.roleRows(try await demo.browser.send(.GET, "/people/p-001?lang=en").text, detail: true)
        #expect(head.contains("ended head #\(demo.first + 9) #\(demo.first + 29)"), "\(head)")
        let admin = Self.roleRows(try await demo.browser.send(.GET, "/people/p-002?lang=vi").text, detail: true)
        #expect(admin.contains("ended quản trị #\(demo.first + 10) #\(demo.first + 28)"), "\(admin)")
        let left = Self.roleRows(try await demo.browser.send(.GET, "/people/p-004?lang=en").text, detail: true)
        #expect(left == ["ended member (7301000000000000004) #\(demo.first + 12) #\(demo.first + 24)"], "\(left)")
        let account = try await demo.browser.send(.GET, "/people/7301000000000000003?lang=en")
        #expect(account.status == 200)
        #expect(account.text.contains(#"<dd id="bound-to"><a href="/people/p-003">p-003</a></dd>"#))
        var checker = RuleChecker(configuration: .default)
        try RecordSource.read(demo.served.root, cutoff: .everything, warn: { _ in }, { checker.apply($0) })
        for finding in checker.result().findings.prefix(3) {
            guard let subject = finding.subject else { continue }
            let other = try await demo.browser.send(.GET, "/people/" + FormBody.encode(subject, keepingSlash: false))
            #expect(other.text.contains(#"<a href="/findings/\#(PageValues.segment(finding.id))">"#), "\(finding.id)")
        }
        try await demo.served.stop()
    }
}
