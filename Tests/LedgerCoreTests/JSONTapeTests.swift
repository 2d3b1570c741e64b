import LedgerCore
import TestSupport
import Testing

/// The tape indexes only texts the parser accepts, and reads the same values from them.
@Suite struct JSONTapeTests {
    /// The value at `index`, rebuilt from the tape with the parser's types.
    static func value(of tape: JSONTape, at index: Int) -> JSONValue {
        switch tape[index].kind {
        case .object:
            let members = tape.keys(of: index).map { key -> (key: String, value: JSONValue) in
                (String(decoding: tape.raw(key), as: UTF8.self), value(of: tape, at: key + 1))
            }
            return .object(JSONObject(members: members))
        case .array:
            var elements: [JSONValue] = []
            var element = index + 1
            while element < Int(tape[index].next) {
                elements.append(value(of: tape, at: element))
                element = Int(tape[element].next)
            }
            return .array(elements)
        case .string:
            var bytes: [UInt8] = []
            tape.decodeString(index, into: &bytes)
            return .string(String(decoding: bytes, as: UTF8.self))
        case .number:
            return .number(JSONNumber(String(decoding: tape.raw(index), as: UTF8.self))!)
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        }
    }

    /// Whether the tape indexed `bytes`; when it did, the parser must read the same value from them.
    static func indexes(_ bytes: [UInt8], limits: JSONLimits = .init()) -> Bool {
        let parsed = try? JSONParser(limits: limits).parse(bytes)
        let indexed = bytes.withUnsafeBytes { buffer in
            JSONTape.index(buffer, limits: limits) { tape in tape.map { value(of: $0, at: 0) } }
        }
        if let indexed {
            #expect(parsed == indexed, "\(String(decoding: bytes, as: UTF8.self))")
        }
        return indexed != nil
    }

    @Test func generatedDocumentsReadAsTheParserReadsThem() {
        var random = RandomJSON(rng: SeededRandom(seed: 0x7A9E_0001))
        var indexed = 0
        for _ in 0..<4_000 {
            let text = random.whitespace() + random.write(random.value()) + random.whitespace()
            if JSONTapeTests.indexes(Array(text.utf8)) { indexed += 1 }
        }
        #expect(indexed > 1_000)  // documents with fractions, exponents or escaped keys are declined
    }

    @Test func mutatedDocumentsAreDeclinedOrReadAsTheParserReadsThem() {
        var random = RandomJSON(rng: SeededRandom(seed: 0x7A9E_0002))
        let interesting: [UInt8] =
            Array("\"\\{}[],:u0-.eE+ \t".utf8) + [
                0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF,
            ]
        var indexed = 0
        for _ in 0..<10_000 {
            var bytes = Array(random.write(random.value()).utf8)
            for _ in 0..<random.int(1...3) {
                let position = bytes.isEmpty ? 0 : random.int(0...bytes.count - 1)
                let byte = interesting[random.int(0...interesting.count - 1)]
                switch random.int(0...2) {
                case 0 where !bytes.isEmpty: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: if !bytes.isEmpty { bytes.remove(at: position) }
                }
            }
            if JSONTapeTests.indexes(bytes) { indexed += 1 }
        }
        #expect(indexed > 200)
    }

    @Test func stringsAreIndexedExactlyWhenTheyAreWellFormedUTF8() {
        var rng = SeededRandom(seed: 0x7A9E_0003)
        let pieces: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80],
            [0xF5], [0xFF], [0xE2, 0x82],
        ]
        var accepted = 0
        for _ in 0..<3_000 {
            var inner: [UInt8] = []
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                if Bool.random(using: &rng) {
                    inner += pieces.randomElement(using: &rng)!
                } else {
                    inner.append(UInt8.random(in: 0x20...0x7E, using: &rng))
                }
            }
            inner.removeAll { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
            let wellFormed = String(validating: inner, as: UTF8.self) != nil
            #expect(JSONTapeTests.indexes([0x22] + inner + [0x22]) == wellFormed, "\(inner)")
            if wellFormed { accepted += 1 }
        }
        #expect(accepted > 300)
    }

    /// Long strings are scanned eight plain bytes at a time: a byte that needs a look — a quote, a backslash, a
    /// control character, a byte of a UTF-8 sequence — is seen at every position of the word.
    @Test func everyByteThatMattersIsSeenAtEveryPositionOfALongString() {
        let specials: [[UInt8]] = [
            [0x22], [0x5C, 0x6E], [0x5C, 0x61], [0x5C], [0x00], [0x09], [0x1F], [0x7F], [0x20], [0xC3, 0xA9],
            [0xE1, 0xBB, 0x87], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC3], [0xED, 0xA0, 0x80],
        ]
        for length in [7, 8, 9, 16, 23, 24, 31] {
            for position in 0...length {
                for special in specials {
                    var inner = Array(repeating: UInt8(ascii: "a"), count: length)
                    inner.insert(contentsOf: special, at: position)
                    let text = [UInt8(ascii: "[")] + [0x22] + inner + [0x22] + [UInt8(ascii: "]")]
                    let parses = (try? JSONParser().parse(text)) != nil
                    #expect(JSONTapeTests.indexes(text) == parses, "\(special) at \(position) of \(length)")
                }
            }
        }
    }

    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":{"b":1,"b":1}}"#, "[1,]", #"{"a":1,}"#, "[01]", "[-]", "[1.5]", "[1e3]", "[tru]",
        #"["\x"]"#, #"["\ud800"]"#, #"["\udc00\ud800"]"#, #"{"\u0061":1}"#, "\u{FEFF}[]", "[] x", "", " ", "[", "{",
        #"{"a" 1}"#, "[\"a\u{1}\"]", "nul", "[1 2]",
    ])
    func declinesTextsOutsideItsSubset(_ text: String) {
        #expect(!JSONTapeTests.indexes(Array(text.utf8)))
    }

    @Test func followsTheParsersDepthAndDigitLimits() {
        let limits = JSONLimits(maxDepth: 3, maxNumberDigits: 5)
        #expect(JSONTapeTests.indexes(Array("[[[12345]]]".utf8), limits: limits))
        #expect(!JSONTapeTests.indexes(Array("[[[[1]]]]".utf8), limits: limits))
        #expect(!JSONTapeTests.indexes(Array("[123456]".utf8), limits: limits))
        let deep =
            String(repeating: "[", count: JSONTape.maxDepth + 1) + String(repeating: "]", count: JSONTape.maxDepth + 1)
        #expect(!JSONTapeTests.indexes(Array(deep.utf8), limits: JSONLimits(maxDepth: 1000)))
    }

    @Test func findsMembersAndEscapedStrings() throws {
        let text = #"{"event":"message","payload":{"data":{"content":"a\"b\u00e9\ud83d\ude00\n"}},"n":[1,{},[]]}"#
        Array(text.utf8).withUnsafeBytes { buffer in
            JSONTape.index(buffer, limits: JSONLimits()) { tape in
                guard let tape else {
                    Issue.record("not indexed")
                    return
                }
                #expect(tape.isString(tape.member("event", of: 0)!, equalTo: "message"))
                let data = tape.member("data", of: tape.member("payload", of: 0)!)!
                let content = tape.member("content", of: data)!
                var decoded: [UInt8] = []
                tape.decodeString(content, into: &decoded)
                #expect(String(decoding: decoded, as: UTF8.self) == "a\"bé😀\n")
                #expect(tape[content].isEscaped)
                #expect(tape.member("absent", of: 0) == nil && tape.member("event", of: data) == nil)
            }
        }
    }
}
