import Foundation
import LedgerCore
import LedgerStorage
import NIOHTTP1
import Testing

@testable import LedgerServer

/// The web view's pages: the record page (escaped, withheld, its proof), the home page's integrity panel, the
/// languages, and the templates themselves.
@Suite struct WebPageTests {
    /// An event whose content and data carry every character HTML gives a meaning to.
    static let hostile = #"<script>alert("x")</script> & 'q'"#

    static func hostileLine(_ id: String) -> [UInt8] {
        let text = hostile.replacingOccurrences(of: "\"", with: "\\\"")
        return Array(
            (#"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
                + #""group":"g-1","data":{"kind":"text","message":"\#(text)"},"content":{"text":"\#(text)"}}"#
                + "\n").utf8
        )
    }

    @Test func theRecordPageEscapesEverythingItShows() async throws {
        let served = try await Served.start("web-escape")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Self.hostileLine("x1"))
        let seq = try #require(posted.int("first_seq"))
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let page = try await browser.send(.GET, "/records/\(seq)")
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"].first == "text/html; charset=utf-8")
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        #expect(page.text.contains(#"<td class="text">\#(escaped)</td>"#), "the content's text")
        #expect(page.text.contains(#"&quot;message&quot;:&quot;&lt;script&gt;alert(\&quot;x\&quot;)"#), "the data")
        #expect(!page.text.contains("<script"))
        #expect(!page.text.contains("alert(\"x\")"))
        #expect(!page.text.contains("style="), "no inline style")
        let home = try await browser.send(.GET, "/")
        #expect(home.text.contains(#"<a href="/records/\#(seq)">"#))
        #expect(!home.text.contains("<script"))
        try await served.stop()
    }

    @Test func aWithheldRecordsPageShowsTheNoticeAndNoText() async throws {
        let served = try await Served.start("web-withheld")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["w1"]))
        let seq = UInt64(try #require(posted.int("first_seq")))
        let order = try served.ledger.withhold(seq: seq, reason: "TỐI MẬT stamp", actor: "vp-ubnd")
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let page = try await browser.send(.GET, "/records/\(seq)?lang=en")
        #expect(page.status == 200)
        #expect(page.text.contains(#"id="withheld""#))
        #expect(page.text.contains("TỐI MẬT stamp") && page.text.contains("vp-ubnd"))
        #expect(page.text.contains(#"<a href="/records/\#(order)">#\#(order)</a>"#))
        #expect(!page.text.contains("Báo cáo w1"), "the withheld text is nowhere")
        #expect(page.text.contains("m-w1"), "the event's own fields stay")
        try await served.stop()
    }

    @Test func theProofDownloadVerifiesAgainstTheCheckpoint() async throws {
        let served = try await Served.start("web-proof")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["p1"]))
        let seq = UInt64(try #require(posted.int("first_seq")))
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let download = try await browser.send(.GET, "/records/\(seq)/proof")
        #expect(download.status == 200)
        #expect(download.headers["Content-Disposition"].first == #"attachment; filename="record-\#(seq).proof""#)
        let proof = try TlogProof.parse(download.body)
        #expect(proof.index == seq)
        let leaf = try LedgerReader(root: served.root).entry(seq).leafHash
        try Merkle.verifyInclusion(
            leafHash: leaf,
            index: proof.index,
            size: proof.checkpoint.size,
            proof: proof.path,
            root: proof.checkpoint.rootHash,
            sha: SHA256()
        )
        #expect(try await browser.send(.GET, "/records/01/proof").status == 404)
        #expect(try await browser.send(.GET, "/records/\(served.ledger.size + 3)").status == 404)
        try await served.stop()
    }

    @Test func theHomePageShowsTheIntegrityPanelInVietnameseThenInEnglish() async throws {
        let served = try await Served.start("web-home")
        _ = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["h1", "h2"]))
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let vi = try await browser.send(.GET, "/")
        #expect(vi.text.contains(#"<html lang="vi">"#))
        #expect(vi.text.contains("Tính toàn vẹn"))
        #expect(vi.text.contains(#"<dd id="size">\#(served.ledger.size)</dd>"#))
        #expect(vi.text.contains(served.ledger.rootHash.hex))
        #expect(vi.text.contains("example.org/serve-test"))
        #expect(vi.text.contains("khóa của sổ cái"), "the ledger's key signed it")
        #expect(vi.text.contains("Chưa có nhân chứng nào"), "no witness")
        #expect(vi.text.contains(#"href="/?lang=en""#))
        let en = try await browser.send(.GET, "/?lang=en")
        #expect(en.text.contains(#"<html lang="en">"#) && en.text.contains("Integrity"))
        #expect(browser.cookies["gl_lang"] == "en")
        let remembered = try await browser.send(.GET, "/")
        #expect(remembered.text.contains("Integrity"), "the choice is remembered in a cookie")
        #expect(remembered.text.contains(#"href="/?lang=vi""#))
        try await served.stop()
    }

    @Test func theIntegrityPanelNamesTheWitnessThatCosignedAndWhen() async throws {
        let (witness, directory) = try WitnessPushTests.witness("web-witness")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fake = try await FakeWitness.start(.status(404, contentType: nil, body: ""))
        let served = try await WitnessPushTests.served("web-witnessed", fake, vkey: witness.vkey)
        fake.set(.endpoint(try WitnessEndpoint(witness: witness, logVerifierKeys: served.ledger.verifierKeys)))
        let size = try await WitnessPushTests.append(served, ["ww-1"])
        let note = try await WitnessPushTests.published(served, size: size)
        let cosignature = try #require(note.signatures.first { $0.name == witness.name })
        let seconds = try #require(Cosignature.timestamp(of: cosignature))
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let home = try await browser.send(.GET, "/?lang=en")
        #expect(home.text.contains(#"<dd id="size">\#(size)</dd>"#), "the witnessed checkpoint's size")
        let row =
            "<tr><td>\(witness.name)</td><td class=\"hash\">\(NoteKeyID.hex(cosignature.keyID))</td><td>witness</td>"
            + "<td>\(Timestamp.format(unixMillis: Int64(seconds) * 1000))</td></tr>"
        #expect(home.text.contains(row), "\(home.text)")
        #expect(home.text.contains("<td>ledger key</td>"))
        #expect(!home.text.contains("No witness has cosigned"))
        try await served.stop()
        try await fake.stop()
    }

    @Test func templatesNeverInsertUnescapedAndEveryLabelIsInTheTable() throws {
        let keys = Set(WebLabels.table.keys)
        for (name, text) in WebTemplates.sources {
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name) inserts a value unescaped")
            #expect(!text.contains("<script") && !text.contains("style="), "\(name) has an inline script or style")
            var rest = Substring(text)
            while let start = rest.range(of: "{{t.") {
                let name = rest[start.upperBound...].prefix { $0 != "}" }
                #expect(keys.contains(String(name)), "no label \(name)")
                rest = rest[start.upperBound...]
            }
        }
        for (key, pair) in WebLabels.table { #expect(!pair.vi.isEmpty && !pair.en.isEmpty, "\(key)") }
    }

    @Test func sessionsEndAfterTheirLifetimeOrIdleTimeAndTheStoreStaysBounded() {
        let store = SessionStore(lifetime: .seconds(100), idleTimeout: .seconds(10), capacity: 3)
        let start = ContinuousClock.now
        let id = store.open(holder: "a", tokenDigest: nil, now: start)
        #expect(store.session(id, now: start + .seconds(9))?.holder == "a")
        #expect(store.session(id, now: start + .seconds(18)) != nil, "each request restarts the idle time")
        #expect(store.session(id, now: start + .seconds(29)) == nil, "idle for 11 s")
        let busy = store.open(holder: "b", tokenDigest: nil, now: start)
        for second in stride(from: 5, to: 100, by: 5) {
            #expect(store.session(busy, now: start + .seconds(second)) != nil)
        }
        #expect(store.session(busy, now: start + .seconds(100)) == nil, "the lifetime is over")
        for holder in ["c", "d", "e", "f"] { _ = store.open(holder: holder, tokenDigest: nil, now: start) }
        #expect(store.count <= 3)
        #expect(store.session("not-a-session") == nil)
    }
}
