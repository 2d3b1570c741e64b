import LedgerCore
import TestSupport
import Testing

@testable import LedgerImport

/// Random capture lines built from values chosen for every branch of the direct path (ids as strings and numbers,
/// times, labels, texts with escapes, mentions, quotes, members in any order, whitespace): both paths must agree on
/// every one, with the default limits and with tighter ones.
@Suite struct ZcaDirectMessageRandomTests {
    static let ids = [
        #""7301000000000000001""#, "7301000000000000001", #""0""#, "0", "-0", #""00""#, #""""#, "null",
        #""1""#, "1", #""١""#, #""\u0031""#, "1.0", "1e0", #""12a""#, #"" 1""#, "18446744073709551616", #""-1""#,
    ]
    static let times = [
        #""1762045800000""#, "1762045800000", "0", #""0""#, "-0", #""-0""#, #""+1""#, "null",
        "253402275599999", "253402275600000", #""253402275599999""#, #""0001762045800000""#, "999999999999999999",
        #""""#, "1.5", #""1e3""#, "true",
    ]
    static let labels = [
        #""webchat""#, #""chat.photo""#, #""chat.recommended""#, #""""#, #"" ""#, #""a\u0001""#,
        #""web\u0063hat""#, #""xin chào""#, "7", "null", #""\u202e""#, #""~\"""#, #""\u007f""#, "\"\u{7f}\"",
        "\"\u{85}\"",
    ]
    static let texts = [
        #""Đề nghị""#, #""""#, #""a\"b\n\u00e9\ud83d\ude00""#, "\"😀😀é\"", #""\u0000""#, "null", "5",
        #"{"title":"t"}"#, "\"\u{2028}\u{FEFF}\"", #""\/\\""#, #""\ud83d\ude00""#, "\"\u{10FFFF}\"", #""\uDBFF\uDFFF""#,
    ]
    static let optIds = [
        #""1762000000001""#, "1762000000001", #""""#, "null", "0", "-0", "-1", "1.5", #""a b~""#,
        #""a\u0001""#, #""xin chào""#, #""\u0031""#, "true", #""\u202e""#, "\"\u{7f}\"", "[]", "{}",
    ]
    static let mentions = [
        "null", "[]", "{}", "[1]", "[null]",
        #"[{"uid":"1","pos":0,"len":1}]"#, #"[{"uid":"0","pos":"0","len":"1"}]"#,
        #"[{"uid":0,"pos":0,"len":0},{"uid":"2","pos":1,"len":2}]"#,
        #"[{"uid":"1","pos":-0,"len":1}]"#, #"[{"uid":"1","pos":"-0","len":1}]"#, #"[{"uid":"1","pos":"+0","len":1}]"#,
        #"[{"uid":"1","pos":0,"len":1,"uid":"2"}]"#, #"[{"uid":"1","pos":0}]"#, #"[{"uid":"1","pos":0,"len":100}]"#,
        #"[{"uid":"1","pos":2,"len":0}]"#, #"[{"uid":"1","pos":3,"len":0}]"#, #"[{"uid":"1","pos":4,"len":0}]"#,
        #"[{"uid":"1","pos":5,"len":0}]"#, #"[{"uid":"1","pos":1,"len":3}]"#, #"[{"uid":"1","pos":1,"len":4}]"#,
        #"[{"uid":"1","pos":0,"len":6}]"#, #"[{"uid":"1","pos":0,"len":7}]"#, #"[{"uid":"1","pos":"00","len":"01"}]"#,
        #"[{"uid":"1","pos":0,"len":1.0}]"#, #"[{"uid":"١","pos":0,"len":1}]"#,
    ]
    static let quotes = [
        "null", "{}", #""x""#, "[]", #"{"globalMsgId":"6001","msg":"q"}"#, #"{"globalMsgId":6001}"#,
        #"{"globalMsgId":""}"#, #"{"globalMsgId":null,"msg":null}"#, #"{"msg":""}"#, #"{"msg":"\u0000"}"#,
        #"{"globalMsgId":-0}"#, #"{"globalMsgId":"a\u0001"}"#, #"{"globalMsgId":" "}"#, #"{"msg":5}"#,
        #"{"globalMsgId":0,"globalMsgId":1}"#, #"{"globalMsgId":"0"}"#, #"{"msg":"\"q\""}"#,
    ]
    static let types = ["1", #""1""#, "0", "2", "-0", #""01""#, "1.0", "true", "null", #""\u0031""#]
    static let events = [#""message""#, #""undo""#, #""mess\u0061ge""#, "null", #""message ""#]

    static func line<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        let common = Int.random(in: 0..<3, using: &rng) == 0
        // A third of the lines take only values the direct path maps (the first `good` of each list).
        func p(_ values: [String], _ good: Int = 1) -> String {
            common ? values[Int.random(in: 0..<good, using: &rng)] : RandomJSONText.pick(values, &rng)
        }
        let data = RandomJSONText.object(
            [
                ("msgId", p(ids, 2)), ("idTo", p(ids, 2)), ("msgType", p(labels, 5)), ("ts", p(times, 2)),
                ("uidFrom", p(ids, 6)), ("content", RandomJSONText.maybe(95, p(texts, 4), &rng)),
                ("mentions", RandomJSONText.maybe(50, p(mentions, 18), &rng)),
                ("quote", RandomJSONText.maybe(40, p(quotes, 10), &rng)),
                ("cliMsgId", RandomJSONText.maybe(70, p(optIds, 5), &rng)),
                ("dName", RandomJSONText.maybe(60, p(texts, 4), &rng)),
                ("ttl", RandomJSONText.maybe(30, "0", &rng)),
            ],
            &rng
        )
        let payload = RandomJSONText.object(
            [("type", p(types, 2)), ("threadId", RandomJSONText.maybe(50, "\"1\"", &rng)), ("data", data)],
            &rng
        )
        let root = RandomJSONText.object(
            [
                ("event", common ? #""message""# : RandomJSONText.pick(events, &rng)), ("payload", payload),
                ("account", p(ids, 4)),
                ("time", RandomJSONText.maybe(40, p(times, 10), &rng)),
                ("session", RandomJSONText.maybe(30, p(labels, 5), &rng)),
            ],
            &rng
        )
        return RandomJSONText.ws(&rng) + root + RandomJSONText.ws(&rng)
    }

    static func lines(seed: UInt64, count: Int) -> [String] {
        var generator = SeededRandom(seed: seed)
        return (0..<count).map { _ in line(&generator) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomLinesGiveTheSameOutcomeOnBothPaths(seed: UInt64) {
        let lines = ZcaDirectMessageRandomTests.lines(seed: seed, count: 4000)
        ZcaDirectMessageTests.expectSameOnBothPaths(lines)
        #expect(ZcaDirectMessageTests.claimed(lines) > 200)
    }

    @Test func tighterLimitsAndWideObjectsGiveTheSameOutcomeOnBothPaths() {
        var lines = ZcaDirectMessageRandomTests.lines(seed: 99, count: 1000)
        let wide = (0..<40).map { ",\"x\($0)\":\($0)" }.joined()
        lines += [
            ZcaDirectMessageTests.line(wide),
            ZcaDirectMessageTests.line(wide + #","mentions":[{"uid":"1","pos":0,"len":1}]"#),
        ]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for limits in [
            ImportLimits(maxDepth: 2), ImportLimits(maxDepth: 3), ImportLimits(maxDepth: 5),
            ImportLimits(maxUnitBytes: 420), ImportLimits(maxUnitBytes: 600),
        ] {
            for source in [ZcaDirectMessageTests.file, ZcaDirectMessageTests.stream] {
                func decode(direct: Bool) -> [String] {
                    var decoder = ZcaDecoder(source: source, limits: limits)
                    decoder.threads = 1
                    decoder.directPath = direct
                    return decoder.decodeAll(bytes).flatMap(ParallelMappingTests.kept)
                }
                #expect(decode(direct: false) == decode(direct: true), "\(limits)")
            }
        }
    }
}
