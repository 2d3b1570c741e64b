import LedgerCore
import Testing

@testable import LedgerImport

@Suite struct CoreTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T07:00:00.000+07:00"), (1_762_130_712_345, "2025-11-03T07:45:12.345+07:00"),
        (154_390_853_474, "1974-11-23T05:20:53.474+07:00"),
    ])
    func zaloTimesBecomeVietnamLocalTime(_ millis: Int64, _ text: String) {
        #expect(ZaloTime.rfc3339(millis: millis) == text)
        #expect(Timestamp(text)?.unixMillis == millis)
    }

    @Test func everyTimeInRangeReadsBackAsTheSameInstant() {
        // An odd step that is not a whole number of seconds, days or years: every field of the text varies.
        let samples =
            [0, 999, 1000, 86_399_999, 951_782_400_000, ZaloTime.latestMillis - 1, ZaloTime.latestMillis]
            + Array(stride(from: 0, through: ZaloTime.latestMillis, by: 126_700_000_123))
        for millis in samples {
            let text = ZaloTime.rfc3339(millis: millis)
            #expect(text?.hasSuffix("+07:00") == true && text?.utf8.count == 29, "\(millis): \(text ?? "nil")")
            #expect(text.flatMap(Timestamp.init)?.unixMillis == millis, "\(millis): \(text ?? "nil")")
        }
    }

    @Test func outOfRangeTimesAreRefused() {
        #expect(ZaloTime.rfc3339(millis: -1) == nil)
        #expect(ZaloTime.rfc3339(millis: 300_000_000_000_000) == nil)
        #expect(ZaloTime.rfc3339(millis: ZaloTime.latestMillis + 1) == nil)
    }

    @Test func keysFitTheIdLimit() {
        let sha = SHA256()
        #expect(IdempotencyKey.make("zca", ["1", "2"], tail: ["4", "3"], sha: sha) == "zca:1:2:4,3")
        let long = IdempotencyKey.make("zca", ["1"], tail: Array(repeating: "7301000000000000001", count: 20), sha: sha)
        #expect(long.hasPrefix("zca:1:sha256-") && long.utf8.count == 13 + 64)
        let huge = IdempotencyKey.make("zca", [String(repeating: "9", count: 300)], sha: sha)
        #expect(huge.hasPrefix("zca:sha256-") && huge.utf8.count <= EnvelopeRules.maxIdentifierBytes)
    }

    @Test func envelopeLinesDecodeAsAppendDoes() {
        var decoder = EnvelopeLinesDecoder(name: "in")
        let good =
            #"{"id":"x","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"a","group":"g","#
            + #""data":{"kind":"text","message":"m"}}"#
        let decoded = decoder.decode(Array((good + "\n" + #"{"id":7}"# + "\n").utf8))
        #expect(decoded.events.count == 1 && decoded.rejected.count == 1)
        #expect(decoded.rejected.first?.description.contains("in line 2 (byte") == true)
        #expect(decoded.rejected.first?.reason.contains("must be a string") == true)
    }
}
