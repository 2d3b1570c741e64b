import Foundation
import LedgerCore
import Testing

@testable import LedgerImport

/// The direct path for group text messages gives exactly what the general path gives, or leaves the line to it.
@Suite struct ZcaDirectMessageTests {
    static let file = ImportSource(name: "capture.jsonl", fileSHA256: String(repeating: "5a", count: 32))
    static let stream = ImportSource(name: "stdin")

    /// What each unit of `bytes` becomes (canonical bytes, error or skip reason), with or without the direct path.
    static func decode(_ bytes: [UInt8], source: ImportSource = file, direct: Bool) -> [String] {
        var decoder = ZcaDecoder(source: source)
        decoder.threads = 1
        decoder.directPath = direct
        return decoder.decodeAll(bytes).flatMap(ParallelMappingTests.kept)
    }

    /// How many lines of `bytes` the direct path maps itself.
    static func claimed(_ lines: [String]) -> Int {
        let direct = ZcaDirectMessage(source: file, limits: ImportLimits())
        return lines.enumerated().filter { number, line in
            let location = LedgerImport.SourceLocation(
                name: "capture.jsonl",
                unit: .line,
                number: number + 1,
                byteOffset: 0
            )
            return direct.outcome(of: FramedUnit(location: location, bytes: Array(line.utf8)), sha: SHA256()) != nil
        }.count
    }

    static func expectSameOnBothPaths(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for source in [file, stream] {
            let general = decode(bytes, source: source, direct: false)
            let direct = decode(bytes, source: source, direct: true)
            #expect(general.count == direct.count, sourceLocation: sourceLocation)
            for (number, (expected, got)) in zip(general, direct).enumerated() where expected != got {
                Issue.record(
                    "line \(number + 1): \(lines[number])\n general: \(expected)\n direct:  \(got)",
                    sourceLocation: sourceLocation
                )
            }
        }
    }

    static let group = "7301128844556677001"

    /// A capture line holding a group message whose `data` has `fields` and the members it needs.
    static func line(_ fields: String = "", data: String? = nil, root: String = "", type: String = "1") -> String {
        let data =
            data
            ?? #"{"actionId":"7000","msgId":"6001000000000000001","cliMsgId":"1762000000001","msgType":"webchat","#
            + #""uidFrom":"7301000000000000001","idTo":"\#(group)","dName":"Cán bộ 1","ts":"1762045800000","#
            + #""status":1,"content":"Đề nghị báo cáo trước 16h00.","notify":"1","ttl":0,"cmd":521\#(fields)}"#
        return #"{"event":"message","payload":{"type":\#(type),"threadId":"\#(group)","isSelf":false,"data":\#(data)},"#
            + #""account":"7301000000000000002"\#(root)}"#
    }

    /// `line()` with the value of member `key` of `data` replaced by `value` (raw JSON).
    static func with(_ key: String, _ value: String) -> String {
        var text = line()
        let range = text.range(of: #""\#(key)":"#)!
        let valueEnd = text[range.upperBound...].firstIndex { $0 == "," || $0 == "}" }!
        text.replaceSubrange(range.upperBound..<valueEnd, with: value)
        return text
    }

    @Test func theCaptureFixtureGivesTheSameEventsOnBothPaths() {
        let lines = String(decoding: Fixture.bytes("zca/capture.jsonl"), as: UTF8.self).split(separator: "\n").map(
            String.init
        )
        ZcaDirectMessageTests.expectSameOnBothPaths(lines)
        #expect(ZcaDirectMessageTests.claimed(lines) >= 2)  // its plain group messages: one with a mention, a reply
    }

    /// Lines the direct path maps itself: each must also give the general path's event.
    static let plain: [String] = [
        line(), line(#","mentions":[]"#),
        line(#","mentions":[{"uid":"7301000000000000003","pos":0,"len":3,"type":0},{"uid":"0","pos":"4","len":24}]"#),
        with("content", #""@A 😀 é""#).replacingOccurrences(
            of: #""cmd":521"#,
            with: #""mentions":[{"uid":1,"pos":3,"len":3}]"#
        ), line(#","mentions":null,"quote":null"#), line(root: #","time":"1762045801000""#),
        line(root: #","time":1762045801000,"session":"s-2025-11-03""#), line(root: #","session":null,"time":null"#),
        with("content", #""dòng 1\ndòng 2 \"trích\" \\ \/ \u00e9 \ud83d\ude00 \u0000 \u202e""#),
        with("content", #""""#), with("dName", #""""#), with("dName", "null"), with("dName", #""Tr\u1ea7n \"A\"""#),
        with("cliMsgId", #""""#), with("cliMsgId", "null"), with("cliMsgId", "1762000000001"),
        with("cliMsgId", #""a b~""#), with("uidFrom", #""0""#), with("uidFrom", "7301000000000000001"),
        with("msgId", "60010000000000000019"), with("idTo", "73011288445566770019999"), with("ts", "1762045800000"),
        with("ts", #""0""#), with("msgType", #""chat.photo""#), with("msgType", #""chat.recommended""#),
        with("msgType", #""""#), with("notify", #"{"nested":[1,true,false,null,{"x":-0}]}"#),
        line(type: #""1""#), line(#","quote":{"globalMsgId":6001000000000000000,"msg":"Báo cáo \"gấp\"","ttl":0}"#),
        line(#","quote":{"globalMsgId":"","msg":""}"#), line(#","quote":{"globalMsgId":null}"#),
        line(#","quote":{"msg":"a","cliMsgId":1}"#),
    ]

    /// Lines the direct path leaves to the general path (which maps, skips or refuses them).
    static let general: [String] = [
        line(#","mentions":[{"uid":"7301000000000000003","pos":0,"len":29}]"#),
        line(#","mentions":[{"uid":"7301000000000000003","pos":9223372036854775807,"len":1}]"#),
        line(#","mentions":[{"uid":"7301000000000000003","pos":-1,"len":1}]"#),
        line(#","mentions":[{"uid":"7301000000000000003","pos":1}]"#), line(#","mentions":[1]"#),
        line(#","mentions":{}"#), line(#","mentions":[{"uid":"x","pos":1,"len":1}]"#),
        line(#","quote":{"globalMsgId":-5}"#), line(#","quote":{"msg":5}"#), line(#","quote":"x""#),
        line(#","quote":{"globalMsgId":"a\u202eb"}"#), line(type: "0"), line(type: "2"), line(type: "1.0"),
        line(root: #","time":"-5""#), line(root: #","time":"abc""#), line(root: #","session":"a\u202eb""#),
        line(root: #","session":7"#), line(root: #","extra":1"#), line(root: #","time":"999999999999999999""#),
        with("content", #"{"title":"t","href":"https://example.vn"}"#), with("content", "null"), with("content", "5"),
        with("dName", "5"), with("cliMsgId", "-1"), with("cliMsgId", #""a\u0001""#), with("cliMsgId", "1.5"),
        with("cliMsgId", #""xin chào""#), with("uidFrom", #""73O1""#), with("uidFrom", #""""#), with("uidFrom", "-1"),
        with("msgId", #""6001\u0030""#), with("msgId", String(repeating: "9", count: 257)),
        with("idTo", String(repeating: "7", count: 253)), with("ts", #""-1""#), with("ts", #""+1""#),
        with("ts", "1.7e12"), with("ts", #""17620458000000000000""#), with("msgType", #""web\u0063hat""#),
        with("msgType", #""webchat\u007f""#), with("msgType", "7"), with("notify", "1.5"),
        with("notify", #"{"a":1,"a":2}"#),
        with("notify", "[" + String(repeating: "[", count: 40) + String(repeating: "]", count: 41)),
        line().replacingOccurrences(of: #""event":"message""#, with: #""event":"undo""#),
        line().replacingOccurrences(of: #""event""#, with: #""\u0065vent""#), "\u{FEFF}" + line(), line() + " x",
        line().replacingOccurrences(of: "Cán", with: "C\u{1}n"), #"["message"]"#, "{}", "",
    ]

    @Test func plainMessagesAreMappedDirectlyAndAsTheGeneralPathMapsThem() {
        ZcaDirectMessageTests.expectSameOnBothPaths(ZcaDirectMessageTests.plain)
        #expect(ZcaDirectMessageTests.claimed(ZcaDirectMessageTests.plain) == ZcaDirectMessageTests.plain.count)
    }

    @Test func directEventsCarryTheirIdsDigest() {
        var decoder = ZcaDecoder(source: ZcaDirectMessageTests.file)
        let outcomes = decoder.decodeAll(Array(ZcaDirectMessageTests.plain.joined(separator: "\n").utf8))
        let sha = SHA256()
        var checked = 0
        for case .events(let events, _) in outcomes {
            for event in events {
                #expect(event.idHash == sha.hash(Array(event.id.utf8)), "\(event.id)")
                checked += 1
            }
        }
        #expect(checked == ZcaDirectMessageTests.plain.count)
    }

    @Test func otherLinesAreLeftToTheGeneralPath() {
        ZcaDirectMessageTests.expectSameOnBothPaths(ZcaDirectMessageTests.general)
        #expect(ZcaDirectMessageTests.claimed(ZcaDirectMessageTests.general) == 0)
    }

    /// Every single-byte change of a message line, each on a line of its own: both paths agree on all of them.
    @Test(arguments: [line(), with("content", #""a\"b\n\u00e9\ud83d\ude00""#)])
    func everyByteChangeGivesTheSameOutcomeOnBothPaths(_ base: String) {
        let replacements: [UInt8?] =
            [nil] + Array(#"0 1 - " \ { } [ ] , : a e . u"#.utf8).filter { $0 != 0x20 } + [
                0x20, 0x00, 0x7F, 0x80, 0xC3, 0xE2,
            ]
        var lines: [String] = []
        let bytes = Array(base.utf8)
        for position in bytes.indices {
            for replacement in replacements {
                var mutated = bytes
                if let replacement { mutated[position] = replacement } else { mutated.remove(at: position) }
                lines.append(String(decoding: mutated, as: UTF8.self))
            }
        }
        // Lines with invalid UTF-8 are compared as bytes: String(decoding:) above repaired them, so add them raw.
        var input: [UInt8] = []
        for position in bytes.indices {
            for byte: UInt8 in [0x80, 0xC3, 0xFF] {
                var mutated = bytes
                mutated[position] = byte
                input += mutated + [0x0A]
            }
        }
        input += Array(lines.joined(separator: "\n").utf8)
        for source in [ZcaDirectMessageTests.file, ZcaDirectMessageTests.stream] {
            let general = ZcaDirectMessageTests.decode(input, source: source, direct: false)
            let direct = ZcaDirectMessageTests.decode(input, source: source, direct: true)
            #expect(general == direct)
        }
        #expect(ZcaDirectMessageTests.claimed(lines) > lines.count / 4)
    }
}
