import Foundation
import GroupDomain
import LedgerCore
import Testing

@testable import LedgerImport

@Suite struct ZcaDecoderTests {
    static let source = ImportSource(name: "capture.jsonl", fileSHA256: String(repeating: "ab", count: 32))

    static func decode(_ text: String) -> Decoded {
        var decoder = ZcaDecoder(source: source)
        return decoder.decode(Array(text.utf8))
    }

    /// Every line of the fixture (each message kind, every group act, receipts, capture start and stop) becomes
    /// catalogue events, in any chunking, with provenance.
    @Test(arguments: [nil, 1, 7, 4096])
    func theFixtureMapsOntoTheCatalogue(_ chunk: Int?) throws {
        var decoder = ZcaDecoder(source: Self.source)
        let decoded = decoder.decode(Fixture.bytes("zca/capture.jsonl"), chunk: chunk)
        #expect(decoded.rejected.isEmpty, "\(decoded.rejected)")
        #expect(decoded.units == 49)
        #expect(decoded.skipped.count == 2)
        for event in decoded.events { try EventCatalogue.validate(event, at: "test") }
        let kinds = Set(decoded.events(ofType: "post.created").compactMap { $0.data("kind")?.stringValue })
        #expect(
            kinds == [
                "text", "photo", "voice", "sticker", "link", "contact", "location", "video", "file", "gif", "other",
                "poll",
            ]
        )
        let acts = Set(decoded.events(ofType: "group.platform_event").compactMap { $0.data("act")?.stringValue })
        #expect(
            acts == [
                "new_link", "update_avatar", "join_request", "new_pin_topic", "update_pin_topic", "unpin_topic",
                "reorder_pin_topic", "update_board", "remove_board", "update_topic", "remove_topic", "remind_topic",
                "accept_remind", "reject_remind", "change_owner", "reaction_removed",
            ]
        )
        for type in [
            "member.joined", "member.left", "member.removed", "member.blocked", "group.admin_added",
            "group.admin_removed", "group.settings_changed", "group.renamed", "post.recalled", "reaction.added",
            "message.seen", "message.delivered", "capture.started", "capture.stopped",
        ] {
            #expect(!decoded.events(ofType: type).isEmpty, "no \(type)")
        }
        let first = try #require(decoded.events.first)
        #expect(first.data("source") == ["file_sha256": .string(Self.source.fileSHA256!), "format": "zca", "line": 1])
    }

    @Test func messagesKeepMentionsInUTF16AndIdsDigitForDigit() throws {
        let decoded = Self.decode(String(decoding: Fixture.bytes("zca/capture.jsonl"), as: UTF8.self))
        let posts = decoded.events(ofType: "post.created")
        let directive = try #require(posts.first { $0.id == "zca:7301128844556677001:6001000000000000101" })
        #expect(directive.actor == "7301000000000000001")
        #expect(directive.group == "g-7301128844556677001")
        #expect(directive.time.text == "2025-11-03T07:45:12.000+07:00")
        let text = try #require(directive.content("text")?.stringValue)
        let mention = try #require(directive.data("mentions")?.arrayValue?.first)
        let pos = Int(try #require(mention["pos"]?.numberValue?.int64Value))
        let len = Int(try #require(mention["len"]?.numberValue?.int64Value))
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[pos..<pos + len], as: UTF16.self) == "@Cường Sở NN")
        #expect(mention["account"] == "7301000000000000003")
        // The quote's ids arrive as bare JSON numbers beyond 2^53: every digit is kept.
        let reply = try #require(posts.first { $0.id.hasSuffix(":6001000000000000102") })
        #expect(reply.data("quote") == "6001000000000000101")
        // NFD text is stored as received, not normalised.
        #expect(reply.content("text")?.stringValue?.unicodeScalars.contains("\u{301}") == true)
        let recall = try #require(decoded.events(ofType: "post.recalled").first)
        #expect(recall.id == "zca-recall:7301128844556677001:6001000000000000103")
        #expect(recall.data("message") == "6001000000000000103")
    }

    @Test func groupEventsNameWhoDidWhatToWhom() throws {
        let decoded = Self.decode(String(decoding: Fixture.bytes("zca/capture.jsonl"), as: UTF8.self))
        let join = try #require(decoded.events(ofType: "member.joined").first)
        #expect(join.data("accounts") == ["7301000000000000003", "7301000000000000004"])
        #expect(join.data("added_by") == "7301000000000000002")
        #expect(join.content("display_names") == ["Cường Sở NN", "Dung STC"])
        #expect(
            join.id
                == "zca-ge:7301128844556677001:join:1762130662000:7301000000000000002:"
                + "7301000000000000003,7301000000000000004"
        )
        let admin = try #require(decoded.events(ofType: "group.admin_added").first)
        #expect(admin.data("accounts") == ["7301000000000000002"] && admin.data("by") == "7301000000000000001")
        let unknown = try #require(decoded.events.first { $0.data("act") == "change_owner" })
        #expect(unknown.data("raw_sha256")?.stringValue?.count == 64)
        // Avatar URLs are not kept in the raw content.
        #expect(!unknown.content("raw")!.description.contains("avatar"))
        let stopped = try #require(decoded.events(ofType: "capture.stopped").first)
        #expect(stopped.data("code") == 3000 && stopped.group == nil)
    }

    /// The same input gives the same ids: importing twice, or a backfill (`old_messages`) overlapping live
    /// capture, adds nothing.
    @Test func idsComeFromTheSourceAndRepeat() {
        let bytes = String(decoding: Fixture.bytes("zca/capture.jsonl"), as: UTF8.self)
        let first = Self.decode(bytes).events.map(\.id)
        let second = Self.decode(bytes).events.map(\.id)
        #expect(first == second)
        #expect(first.filter { $0 == "zca:7301128844556677001:6001000000000000101" }.count == 2)
    }

    static let hostile: [(name: String, line: [UInt8], words: String)] = [
        (
            "invalid UTF-8",
            Array(zcaLine("message", zcaMessage("")).utf8.prefix(40)) + [0xc3, 0x28] + Array("\"}".utf8), "UTF-8"
        ),
        ("NUL byte", Array(#"{"event":"message","#.utf8) + [0] + Array(#""payload":1}"#.utf8), "U+0000"),
        ("duplicate key", Array(zcaLine("message", zcaMessage(#","msgId":"7""#)).utf8), "duplicate key \"msgId\""),
        (
            "deep nesting",
            Array(
                zcaLine("message", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8
            ),
            "deeper than"
        ),
        (
            "RTL override",
            Array(
                zcaLine(
                    "message",
                    zcaMessage("").replacingOccurrences(
                        of: #""uidFrom":"7301000000000000001""#,
                        with: #""uidFrom":"73\u202E01""#
                    )
                ).utf8
            ),
            "U+202E"
        ),
        (
            // U+0661 ARABIC-INDIC DIGIT ONE, and U+FF17 FULLWIDTH DIGIT SEVEN: another account that reads the same.
            "homoglyph digits in a uid",
            Array(
                zcaLine(
                    "message",
                    zcaMessage("").replacingOccurrences(
                        of: #""uidFrom":"7301000000000000001""#,
                        with: "\"uidFrom\":\"\u{FF17}30100000000000000\u{0661}\""
                    )
                ).utf8
            ),
            "not a Zalo id (ASCII digits 0-9)"
        ),
        (
            "Cyrillic letter in a group id",
            Array(
                zcaLine(
                    "message",
                    zcaMessage("").replacingOccurrences(
                        of: #""idTo":"7301128844556677001""#,
                        with: "\"idTo\":\"73011288445566770\u{0437}1\""
                    )
                ).utf8
            ),
            "field $.payload.data.idTo"
        ),
        (
            "float id",
            Array(
                zcaLine(
                    "message",
                    zcaMessage("").replacingOccurrences(of: #""msgId":"6001""#, with: #""msgId":6.001e18"#)
                ).utf8
            ), "not an integer"
        ),
        (
            "missing field",
            Array(
                zcaLine("message", zcaMessage("").replacingOccurrences(of: #""ts":"1762130712000","#, with: "")).utf8
            ), "$.payload.data.ts: is required"
        ),
        ("unknown event", Array(zcaLine("mesage", "{}").utf8), "not a zca-js listener callback"),
        (
            "unknown key", Array(zcaLine("message", zcaMessage(""), extra: #","extra":1"#).utf8),
            "not part of a zca capture line"
        ),
        (
            "mention outside text",
            Array(zcaLine("message", zcaMessage(#","mentions":[{"uid":"1","pos":3,"len":20,"type":0}]"#)).utf8),
            "does not fit"
        ),
        (
            "seen without time",
            Array(zcaLine("seen_messages", #"[{"type":1,"data":{"msgId":"1","groupId":"2","seenUids":["3"]}}]"#).utf8),
            "$.time: is required"
        ),
    ]

    /// Each kind of hostile or broken line is refused with the file, line, byte and field, and the good line after
    /// it is still read.
    @Test(arguments: 0..<hostile.count)
    func hostileLinesAreRefusedWithTheirLocation(_ index: Int) {
        let (name, line, words) = Self.hostile[index]
        let good = Array(zcaLine("message", zcaMessage("")).utf8)
        var decoder = ZcaDecoder(source: Self.source)
        let decoded = decoder.decode(good + [0x0a] + line + [0x0a] + good, chunk: 4096)
        #expect(decoded.rejected.count == 1, "\(name): \(decoded.rejected)")
        #expect(decoded.events.count == 2, "\(name)")
        let error = decoded.rejected.first
        #expect(error?.location.number == 2, "\(name)")
        #expect(error?.description.contains("capture.jsonl line 2 (byte ") == true, "\(name)")
        #expect(error?.description.contains(words) == true, "\(name): \(error?.description ?? "")")
    }

    /// A 100 MB line is refused without being held: the decoder sees it in 1 MiB chunks.
    @Test func aHundredMegabyteLineIsRefusedWithoutBufferingIt() {
        var decoder = ZcaDecoder(source: Self.source)
        var outcomes = Array(#"{"event":"message","payload":""#.utf8).withUnsafeBytes { decoder.consume($0) }
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { outcomes += chunk.withUnsafeBytes { decoder.consume($0) } }
        outcomes += Array("\"}\n".utf8).withUnsafeBytes { decoder.consume($0) }
        outcomes += decoder.finish()
        let decoded = Decoded(outcomes)
        #expect(decoded.rejected.count == 1 && decoded.events.isEmpty)
        #expect(decoded.rejected.first?.reason.contains("longer than 1048576 bytes") == true)
    }

    @Test func oneToOneChatsAreSkippedNotRefused() {
        let line = zcaLine("message", zcaMessage("").replacingOccurrences(of: #"{"type":1,"#, with: #"{"type":0,"#))
        let decoded = Self.decode(line)
        #expect(decoded.events.isEmpty && decoded.rejected.isEmpty && decoded.skipped.count == 1)
    }

    @Test func longMemberListsAreHashedIntoTheId() {
        let members = (0..<30).map { #"{"id":"73010000000000001\#(String(format: "%02d", $0))","dName":"x"}"# }
        let payload =
            #"{"type":1,"act":"join","data":{"groupId":"7301128844556677001","sourceId":"1","time":"1762130712000","#
            + #""updateMembers":[\#(members.joined(separator: ","))]},"threadId":"7301128844556677001"}"#
        let decoded = Self.decode(zcaLine("group_event", payload))
        let id = decoded.events.first?.id ?? ""
        #expect(id.hasPrefix("zca-ge:7301128844556677001:join:1762130712000:1:sha256-"), "\(decoded.rejected)")
        #expect(id.utf8.count <= EnvelopeRules.maxIdentifierBytes)
    }
}
