import LedgerCore
import TestSupport
import Testing

@testable import LedgerImport

/// Random envelope lines built from values chosen for every branch of the direct path (identifiers with escapes,
/// hidden and non-ASCII characters, reserved ids and types, times in and out of range, every field kind of the
/// catalogue, nested content with unsorted and non-ASCII keys, numbers, members in any order, whitespace): both
/// paths must give the same outcome for every line.
@Suite struct EnvelopeDirectLineRandomTests {
    static let ids = [
        #""ev-1""#, #""zca:7301:6001""#, #""a b~""#, #""ledger:x""#, #""Ledger:y""#, #""""#, "5", "null",
        #""e\u0031""#, #""xin chào""#, #""e\u0000""#, "\"e\u{AD}\"", "\"e\u{202E}\"", "\"\u{7F}\"",
    ]
    static let types = [
        #""post.created""#, #""member.joined""#, #""directive.issued""#, #""group.created""#, #""capture.stopped""#,
        #""person.registered""#, #""group.settings_changed""#, #""ledger.content_withheld""#, #""post.other""#,
        #""post""#, #""post.cre\u0061ted""#, "7",
    ]
    static let times = [
        #""2026-11-01T08:00:00+07:00""#, #""2026-11-01T08:00:00.5Z""#, #""2026-11-01t08:00:00z""#,
        #""2026-11-01T08:00:00""#, #""2026-02-29T08:00:00Z""#, #""2024-02-29T08:00:00Z""#,
        #""9999-12-31T23:59:59-23:59""#, #""0001-01-01T00:00:00Z""#, #""2026-11-01T24:00:00Z""#,
        #""2026-11-01T08:00:00\u002b07:00""#,
        "1762045800000", "null",
    ]
    static let groups = [#""g-1""#, #""7301128844556677001""#, "null", #""""#, #""g\u0020""#, "\"g\u{200B}\""]
    static let strings = [
        #""text""#, #""Đề nghị""#, #""a\"b\n\u00e9\ud83d\ude00""#, "\"😀é\"", #""\u0000""#, #""""#,
        "\"\u{2028}\u{FEFF}\"",
        #""\/\\""#, #""link""#, #""invite""#,
    ]
    static let values =
        strings + [
            "0", "-0", "12", "-7", "123456789012345678901234567890", "1.5", "1e3", "true", "false", "null", "[]", "{}",
            #"["a","b"]"#, #"[""]"#, #"{"b":1,"a":2}"#, #"{"é":1,"e":2,"z":[1,{"y":0,"x":-0}]}"#, #"{"😀":1}"#,
            #"{"a":1,"a":2}"#, #"{"x":"\u00e9","\u0078y":1}"#,
            #""0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef""#,
            #""2026-11-02T16:00:00+07:00""#, #"[{"account":"a1","pos":0,"len":2}]"#, #"[{"account":"a1","pos":0}]"#,
            #"[{"account":"","pos":0,"len":1}]"#,
        ]
    static let dataKeys = [
        "kind", "message", "mentions", "client_message", "accounts", "via", "added_by", "directive", "issuer",
        "assignees", "due", "account", "code", "reason", "session", "settings", "person", "position", "unit",
        "source", "extra", "quote", "source_kind",
    ]

    static func pick<R: RandomNumberGenerator>(_ values: [String], _ rng: inout R, good: Int? = nil) -> String {
        RandomJSONText.pick(Array(values.prefix(good ?? values.count)), &rng)
    }

    /// A `data` object: for a plain line the fields its type needs with good values, else random fields.
    static func data<R: RandomNumberGenerator>(type: String, plain: Bool, _ rng: inout R) -> String {
        if plain {
            switch type {
            case #""post.created""#:
                return RandomJSONText.object(
                    [
                        ("kind", #""text""#), ("message", pick(ids, &rng, good: 3)),
                        ("mentions", RandomJSONText.maybe(30, #"[{"account":"a1","pos":0,"len":2}]"#, &rng)),
                        ("client_message", RandomJSONText.maybe(30, pick(ids, &rng, good: 3), &rng)),
                        ("source", RandomJSONText.maybe(20, #"{"format":"x","line":3}"#, &rng)),
                    ],
                    &rng
                )
            case #""member.joined""#:
                return RandomJSONText.object(
                    [("accounts", #"["a1","a 2"]"#), ("via", RandomJSONText.maybe(50, #""link""#, &rng))],
                    &rng
                )
            case #""directive.issued""#:
                return RandomJSONText.object(
                    [
                        ("directive", #""d1""#), ("issuer", #""p1""#), ("assignees", #"["p2","p3"]"#),
                        ("due", pick(times, &rng, good: 3)),
                    ],
                    &rng
                )
            case #""capture.stopped""#:
                return RandomJSONText.object(
                    [("account", #""a1""#), ("code", pick(["0", "-0", "12", "-7"], &rng))],
                    &rng
                )
            case #""group.settings_changed""#:
                return RandomJSONText.object([("settings", pick(values, &rng))], &rng)
            default:
                return "{}"
            }
        }
        let count = Int.random(in: 0..<5, using: &rng)
        var keys = Set<String>()
        for _ in 0..<count { keys.insert(pick(dataKeys, &rng)) }
        return RandomJSONText.object(keys.map { ($0, pick(values, &rng)) }, &rng)
    }

    static func line<R: RandomNumberGenerator>(_ rng: inout R) -> String {
        // Half of the lines take only values the direct path maps (the first few of each list).
        let plain = Bool.random(using: &rng)
        let type = plain ? pick(types, &rng, good: 6) : pick(types, &rng)
        let needsGroup = type != #""capture.stopped""# && type != #""person.registered""#
        let members: [(String, String?)] = [
            ("id", plain ? pick(ids, &rng, good: 3) : pick(ids, &rng)),
            ("type", type),
            ("time", plain ? pick(times, &rng, good: 3) : pick(times, &rng)),
            ("actor", plain ? pick(ids, &rng, good: 3) : pick(ids, &rng)),
            (
                "group",
                plain
                    ? (needsGroup ? pick(groups, &rng, good: 2) : nil)
                    : RandomJSONText.maybe(80, pick(groups, &rng), &rng)
            ),
            (
                "data",
                plain
                    ? data(type: type, plain: true, &rng)
                    : RandomJSONText.maybe(85, data(type: type, plain: false, &rng), &rng)
            ),
            ("content", RandomJSONText.maybe(60, pick(values, &rng), &rng)),
            ("extra", plain ? nil : RandomJSONText.maybe(3, "1", &rng)),
        ]
        return RandomJSONText.ws(&rng) + RandomJSONText.object(members, &rng) + RandomJSONText.ws(&rng)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomLinesGiveTheSameOutcomeOnBothPaths(seed: UInt64) {
        var generator = SeededRandom(seed: seed)
        let lines = (0..<3000).map { _ in Self.line(&generator) }
        EnvelopeDirectLineTests.expectSameOnBothPaths(lines)
        // The plain half must mostly be taken by the direct path, so that both paths are really compared.
        #expect(EnvelopeDirectLineTests.claimed(lines) > 600)
    }
}
