import LedgerCore
import Testing

@testable import LedgerServer

/// Cutting a stored text around matched spans (UTF-8 byte ranges) for `<mark>`.
@Suite struct MarkedTextTests {
    static func render(_ pieces: [[String: Any]]) -> String {
        pieces.map { piece in
            let text = piece["text"] as? String ?? ""
            return piece["marked"] as? Bool == true ? "[" + text + "]" : text
        }.joined()
    }

    @Test func spansAreByteRangesOverTheTextAsStoredAndOverlapsMerge() {
        let text = "Gửi TỐI MẬT và Mật"
        let bytes = Array(text.utf8)
        let stamp = Array("TỐI MẬT".utf8)
        let start = (0...(bytes.count - stamp.count)).first { Array(bytes[$0..<($0 + stamp.count)]) == stamp }!
        let stampRange = start..<(start + stamp.count)
        #expect(Self.render(MarkedText.pieces(of: text, spans: [stampRange])) == "Gửi [TỐI MẬT] và Mật")
        let overlapping = [stampRange, (start + 4)..<(start + stamp.count + 4)]
        #expect(Self.render(MarkedText.pieces(of: text, spans: overlapping)) == "Gửi [TỐI MẬT và] Mật")
        #expect(Self.render(MarkedText.pieces(of: text, spans: [0..<(bytes.count + 1)])) == text, "out of range")
        #expect(Self.render(MarkedText.pieces(of: text, spans: [])) == text)
    }

    @Test func aSpansFieldNamesThePostTextOrAnAttachmentsPart() throws {
        let content = try JSONParser().parse(
            Array(#"{"text":"a","attachments":[{"title":"t0"},{"href":"https://x.example"}]}"#.utf8)
        )
        #expect(MarkedText.field("text", in: content) == "a")
        #expect(MarkedText.field("attachments[0].title", in: content) == "t0")
        #expect(MarkedText.field("attachments[1].href", in: content) == "https://x.example")
        #expect(MarkedText.field("attachments[2].title", in: content) == nil)
        #expect(MarkedText.field("attachments[x].title", in: content) == nil)
        #expect(MarkedText.field("data", in: content) == nil)
    }
}
