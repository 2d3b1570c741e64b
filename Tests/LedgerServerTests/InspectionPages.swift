import Foundation
import LedgerCore
import LedgerStorage
import NIOHTTP1
import Testing

/// A served ledger holding the demo events (`Fixtures/demo/events.jsonl`) and the test's own lines, with an auditor
/// logged in and the inspection model caught up: what the findings, directives and search page tests start from.
struct InspectionPages {
    let served: Served
    let browser: WebClient
    /// The sequence number of the first of the test's own lines.
    let firstExtra: Int

    /// The demo group, where the test's own posts go.
    static let group = "g-7301128844556677001"

    /// Serves the demo ledger plus the event lines `extra` makes (given the sequence number the first of them will
    /// have), and waits until `/search` finds the last record.
    static func start(
        _ label: String,
        extra makeExtra: (_ firstSeq: Int) -> [String] = { _ in [] }
    ) async throws -> InspectionPages {
        try await fill(try await Served.start(label), extra: makeExtra)
    }

    /// Appends the demo events and the lines `extra` makes to `served`, logs an auditor in and waits for the model.
    static func fill(
        _ served: Served,
        extra makeExtra: (_ firstSeq: Int) -> [String] = { _ in [] }
    ) async throws -> InspectionPages {
        let demo = try Fixtures.bytes("demo/events.jsonl")
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: demo)
        #expect(posted.status == 200, "\(posted.text)")
        let firstExtra = Int(served.ledger.size)
        let extra = makeExtra(firstExtra)
        if !extra.isEmpty {
            let more = try await served.send(
                .POST,
                "/v1/events",
                token: served.importer,
                body: Array(extra.map { $0 + "\n" }.joined().utf8)
            )
            #expect(more.status == 200 && more.int("first_seq") == firstExtra, "\(more.text)")
        }
        let browser = WebClient(served)
        _ = try await browser.login(served.auditor)
        let last = Int(served.ledger.size) - 1
        let lastLine = extra.last ?? String(decoding: demo, as: UTF8.self).split(separator: "\n").last.map(String.init)
        let lastID = try #require(try JSONParser().parse(Array((lastLine ?? "").utf8))["id"]?.stringValue)
        try await WitnessPushTests.eventually("the inspection model reaches record \(last)") {
            let page = try await browser.send(.GET, "/search?q=" + WebClient.encode(lastID))
            return page.status == 200 && page.text.contains(#"href="/records/\#(last)""#)
        }
        return InspectionPages(served: served, browser: browser, firstExtra: firstExtra)
    }

    /// A post in the demo group by the account of p-004 (Phạm Thu Dung), at `time`, with `text`.
    static func post(_ id: String, _ text: String, time: String = "2026-11-03T11:00:00+07:00") -> String {
        let quoted = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"id":"\#(id)","type":"post.created","time":"\#(time)","actor":"7301000000000000004","#
            + #""group":"\#(group)","data":{"kind":"text","message":"\#(id)"},"content":{"text":"\#(quoted)"}}"#
    }

    /// A review of finding `finding` by p-002 with `note`.
    static func review(_ id: String, finding: String, verdict: String, note: String) -> String {
        let quoted = note.replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"id":"\#(id)","type":"finding.reviewed","time":"2026-11-06T09:00:00+07:00","actor":"p-002","#
            + #""data":{"finding":"\#(finding)","verdict":"\#(verdict)","reviewer":"p-002"},"#
            + #""content":{"note":"\#(quoted)"}}"#
    }

    /// The hrefs of `class="NAME"` links on a page, in order.
    static func links(_ page: String, class name: String) -> [String] {
        page.components(separatedBy: #"<a class="\#(name)" href=""#).dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }
}
