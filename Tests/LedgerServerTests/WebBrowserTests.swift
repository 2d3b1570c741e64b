import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// The web view in a real browser (headless Chromium from Debian): what a reader sees once the page has loaded.
/// Each test logs in by a server's one-time link (`?next=` the page), since a headless run cannot type a token.
/// `GROUPLEDGER_SCREENSHOTS=DIR` keeps the screenshots there (the README's come from `docs/`).
@Suite(.serialized) struct WebBrowserTests {
    /// A server with a one-time link, prepared by `setup`, whose returned path the browser opens through the link.
    static func browse(
        _ label: String,
        setup: (Served) async throws -> String
    ) async throws -> (served: Served, url: String)? {
        if let reason = HeadlessChromium.missing(for: "WebBrowserTests") {
            print(reason)
            return nil
        }
        let served = try await Served.start(label) { $0.loginLink = true }
        let path = try await setup(served)
        let link = try #require(served.loginLink)
        return (served, served.url(link + "?next=" + WebClient.encode(path)))
    }

    @Test func aHostileEventIsShownAsTextAndNeverRuns() async throws {
        var seq = 0
        guard
            let (served, url) = try await Self.browse(
                "browser-script",
                setup: { served in
                    let posted = try await served.send(
                        .POST,
                        "/v1/events",
                        token: served.importer,
                        body: WebPageTests.hostileLine("s1")
                    )
                    seq = try #require(posted.int("first_seq"))
                    return "/records/\(seq)"
                }
            )
        else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        let dom = run.output
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        #expect(dom.contains("Bản ghi #\(seq)"), "\(dom.prefix(400))")
        #expect(dom.contains(#"&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'q'"#), "shown as text")
        #expect(!dom.contains("<script"), "no script element reached the DOM")
        #expect(dom.contains("example.org/serve-test"), "the header names the ledger")
        let again = try await HeadlessChromium.dumpDOM(url).output
        #expect(again.contains("đã được dùng") && !again.contains("&lt;script&gt;"), "the link works once")
        try await served.stop()
    }

    @Test func aWithheldRecordShowsTheNoticeAndNoText() async throws {
        guard
            let (served, url) = try await Self.browse(
                "browser-withheld",
                setup: { served in
                    let posted = try await served.send(
                        .POST,
                        "/v1/events",
                        token: served.importer,
                        body: Events.body(["w1"])
                    )
                    let seq = UInt64(try #require(posted.int("first_seq")))
                    _ = try served.ledger.withhold(seq: seq, reason: "R7a-classified", actor: "vp-ubnd")
                    return "/records/\(seq)?lang=en"
                }
            )
        else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        let dom = run.output
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        #expect(dom.contains("Content withheld") && dom.contains("R7a-classified") && dom.contains("vp-ubnd"))
        #expect(!dom.contains("Báo cáo w1"))
        try await served.stop()
    }

    @Test func theHomePageShowsTheIntegrityPanel() async throws {
        guard
            let (served, url) = try await Self.browse(
                "browser-home",
                setup: { served in
                    _ = try await served.send(
                        .POST,
                        "/v1/events",
                        token: served.importer,
                        body: Events.body(["h1", "h2", "h3"])
                    )
                    return "/"
                }
            )
        else { return }
        let run = try await HeadlessChromium.dumpDOM(url)
        let dom = run.output
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        #expect(dom.contains("Tính toàn vẹn") && dom.contains(#"<dd id="size">\#(served.ledger.size)</dd>"#))
        #expect(dom.contains(served.ledger.rootHash.hex))
        #expect(dom.contains("khóa của sổ cái"))
        // The link is used up: a DOM dump now needs a session, and shows the login form.
        let login = try await HeadlessChromium.dumpDOM(served.url("/")).output
        #expect(login.contains(#"name="token""#) && login.contains("Đăng nhập"))
        try await served.stop()
    }

    @Test func thePageOfAServerWithoutALinkAsksForALogin() async throws {
        if let reason = HeadlessChromium.missing(for: "WebBrowserTests") {
            print(reason)
            return
        }
        let served = try await Served.start("browser-login")
        let dom = try await HeadlessChromium.dumpDOM(served.url("/records/0")).output
        #expect(dom.contains(#"<form class="login" method="post" action="/login">"#))
        #expect(dom.contains(#"value="/records/0""#))
        try await served.stop()
    }

    @Test func screenshotsOfTheHomeAndRecordPages() async throws {
        let directory =
            ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-shots-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, record) in [("web-home.png", false), ("web-record.png", true)] {
            guard
                let (served, url) = try await Self.browse(
                    "browser-shot",
                    setup: { served in
                        let posted = try await served.send(
                            .POST,
                            "/v1/events",
                            token: served.importer,
                            body: Events.body(["r1", "r2"]) + WebPageTests.hostileLine("s1")
                        )
                        let hostile = try #require(posted.int("first_seq")) + 2
                        return record ? "/records/\(hostile)?lang=en" : "/"
                    }
                )
            else { return }
            let file = directory + "/" + name
            try? FileManager.default.removeItem(atPath: file)
            try await HeadlessChromium.screenshot(url, to: file)
            let png = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47]), "\(name) is a PNG")
            try await served.stop()
        }
        if ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
