import LedgerCore
import TestSupport
import Testing

/// Builds random JSON values and writes them non-canonically (random whitespace and `\u` escapes), with a fixed
/// seed so that a failure reproduces.
struct RandomJSON {
    var rng: SeededRandom

    static let scalars: [Unicode.Scalar] = [
        "a", "b", "z", "A", "1", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}",
        "\u{7F}", "\u{80}", "\u{E9}", "\u{301}", "\u{2028}", "\u{20AC}", "\u{D7FF}", "\u{E000}", "\u{FB33}", "\u{FFFF}",
        "\u{10000}", "\u{1F600}", "\u{10FFFF}",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func string() -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<int(0...6) { s.append(RandomJSON.scalars[int(0...RandomJSON.scalars.count - 1)]) }
        return String(s)
    }

    mutating func digits(_ count: Int, leadingNonZero: Bool) -> String {
        var s = ""
        for i in 0..<count { s += String(i == 0 && leadingNonZero ? int(1...9) : int(0...9)) }
        return s
    }

    mutating func numberText() -> String {
        var s = chance(30) ? "-" : ""
        s += chance(20) ? "0" : digits(int(1...30), leadingNonZero: true)
        if chance(40) { s += "." + digits(int(1...12), leadingNonZero: false) }
        if chance(30) {
            s += chance(50) ? "e" : "E"
            s += ["", "+", "-"][int(0...2)]
            s += String(int(0...40))
        }
        return s
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let roll = int(0...99)
        if depth >= 4 || roll < 40 {
            switch int(0...4) {
            case 0: return .null
            case 1: return .bool(chance(50))
            case 2, 3: return .number(JSONNumber(numberText())!)
            default: return .string(string())
            }
        }
        if roll < 70 { return .array((0..<int(0...4)).map { _ in value(depth: depth + 1) }) }
        var members: [(key: String, value: JSONValue)] = []
        for _ in 0..<int(0...5) {
            let key = string()
            if !members.contains(where: { Array($0.key.utf8) == Array(key.utf8) }) {
                members.append((key: key, value: value(depth: depth + 1)))
            }
        }
        return .object(JSONObject(members: members))
    }

    mutating func whitespace() -> String { ["", "", " ", "\n", "\t", "\r\n "][int(0...5)] }

    mutating func write(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            if mustEscape || chance(20) {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: chance(50))
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    mutating func write(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return write(s)
        case .array(let elements):
            return "[" + whitespace() + elements.map { write($0) }.joined(separator: whitespace() + "," + whitespace())
                + whitespace() + "]"
        case .object(let object):
            let members = object.members.map { write($0.key) + whitespace() + ":" + whitespace() + write($0.value) }
            return "{" + whitespace() + members.joined(separator: "," + whitespace()) + whitespace() + "}"
        }
    }
}

/// Checks what must hold for any accepted input: the canonical form parses back and is a fixed point.
private func checkCanonicalFixedPoint(_ value: JSONValue) {
    let first = JCS.serialize(value)
    guard let reparsed = try? JSONParser().parse(first) else {
        Issue.record("canonical form does not parse: \(String(decoding: first, as: UTF8.self))")
        return
    }
    let second = JCS.serialize(reparsed)
    #expect(first == second)
    #expect((try? JSONParser().parse(second)) == reparsed)
}

/// Checks what must hold for any refused input: an offset inside it and a path.
private func checkError(_ error: JSONError, inputCount: Int) {
    #expect(error.byteOffset >= 0 && error.byteOffset <= inputCount, "\(error.message)")
    #expect(error.path.hasPrefix("$"))
    #expect(error.message.contains("at byte \(error.byteOffset)"))
}

@Suite struct JSONFuzzTests {
    @Test func generatedDocumentsRoundTrip() throws {
        var random = RandomJSON(rng: SeededRandom(seed: 0x5EED_0001))
        for _ in 0..<4_000 {
            let value = random.value()
            let text = random.whitespace() + random.write(value) + random.whitespace()
            let parsed = try JSONParser().parse(Array(text.utf8))
            #expect(parsed == value, "\(text)")
            checkCanonicalFixedPoint(parsed)
        }
    }

    @Test func mutatedDocumentsNeverCrash() {
        var random = RandomJSON(rng: SeededRandom(seed: 0x5EED_0002))
        let interesting: [UInt8] =
            Array("\"\\{}[],:u0-.eE+ \t".utf8) + [
                0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
            ]
        var accepted = 0
        for _ in 0..<10_000 {
            var bytes = Array(random.write(random.value()).utf8)
            for _ in 0..<random.int(1...4) {
                let position = bytes.isEmpty ? 0 : random.int(0...bytes.count - 1)
                let byte =
                    random.chance(50) ? interesting[random.int(0...interesting.count - 1)] : UInt8(random.int(0...255))
                switch random.int(0...4) {
                case 0 where !bytes.isEmpty: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                case 2 where !bytes.isEmpty: bytes.remove(at: position)
                case 3 where !bytes.isEmpty:
                    let end = min(bytes.count, position + random.int(1...8))
                    bytes.insert(contentsOf: bytes[position..<end], at: random.int(0...bytes.count))
                default: bytes.removeLast(bytes.isEmpty ? 0 : random.int(0...min(3, bytes.count)))
                }
            }
            do {
                checkCanonicalFixedPoint(try JSONParser().parse(bytes))
                accepted += 1
            } catch {
                checkError(error, inputCount: bytes.count)
            }
        }
        #expect(accepted > 100)  // the mutations leave a fair share valid, so both paths are exercised
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: 0x5EED_0003)
        let alphabet: [UInt8] = Array("{}[]\",:\\ntrufalse0123456789-+.eE \n".utf8)
        for round in 0..<3_000 {
            let count = Int.random(in: 0...48, using: &rng)
            let bytes = (0..<count).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)!
            }
            do {
                checkCanonicalFixedPoint(try JSONParser().parse(bytes))
            } catch {
                checkError(error, inputCount: bytes.count)
            }
        }
    }

    @Test func stringValidationAgreesWithTheStandardLibrary() throws {
        // Random bytes between quotes (without `"`, `\` and controls): the parser must accept exactly the
        // well-formed UTF-8 that Swift's own validator accepts, and keep the bytes.
        var rng = SeededRandom(seed: 0x5EED_0004)
        let pieces: [[UInt8]] = [
            [0x41], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0x80], [0xC0], [0xE0], [0xED, 0xA0], [0xF4, 0x90],
            [0xF5], [0xFF], [0xBF],
        ]
        var accepted = 0
        for _ in 0..<3_000 {
            var inner: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                switch Int.random(in: 0...2, using: &rng) {
                case 0: inner += pieces.randomElement(using: &rng)!
                case 1: inner.append(UInt8.random(in: 0x20...0xFF, using: &rng))
                default:  // ASCII runs move the other bytes across the parser's 8-byte fast path
                    inner += Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 1...12, using: &rng))
                }
            }
            inner.removeAll { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
            let expected = String(validating: inner, as: UTF8.self)
            let input = [UInt8(ascii: "\"")] + inner + [UInt8(ascii: "\"")]
            switch Result(catching: { () throws(JSONError) in try JSONParser().parse(input) }) {
            case .success(let value):
                let string = try #require(expected, "accepted ill-formed \(inner)")
                #expect(Array(try #require(value.stringValue).utf8) == Array(string.utf8))
                accepted += 1
            case .failure(let error):
                #expect(expected == nil, "refused well-formed \(inner): \(error.message)")
                #expect(error.code == .invalidUTF8)
            }
        }
        #expect(accepted > 300)
    }
}
