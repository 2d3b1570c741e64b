import LedgerCore
import TestSupport
import Testing

@testable import LedgerImport

/// The direct path for envelope lines gives exactly what the general path (a JSON tree, ``EnvelopeDecoder``, the
/// catalogue, ``JCS``) gives, byte for byte, or leaves the line to it.
@Suite struct EnvelopeDirectLineTests {
    /// What each line becomes — id, record bytes and content bytes, or the error — on one path.
    static func decode(_ lines: [String], direct: Bool) -> [String] {
        var decoder = EnvelopeLinesDecoder(name: "events.jsonl")
        decoder.threads = 1
        decoder.directPath = direct
        return decoder.decodeAll(Array(lines.joined(separator: "\n").utf8)).flatMap { outcome -> [String] in
            switch outcome {
            case .events(let events, _):
                events.map { event in
                    let content = event.contentBytes.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                    return "\(event.id) \(event.isLedgerEvent) \(String(decoding: event.chainBytes, as: UTF8.self)) "
                        + content
                }
            case .rejected(let error): [error.description]
            case .skipped(_, let reason): ["skipped: \(reason)"]
            }
        }
    }

    /// How many of `lines` the direct path maps itself.
    static func claimed(_ lines: [String]) -> Int {
        let direct = EnvelopeDirectLine()
        return lines.filter { line in Array(line.utf8).withUnsafeBytes { direct.event($0, sha: SHA256()) } != nil }
            .count
    }

    static func expectSameOnBothPaths(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let general = decode(lines, direct: false)
        let direct = decode(lines, direct: true)
        #expect(general.count == direct.count, sourceLocation: sourceLocation)
        for (number, (expected, got)) in zip(general, direct).enumerated() where expected != got {
            Issue.record(
                "line \(number + 1): \(lines[number])\n general: \(expected)\n direct:  \(got)",
                sourceLocation: sourceLocation
            )
        }
    }

    /// The id hash the direct path computes on the decoding thread is the SHA-256 of the id.
    @Test func theDirectPathHashesTheIdOfTheEvent() throws {
        let line = Array(Self.plain[0].utf8)
        let event = try #require(line.withUnsafeBytes { EnvelopeDirectLine().event($0, sha: SHA256()) })
        #expect(event.idHash == SHA256().hash(Array(event.id.utf8)))
        #expect(event.id == "ev-1")
        #expect(!event.isLedgerEvent)
    }

    @Test(arguments: ["../demo/events.jsonl", "../province/events.jsonl"])
    func theFixturesGiveTheSameEventsOnBothPaths(name: String) {
        let lines = String(decoding: Fixture.bytes(name), as: UTF8.self).split(separator: "\n").map(String.init)
        Self.expectSameOnBothPaths(lines)
        // Most fixture events are plain (ASCII ids, catalogue types): the direct path must take them.
        #expect(Self.claimed(lines) * 2 > lines.count)
    }

    /// Lines the direct path maps itself: each must also give the general path's event.
    static let plain: [String] = [
        #"{"id":"ev-1","type":"post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m1"},"content":{"text":"Đề nghị báo cáo"}}"#,
        // Members in any order, whitespace; data and content keys unsorted.
        #" { "content" : {"text":"x","attachments":[{"title":"a.pdf","url":"https://x/y"}]}, "data":{"message":"m2","kind":"file","client_message":"c2"},"group":"g1","actor":"u 1","time":"2026-11-01T08:00:00.123Z","type":"post.created","id":"ev-2"} "#,
        #"{"id":"ev-3","type":"member.joined","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"accounts":["a1","a2"],"via":"link"}}"#,
        #"{"id":"ev-4","type":"directive.issued","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"due":"2026-11-02T16:00:00+07:00","directive":"d1","issuer":"p1","assignees":["p2"]}}"#,
        #"{"id":"ev-5","type":"capture.stopped","time":"2026-11-01T08:00:00Z","actor":"u1","data":{"account":"a1","code":-0,"reason":"x"}}"#,
        #"{"id":"ev-6","type":"group.platform_event","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g","data":{"act":"x","raw_sha256":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}}"#,
        #"{"id":"ev-7","type":"post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m","mentions":[{"len":2,"account":"a1","pos":0,"x":null}]},"content":{"text":"@A \"q\"\n\u00e9\ud83d\ude00\/","é":1,"a":[true,false,null,12345678901234567890123]}}"#,
        #"{"id":"ev-8","type":"group.settings_changed","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"settings":{"z":{"b":1,"a":[{"d":0,"c":-5}]},"a":"","ä":2,"b":3}}}"#,
        #"{"id":"ev-9","type":"group.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1"}"#,
        #"{"id":"ev-10","type":"group.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{},"content":null}"#,
        #"{"id":"ev-11","type":"finding.reviewed","time":"2026-11-01T08:00:00+07:00","actor":"u1","data":{"finding":"f1","verdict":"dismissed","reviewer":"p1","source":{"format":"x"}}}"#,
        #"{"id":"ev-12","type":"post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m"},"content":"\u2028\u007f€"}"#,
    ]

    @Test func plainLinesAreMappedDirectlyAndAgree() {
        Self.expectSameOnBothPaths(Self.plain)
        #expect(Self.claimed(Self.plain) == Self.plain.count)
    }

    /// Lines the general path refuses, or maps in a way the direct path leaves to it: the direct path declines each,
    /// so the error (or event) is the general path's.
    static let declined: [String] = [
        #"{"id":"ledger:initialized","type":"post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"LEDGER:x","type":"post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"ledger.content_withheld","time":"2026-11-01T08:00:00+07:00","actor":"u1"}"#,
        #"{"id":"e","type":"post.unknown","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1"}"#,
        #"{"id":"e","type":"Post.created","time":"2026-11-01T08:00:00+07:00","actor":"u1","group":"g1"}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-02-30T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"post.created","time":"0001-01-01T00:00:00+00:01","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"person.registered","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g","data":{"person":"p","position":"x","unit":"y"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"poem","message":"m"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m","extra":1}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":""}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":5}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":[]}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":null}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":null,"data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"},"extra":1}"#,
        #"{"id":5,"type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e\u0001","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e\u00ad","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        "{\"id\":\"e\u{202E}\",\"type\":\"post.created\",\"time\":\"2026-11-01T08:00:00Z\",\"actor\":\"u1\",\"group\":\"g1\",\"data\":{\"kind\":\"text\",\"message\":\"m\"}}",
        #"{"id":"xin chào","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        #"{"id":"e","type":"member.joined","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"accounts":[]}}"#,
        #"{"id":"e","type":"member.joined","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"accounts":["a",""]}}"#,
        #"{"id":"e","type":"directive.issued","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"due":"tomorrow","directive":"d1","issuer":"p1","assignees":["p2"]}}"#,
        #"{"id":"e","type":"capture.stopped","time":"2026-11-01T08:00:00Z","actor":"u1","data":{"account":"a1","code":1.5}}"#,
        #"{"id":"e","type":"capture.stopped","time":"2026-11-01T08:00:00Z","actor":"u1","data":{"account":"a1","code":"1"}}"#,
        #"{"id":"e","type":"group.platform_event","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g","data":{"act":"x","raw_sha256":"ABCDEF"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m","mentions":[{"account":"a","pos":0}]}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"},"content":{"😀":1,"":2}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"},"content":{"n":1.50}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"},"content":{"t":"x","t":"y"}}"#,
        #"{"id":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}"#,
        #"["not an object"]"#,
        #"{"\u0069d":"e","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"kind":"text","message":"m"}}"#,
        "\u{FEFF}{\"id\":\"e\",\"type\":\"group.created\",\"time\":\"2026-11-01T08:00:00Z\",\"actor\":\"u1\",\"group\":\"g1\"}",
    ]

    @Test func linesTheGeneralPathRefusesOrReadsOtherwiseAreDeclined() {
        Self.expectSameOnBothPaths(Self.declined)
        let direct = EnvelopeDirectLine()
        for line in Self.declined {
            let event = Array(line.utf8).withUnsafeBytes { direct.event($0, sha: SHA256()) }
            #expect(event == nil, "the direct path mapped \(line)")
        }
    }

    @Test func anIdentifierOfTheLongestLengthIsMappedAndOneByteMoreIsLeftToTheGeneralPath() {
        let longest = String(repeating: "a", count: EnvelopeRules.maxIdentifierBytes)
        let lines = [longest, longest + "a"].map { id in
            #"{"id":"\#(id)","type":"group.created","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1"}"#
        }
        Self.expectSameOnBothPaths(lines)
        #expect(Self.claimed(lines) == 1)
    }

    @Test func anEventPastTheRecordOrContentLimitIsLeftToTheGeneralPath() {
        let long = String(repeating: "x", count: Record.maxEnvelopeSize)
        let huge = String(repeating: "y", count: EnvelopeRules.maxContentBytes)
        let lines = [
            #"{"id":"e1","type":"group.renamed","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","data":{"source":{"x":"\#(long)"}}}"#,
            #"{"id":"e2","type":"group.renamed","time":"2026-11-01T08:00:00Z","actor":"u1","group":"g1","content":"\#(huge)"}"#,
        ]
        Self.expectSameOnBothPaths(lines)
        #expect(Self.claimed(lines) == 0)
    }
}
