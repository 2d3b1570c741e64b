import Foundation
import LedgerStorage
import NIOHTTP1
import Testing

/// The findings, directives and search pages in headless Chromium: links followed from page to page, a filtered
/// list, an NFD search, no console message (no script error, no Content-Security-Policy violation), and the
/// README's screenshots. A one-time link opens one page, so each step serves the same events anew (same records,
/// same finding ids) and opens the link the previous step's page gave.
@Suite(.serialized) struct WebInspectionBrowserTests {
    /// A post around a classification stamp, with markup that must stay text.
    static let stamped = #"Gửi anh chị <b>tài liệu</b> TỐI MẬT <script>alert(1)</script> để xem."#

    /// Opens `path` in Chromium on a fresh server holding the demo events and ``stamped``.
    static func open(_ label: String, _ path: String) async throws -> HeadlessChromium.Run? {
        guard
            let (served, url) = try await WebBrowserTests.browse(
                label,
                setup: { served in
                    _ = try await InspectionPages.fill(served) { _ in [InspectionPages.post("stamp-b", Self.stamped)] }
                    return path
                }
            )
        else { return nil }
        let run = try await HeadlessChromium.dumpDOM(url)
        #expect(run.console.isEmpty, "no script error, no Content-Security-Policy violation: \(run.console)")
        try await served.stop()
        return run
    }

    @Test func aFindingIsFollowedFromTheFilteredListToItsEvidenceRecord() async throws {
        guard let list = try await Self.open("browser-findings", "/findings?rule=R7a&group=g-7301128844556677001")
        else { return }
        let links = InspectionPages.links(list.output, class: "finding-link")
        #expect(links.count == 2, "the demo's stamped post and ours: \(links)")
        #expect(list.output.contains(#"<option value="R7a" selected="">"#), "the form shows the filter")
        let newest = try #require(links.last)
        guard let finding = try await Self.open("browser-finding", newest) else { return }
        let dom = finding.output
        #expect(dom.contains("No classified material") && dom.contains("Không đăng tài liệu Mật"))
        #expect(dom.contains("<mark>TỐI MẬT</mark>"), "\(dom)")
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !dom.contains("<script"))
        let record = try #require(InspectionPages.links(dom, class: "record-link").first)
        guard let evidence = try await Self.open("browser-evidence", record) else { return }
        #expect(evidence.output.contains("TỐI MẬT") && evidence.output.contains("stamp-b"))
    }

    @Test func anNFDSearchFindsTheDirectivesPost() async throws {
        let nfd = "đề nghị sở nông nghiệp".decomposedStringWithCanonicalMapping
        guard let search = try await Self.open("browser-search", "/search?q=" + WebClient.encode(nfd)) else { return }
        let records = InspectionPages.links(search.output, class: "record-link")
        #expect(!records.isEmpty, "\(search.output)")
        guard let record = try await Self.open("browser-search-record", try #require(records.first)) else { return }
        #expect(record.output.contains("Đề nghị Sở Nông nghiệp và PTNT báo cáo"))
    }

    @Test func theDirectivesPageLoadsWithoutConsoleMessages() async throws {
        guard let page = try await Self.open("browser-directives", "/directives?lang=en") else { return }
        #expect(page.output.contains("d-2026-001") && page.output.contains("completed"))
    }

    @Test func screenshotsOfTheFindingAndSearchPages() async throws {
        let directory =
            ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-shots-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["web-finding.png", "web-search.png"] {
            guard
                let (served, url) = try await WebBrowserTests.browse(
                    "browser-shot-b",
                    setup: { served in
                        let pages = try await InspectionPages.fill(served) { seq in
                            [
                                InspectionPages.post("stamp-b", Self.stamped),
                                InspectionPages.review(
                                    "review-b",
                                    finding: "R7a:post:\(seq)",
                                    verdict: "confirmed",
                                    note: "Rút nội dung theo quy trình."
                                ),
                            ]
                        }
                        return name == "web-finding.png"
                            ? "/findings/R7a%3Apost%3A\(pages.firstExtra)?lang=en"
                            : "/search?q=" + WebClient.encode("bao cao")
                    }
                )
            else { return }
            let file = directory + "/" + name
            try? FileManager.default.removeItem(atPath: file)
            try await HeadlessChromium.screenshot(url, to: file, width: 1280, height: 1250)
            let png = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47]), "\(name) is a PNG")
            try await served.stop()
        }
        if ProcessInfo.processInfo.environment["GROUPLEDGER_SCREENSHOTS"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}
