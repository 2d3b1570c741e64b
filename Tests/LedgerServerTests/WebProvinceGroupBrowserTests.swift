import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// The province page and a group's time travel in a real browser (headless Chromium): what a reader sees once the
/// page has loaded, with no console message. `GROUPLEDGER_SCREENSHOTS=DIR` keeps `web-province.png` and
/// `web-group.png` there (the README's come from `docs/`).
@Suite(.serialized) struct WebProvinceGroupBrowserTests {
    static let group = WebProvinceGroupPersonTests.group

    /// A server with the demo ledger and the extra events, the model caught up, and the one-time link to `path`.
    static func browse(_ label: String, _ path: String) async throws -> (served: Served, url: String)? {
        try await WebBrowserTests.browse(label) { served in
            let posted = try await served.send(
                .POST,
                "/v1/events",
                token: served.importer,
                body: try Fixtures.bytes("demo/events.jsonl") + WebProvinceGroupPersonTests.extra
            )
            let first = try #require(posted.int("first_seq"))
            _ = try served.ledger.withhold(seq: UInt64(first + 18), reason: "R7a-classified", actor: "vp-ubnd")
            _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["after"]))
            let client = WebClient(served)
            _ = try await client.login(served.auditor)
            try await WitnessPushTests.eventually("the model reflects the withholding") {
                try await client.send(.GET, "/").text.contains(#"<dd id="withheld-count">1</dd>"#)
            }
            return path
        }
    }

    @Test func theProvincePageListsTheGroupWithItsHead() async throws {
        guard let (served, url) = try await Self.browse("browser-province", "/") else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        let dom = run.output
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        #expect(dom.contains("<h1>Toàn tỉnh</h1>"), "\(dom.prefix(600))")
        #expect(dom.contains(#"<tr id="group-\#(Self.group)">"#))
        #expect(dom.contains(#"<a href="/groups/\#(Self.group)">UBND tỉnh - Nông nghiệp</a>"#))
        #expect(dom.contains("Lê Minh Cường"), "the head now")
        #expect(dom.contains(#"<dd id="withheld-count">1</dd>"#))
        #expect(dom.contains("Tính toàn vẹn") && dom.contains(served.ledger.rootHash.hex), "the integrity panel")
        #expect(dom.contains(#"<p class="problem" id="anchor-state">CHƯA NEO"#), "no checkpoint kept: not anchored")
        #expect(!dom.contains("<script"), "the hostile post among the newest records stays text")
        try await served.stop()
    }

    @Test func aPersonPageShowsTheHeadshipThatEnded() async throws {
        guard let (served, url) = try await Self.browse("browser-person", "/people/p-001?lang=en") else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        let rows = WebProvinceGroupPersonTests.roleRows(run.output, detail: true)
        #expect(rows.contains { $0.hasPrefix("ended head #") }, "\(rows)")
        try await served.stop()
    }

    @Test func aGroupsTimeTravelShowsTheEarlierHeadAndAdmin() async throws {
        let path = "/groups/\(Self.group)?at=2026-11-03&lang=en"
        guard let (served, url) = try await Self.browse("browser-travel", path) else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        let dom = run.output
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        #expect(dom.contains("State at 2026-11-03 23:59 +07:00"), "\(dom.prefix(600))")
        #expect(WebProvinceGroupPersonTests.ids(dom, "state-head", tag: "dd") == ["p-001"])
        #expect(WebProvinceGroupPersonTests.ids(dom, "state-admins") == ["p-002"])
        #expect(
            WebProvinceGroupPersonTests.ids(dom, "state-members") == ["7301000000000000003", "7301000000000000004"]
        )
        #expect(dom.contains(#"<form class="filters" method="get" action="/groups/\#(Self.group)" id="travel">"#))
        #expect(!dom.contains("Phương án phân bổ"), "no withheld text")
        try await served.stop()
    }

    @Test func screenshotsOfTheProvinceAndGroupPages() async throws {
        let directory =
            ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-shots-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, path) in [
            ("web-province.png", "/?lang=en"), ("web-group.png", "/groups/\(Self.group)?at=2026-11-05&lang=en"),
        ] {
            guard let (served, url) = try await Self.browse("browser-shot-pages", path) else { return }
            let file = directory + "/" + name
            try? FileManager.default.removeItem(atPath: file)
            try await HeadlessChromium.screenshot(url, to: file, width: 1280, height: 900)
            let png = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47]), "\(name) is a PNG")
            try await served.stop()
        }
        if ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
