import GroupDomain
import LedgerCore
import Testing

@testable import LedgerImport

@Suite struct ZaloWebDecoderTests {
    static let source = ImportSource(name: "store.json", fileSHA256: String(repeating: "cd", count: 32))

    static func decode(_ bytes: [UInt8], account: String? = "7301000000000000002", chunk: Int? = nil) -> Decoded {
        var decoder = ZaloWebDecoder(source: source, account: account)
        return decoder.decode(bytes, chunk: chunk)
    }

    @Test(arguments: [nil, 1, 64])
    func theStoreMapsOntoTheCatalogue(_ chunk: Int?) throws {
        let decoded = Self.decode(Fixture.bytes("zalo-web/store.json"), chunk: chunk)
        #expect(decoded.rejected.isEmpty, "\(decoded.rejected)")
        #expect(decoded.units == 12 && decoded.skipped.count == 1)
        for event in decoded.events { try EventCatalogue.validate(event, at: "test") }
        let kinds = decoded.events(ofType: "post.created").compactMap { $0.data("kind")?.stringValue }
        #expect(kinds == ["text", "text", "photo", "sticker", "link", "contact", "file", "location", "text"])
        let reply = try #require(decoded.events.first { $0.data("message") == "5901000000000000002" })
        #expect(reply.data("mentions") == [["account": "7301000000000000002", "pos": 0, "len": 7]])
        #expect(reply.data("quote") == "5901000000000000001")
        #expect(
            reply.data("source") == [
                "element": 1, "file_sha256": .string(Self.source.fileSHA256!), "format": "zalo-web",
            ]
        )
        let recall = try #require(decoded.events(ofType: "post.recalled").first)
        #expect(recall.id == "zca-recall:7301128844556677001:5901000000000000009")
        let notice = try #require(decoded.events(ofType: "group.platform_event").first)
        #expect(notice.data("act") == "zalo-web-notice:-6:leave")
    }

    /// A backfilled message gets the id the live capture gave it.
    @Test func backfillOverlapsLiveCaptureOnIds() {
        var zca = ZcaDecoder(source: ImportSource(name: "capture.jsonl"))
        let live = Set(zca.decode(Fixture.bytes("zca/capture.jsonl")).events.map(\.id))
        let backfill = Set(Self.decode(Fixture.bytes("zalo-web/store.json")).events.map(\.id))
        #expect(live.intersection(backfill) == ["zca:7301128844556677001:6001000000000000101"])
    }

    @Test func theOwnerMustBeNamedForFromUidZero() {
        let decoded = Self.decode(Fixture.bytes("zalo-web/store.json"), account: nil)
        #expect(decoded.rejected.count == 9)
        #expect(decoded.rejected.first?.description.contains("store.json element 0 (byte 3): field $.fromUid") == true)
    }

    @Test func aBadElementIsRefusedAndTheOthersAreRead() {
        let input =
            #"[{"msgId":"1","msgType":1,"fromUid":"5","toUid":"g9","sendDttm":"1","message":"a","msgId":"2"},"#
            + #"{"msgId":"3","msgType":1,"fromUid":"5","toUid":"g9","sendDttm":"1762130712000","message":"b"}]"#
        let decoded = Self.decode(Array(input.utf8))
        #expect(decoded.events.count == 1 && decoded.rejected.count == 1)
        #expect(decoded.rejected.first?.description.contains("element 0") == true)
        #expect(decoded.rejected.first?.description.contains("duplicate key \"msgId\"") == true)
    }
}
