import LedgerCore
import Testing

/// One input the parser must refuse, with the exact code, byte offset and path it must report.
struct JSONRejectedInput: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let code: JSONError.Code
    let offset: Int
    let path: String
    var limits = JSONLimits()
    let label: String

    init(_ text: String, _ code: JSONError.Code, at offset: Int, _ path: String = "$", limits: JSONLimits = .init()) {
        self.bytes = Array(text.utf8)
        self.code = code
        self.offset = offset
        self.path = path
        self.limits = limits
        self.label = text
    }

    init(bytes: [UInt8], _ code: JSONError.Code, at offset: Int, _ path: String = "$") {
        self.bytes = bytes
        self.code = code
        self.offset = offset
        self.path = path
        self.label = bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "<\(String($0, radix: 16))>" }
            .joined()
    }

    var testDescription: String { "\(code): \(label)" }
}

/// `"` + bytes + `"`-style helpers for ill-formed UTF-8.
private func quoted(_ inner: [UInt8], prefix: String = "\"", suffix: String = "\"") -> [UInt8] {
    Array(prefix.utf8) + inner + Array(suffix.utf8)
}

@Suite struct JSONErrorTests {
    static let invalidUTF8: [JSONRejectedInput] = [
        JSONRejectedInput(bytes: quoted([0xC0, 0x80]), .invalidUTF8, at: 1),  // overlong NUL
        JSONRejectedInput(bytes: quoted([0xC1, 0xBF]), .invalidUTF8, at: 1),  // overlong 2-byte
        JSONRejectedInput(bytes: quoted([0xE0, 0x80, 0xAF]), .invalidUTF8, at: 1),  // overlong 3-byte
        JSONRejectedInput(bytes: quoted([0xF0, 0x80, 0x80, 0xAF]), .invalidUTF8, at: 1),  // overlong 4-byte
        JSONRejectedInput(
            bytes: quoted([0xED, 0xA0, 0x80], prefix: "{\"a\":\"x", suffix: "\"}"),
            .invalidUTF8,
            at: 7,
            "$.a"
        ),
        JSONRejectedInput(bytes: quoted([0xED, 0xBF, 0xBF]), .invalidUTF8, at: 1),  // encoded low surrogate
        JSONRejectedInput(bytes: quoted([0xF4, 0x90, 0x80, 0x80], prefix: "[\""), .invalidUTF8, at: 2, "$[0]"),
        JSONRejectedInput(bytes: quoted([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8, at: 1),  // above U+10FFFF
        JSONRejectedInput(bytes: quoted([0xF8, 0x88, 0x80, 0x80, 0x80]), .invalidUTF8, at: 1),  // 5-byte form
        JSONRejectedInput(bytes: quoted([0xFF]), .invalidUTF8, at: 1),
        JSONRejectedInput(bytes: quoted([0x80]), .invalidUTF8, at: 1),  // stray continuation byte
        // In a key:
        JSONRejectedInput(bytes: quoted([0xE2, 0x82], prefix: "{\"k", suffix: "\":1}"), .invalidUTF8, at: 3),
        JSONRejectedInput(bytes: quoted([0xC3, 0x41]), .invalidUTF8, at: 1),  // lead byte then ASCII
        JSONRejectedInput(bytes: Array("\"ab".utf8) + [0xF0, 0x9F, 0x98], .invalidUTF8, at: 3),  // truncated at the end
        JSONRejectedInput(bytes: Array("[1,".utf8) + [0xFF, 0x5D], .invalidUTF8, at: 3, "$[1]"),  // outside strings
        JSONRejectedInput(bytes: Array("{} ".utf8) + [0xC0, 0xAF], .invalidUTF8, at: 3),  // after the value
    ]

    static let structure: [JSONRejectedInput] = [
        JSONRejectedInput("[1 2]", .unexpectedCharacter, at: 3),
        JSONRejectedInput("{\"a\" 1}", .unexpectedCharacter, at: 5),
        JSONRejectedInput("{1:2}", .unexpectedCharacter, at: 1),
        JSONRejectedInput("[1,]", .unexpectedCharacter, at: 3, "$[1]"),
        JSONRejectedInput("{\"a\":1,}", .unexpectedCharacter, at: 7),
        JSONRejectedInput("[tru]", .unexpectedCharacter, at: 4, "$[0]"),
        JSONRejectedInput("{\"a\":[1,{\"b\":x}]}", .unexpectedCharacter, at: 13, "$.a[1].b"),
        JSONRejectedInput("[é]", .unexpectedCharacter, at: 1, "$[0]"),
        JSONRejectedInput("['a']", .unexpectedCharacter, at: 1, "$[0]"),
        JSONRejectedInput("{\"a\":1;\"b\":2}", .unexpectedCharacter, at: 6),
        JSONRejectedInput("[\u{0B}1]", .unexpectedCharacter, at: 1, "$[0]"),  // vertical tab is not JSON whitespace
        JSONRejectedInput("", .unexpectedEnd, at: 0),
        JSONRejectedInput("  \n", .unexpectedEnd, at: 3),
        JSONRejectedInput("[", .unexpectedEnd, at: 1, "$[0]"),
        JSONRejectedInput("{\"a\":", .unexpectedEnd, at: 5, "$.a"),
        JSONRejectedInput("\"abc", .unexpectedEnd, at: 4),
        JSONRejectedInput("{\"a\":\"b", .unexpectedEnd, at: 7, "$.a"),
        JSONRejectedInput("[1,2", .unexpectedEnd, at: 4),
        JSONRejectedInput("nul", .unexpectedEnd, at: 3),
        JSONRejectedInput("\"\\", .unexpectedEnd, at: 2),
        JSONRejectedInput("{} x", .trailingData, at: 3),
        JSONRejectedInput("1 2", .trailingData, at: 2),
        JSONRejectedInput("\"a\"\"b\"", .trailingData, at: 3),
        JSONRejectedInput("[1]]", .trailingData, at: 3),
        JSONRejectedInput("null,", .trailingData, at: 4),
        JSONRejectedInput("0x10", .trailingData, at: 1),
    ]

    static let strings: [JSONRejectedInput] = [
        JSONRejectedInput(#""\x""#, .invalidEscape, at: 1),
        JSONRejectedInput(#""\u12G4""#, .invalidEscape, at: 1),
        JSONRejectedInput(#""\u12""#, .invalidEscape, at: 1),
        JSONRejectedInput(#"["ok","a\'"]"#, .invalidEscape, at: 8, "$[1]"),
        JSONRejectedInput(#"{"\U0041":1}"#, .invalidEscape, at: 2),
        JSONRejectedInput(#""\uD800""#, .loneSurrogate, at: 1),
        JSONRejectedInput(#""\uDC00""#, .loneSurrogate, at: 1),
        JSONRejectedInput(#""\uD800\u0041""#, .loneSurrogate, at: 1),
        JSONRejectedInput(#""\uD83D\uD83D""#, .loneSurrogate, at: 1),
        JSONRejectedInput(#""a\uD83D""#, .loneSurrogate, at: 2),
        JSONRejectedInput(#""\ude00\ud83d""#, .loneSurrogate, at: 1),  // pair in the wrong order
        JSONRejectedInput(#""\uD800\uE000""#, .loneSurrogate, at: 1),  // followed by a non-surrogate escape
        JSONRejectedInput(#""\uDBFF\""#, .loneSurrogate, at: 1),
        JSONRejectedInput(#"{"k":"\uD800x"}"#, .loneSurrogate, at: 6, "$.k"),
        JSONRejectedInput(#"{"\uDFFF":1}"#, .loneSurrogate, at: 2),
        JSONRejectedInput("\"a\nb\"", .controlCharacterInString, at: 2),
        JSONRejectedInput("{\"k\":\"\t\"}", .controlCharacterInString, at: 6, "$.k"),
        JSONRejectedInput("[\"\u{00}\"]", .controlCharacterInString, at: 2, "$[0]"),
        JSONRejectedInput("{\"\u{1F}\":1}", .controlCharacterInString, at: 2),
        // Past the parser's 8-byte fast path:
        JSONRejectedInput("\"abcdefghijklmnop\u{01}\"", .controlCharacterInString, at: 17),
    ]

    static let numbers: [JSONRejectedInput] = [
        JSONRejectedInput("01", .invalidNumber, at: 0),
        JSONRejectedInput("-01", .invalidNumber, at: 1),
        JSONRejectedInput("[00]", .invalidNumber, at: 1, "$[0]"),
        JSONRejectedInput("+1", .invalidNumber, at: 0),
        JSONRejectedInput(".5", .invalidNumber, at: 0),
        JSONRejectedInput("-.5", .invalidNumber, at: 1),
        JSONRejectedInput("1.", .invalidNumber, at: 2),
        JSONRejectedInput("1.e5", .invalidNumber, at: 2),
        JSONRejectedInput("1e", .invalidNumber, at: 2),
        JSONRejectedInput("1e+", .invalidNumber, at: 3),
        JSONRejectedInput("1E-x", .invalidNumber, at: 3),
        JSONRejectedInput("-", .invalidNumber, at: 1),
        JSONRejectedInput("[1,-]", .invalidNumber, at: 4, "$[1]"),
        JSONRejectedInput("NaN", .invalidNumber, at: 0),
        JSONRejectedInput("Infinity", .invalidNumber, at: 0),
        JSONRejectedInput("-Infinity", .invalidNumber, at: 1),
        JSONRejectedInput("{\"x\":[NaN]}", .invalidNumber, at: 6, "$.x[0]"),
        JSONRejectedInput("1e400", .invalidNumber, at: 0),
        JSONRejectedInput("{\"x\":-1.8e308}", .invalidNumber, at: 5, "$.x"),
        JSONRejectedInput("17976931348623159e292", .invalidNumber, at: 0),  // rounds to infinity
        JSONRejectedInput("0.0000000000000000000000000001e337", .invalidNumber, at: 0),
    ]

    static let limits: [JSONRejectedInput] = [
        JSONRejectedInput("[[[1]]]", .tooDeep, at: 2, "$[0][0]", limits: JSONLimits(maxDepth: 2)),
        JSONRejectedInput("{\"a\":{\"b\":{}}}", .tooDeep, at: 10, "$.a.b", limits: JSONLimits(maxDepth: 2)),
        JSONRejectedInput("[1,[2,[3]]]", .tooDeep, at: 6, "$[1][1]", limits: JSONLimits(maxDepth: 2)),
        JSONRejectedInput("\"abcde\"", .stringTooLong, at: 0, limits: JSONLimits(maxStringBytes: 4)),
        JSONRejectedInput("{\"abcde\":1}", .stringTooLong, at: 1, limits: JSONLimits(maxStringBytes: 4)),
        JSONRejectedInput(
            #"["\u0041\u0042\u0043\u0044\u0045"]"#,
            .stringTooLong,
            at: 1,
            "$[0]",
            limits: JSONLimits(maxStringBytes: 4)
        ),
        JSONRejectedInput("[\"ééé\"]", .stringTooLong, at: 1, "$[0]", limits: JSONLimits(maxStringBytes: 5)),
        JSONRejectedInput("123456", .numberTooLong, at: 0, limits: JSONLimits(maxNumberDigits: 5)),
        JSONRejectedInput("[1.2345e1]", .numberTooLong, at: 1, "$[0]", limits: JSONLimits(maxNumberDigits: 5)),
        JSONRejectedInput("{\"n\":-0.00001}", .numberTooLong, at: 5, "$.n", limits: JSONLimits(maxNumberDigits: 5)),
    ]

    static let other: [JSONRejectedInput] = [
        JSONRejectedInput(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .byteOrderMark, at: 0),
        JSONRejectedInput("{\"a\":1,\"a\":2}", .duplicateKey, at: 7),
        JSONRejectedInput("{\"d\":{\"x\":[{\"id\":1,\"id\":2}]}}", .duplicateKey, at: 19, "$.d.x[0]"),
    ]

    @Test(arguments: invalidUTF8 + structure + strings + numbers + limits + other)
    func rejects(_ input: JSONRejectedInput) {
        guard let error = jsonParseError(input.bytes, limits: input.limits) else {
            Issue.record("accepted \(input.label)")
            return
        }
        #expect(error.code == input.code, "\(error.message)")
        #expect(error.byteOffset == input.offset, "\(error.message)")
        #expect(error.path == input.path, "\(error.message)")
        #expect(error.message.contains("at byte \(input.offset)"))
    }

    @Test func everyCodeIsCovered() {
        let all = Self.invalidUTF8 + Self.structure + Self.strings + Self.numbers + Self.limits + Self.other
        let covered = Set(all.map(\.code))
        #expect(covered == Set(JSONError.Code.allCases))
    }

    @Test func messagesSayWhatAndWhere() throws {
        #expect(
            jsonParseError(Array(#"{"data":{"id":1,"id":2}}"#.utf8))?.message
                == "duplicate key \"id\" at byte 16 in $.data"
        )
        let bom = try #require(jsonParseError([0xEF, 0xBB, 0xBF, 0x31]))
        #expect(bom.message.contains("byte order mark"))
        let deep = try #require(jsonParseError(Array(repeating: UInt8(ascii: "["), count: 100)))
        #expect(deep.message.contains("limit of 64"))
        let deep3 = try #require(jsonParseError(Array("[[[[".utf8), limits: JSONLimits(maxDepth: 3)))
        #expect(deep3.message.contains("limit of 3"))
        let long = try #require(jsonParseError(Array("\"abc\"".utf8), limits: JSONLimits(maxStringBytes: 2)))
        #expect(long.message.contains("limit of 2 bytes"))
        let range = try #require(jsonParseError(Array("1e999".utf8)))
        #expect(range.message.contains("out of range"))
        let utf8 = try #require(jsonParseError(quoted([0xED, 0xA0, 0x80])))
        #expect(utf8.message.contains("surrogate"))
        let odd = try #require(jsonParseError(Array(#"{"a b":{"c\"d":[0,x]}}"#.utf8)))
        #expect(odd.path == #"$["a b"]["c\"d"][1]"#)
        #expect(odd.description == odd.message)
    }

    @Test func tenThousandDeepIsRefusedAtTheLimit() throws {
        for open in ["[", "{\"a\":"] {
            let input = Array(String(repeating: open, count: 10_000).utf8)
            let error = try #require(jsonParseError(input))
            #expect(error.code == .tooDeep)
            #expect(error.byteOffset == 64 * open.utf8.count)
        }
    }

    @Test func deepInputNeverUsesTheCallStack() throws {
        // With no effective depth limit, 200,000 open brackets still fail cleanly at the end of the input: the
        // parser keeps its own stack instead of recursing.
        let input = Array(repeating: UInt8(ascii: "["), count: 200_000)
        let error = try #require(jsonParseError(input, limits: JSONLimits(maxDepth: .max)))
        #expect(error.code == .unexpectedEnd)
        #expect(error.byteOffset == 200_000)
    }

    @Test func depthLimitIsInclusive() throws {
        let limits = JSONLimits(maxDepth: 300)
        let ok = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        _ = try jsonParse(ok, limits: limits)
        let tooDeep = String(repeating: "[", count: 301) + String(repeating: "]", count: 301)
        #expect(jsonParseError(Array(tooDeep.utf8), limits: limits)?.code == .tooDeep)
    }
}
