import Foundation
import Testing

@Suite struct AppendCLITests {
    /// Each kind of bad input: exit 65, a message naming the line, and not one byte of the ledger changed.
    @Test(arguments: BadInput.allCases)
    func badInputIsRefusedAndTheLedgerIsUntouched(_ bad: BadInput) throws {
        let scratch = Scratch("bad-\(bad)")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"]).status == 0)
        #expect(
            try CLI.run(["append", "--ledger", ledger, scratch.write("ok.jsonl", Array((Line.post("a") + "\n").utf8))])
                .status == 0
        )
        let before = Scratch.snapshot(ledger)
        let good = Array((Line.post("b") + "\n" + Line.post("c") + "\n").utf8)
        let input = bad == .bom ? [0xef, 0xbb, 0xbf] + bad.line + [0x0a] + good : good + bad.line + [0x0a]
        let result = try CLI.run(["append", "--ledger", ledger, scratch.write("bad.jsonl", input)])
        #expect(result.status == 65, "\(bad): \(result.stderr)")
        #expect(result.stderr.contains(bad == .bom ? "line 1" : "line 3"), "\(bad): \(result.stderr)")
        #expect(result.stderr.contains(bad.expectedWords), "\(bad): \(result.stderr)")
        #expect(Scratch.snapshot(ledger) == before, "\(bad) changed the ledger")
    }

    @Test func appendReportsJSONAndIsIdempotent() throws {
        let scratch = Scratch("json")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let file = scratch.write("in.jsonl", Array((Line.post("a") + "\n" + Line.post("b") + "\n").utf8))
        let first = try CLI.run(["append", "--ledger", ledger, "--json", file])
        #expect(first.stdout == #"{"appended":2,"duplicates":0,"first_seq":1,"size":3}"# + "\n")
        let second = try CLI.run(
            ["append", "--ledger", ledger, "--json"],
            stdin: FileManager.default.contents(atPath: file)
        )
        #expect(second.stdout == #"{"appended":0,"duplicates":2,"size":3}"# + "\n")
        #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
    }

    @Test func missingInputAndMissingLedgerExit66() throws {
        let scratch = Scratch("missing")
        defer { scratch.remove() }
        #expect(try CLI.run(["verify", "--ledger", scratch.path + "/nope"]).status == 66)
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let result = try CLI.run(["append", "--ledger", ledger, scratch.path + "/absent.jsonl"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("absent.jsonl"))
        #expect(try CLI.run(["log", "--ledger", ledger, "--from", "7", "--to", "2"]).status == 64)
    }
}

enum BadInput: String, CaseIterable, CustomTestStringConvertible {
    case invalidJSON, invalidUTF8, duplicateKey, missingField, mistypedField, numericId, badTime, reservedType,
        missingGroup, unknownField, nulInId, rtlOverrideInId, tooDeep, tooLong, tooLargeForARecord, bom, notAnObject

    var testDescription: String { rawValue }

    var line: [UInt8] {
        let head = #"{"type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"a","group":"g-1","#
        switch self {
        case .invalidJSON: return Array(#"{"id":"x","type":}"#.utf8)
        case .invalidUTF8: return Array((head + #""id":"x"#).utf8) + [0xc3, 0x28] + Array(#""}"#.utf8)
        case .duplicateKey: return Array((head + #""id":"x","id":"y"}"#).utf8)
        case .missingField: return Array(#"{"id":"x","type":"post.created","actor":"a","group":"g-1"}"#.utf8)
        case .mistypedField: return Array((head + #""id":"x","data":[1,2]}"#).utf8)
        case .numericId: return Array((head + #""id":7301000000000000001}"#).utf8)
        case .badTime:
            return Array(#"{"id":"x","type":"post.created","time":"2026-02-30T07:45:12","actor":"a","group":"g"}"#.utf8)
        case .reservedType:
            return Array(#"{"id":"x","type":"ledger.initialized","time":"2026-11-03T07:45:12Z","actor":"a"}"#.utf8)
        case .missingGroup:
            return Array(#"{"id":"x","type":"member.joined","time":"2026-11-03T07:45:12Z","actor":"a"}"#.utf8)
        case .unknownField: return Array((head + #""id":"x","text":"hello"}"#).utf8)
        case .nulInId: return Array((head + #""id":"x\u0000y"}"#).utf8)
        case .rtlOverrideInId: return Array((head + #""id":"x\u202Ey"}"#).utf8)
        case .tooDeep:
            return Array(
                (head + #""id":"x","data":{"a":"# + String(repeating: "[", count: 100)
                    + String(repeating: "]", count: 100) + "}}").utf8
            )
        case .tooLong:
            return Array((head + #""id":"x","content":""# + String(repeating: "a", count: 1 << 20) + #""}"#).utf8)
        case .tooLargeForARecord:
            return Array((head + #""id":"x","data":{"a":""# + String(repeating: "b", count: 70_000) + #""}}"#).utf8)
        case .bom: return Array(Line.post("z").utf8)
        case .notAnObject: return Array(#"["id","x"]"#.utf8)
        }
    }

    /// Words the error message must contain.
    var expectedWords: String {
        switch self {
        case .invalidJSON: "byte"
        case .invalidUTF8: "UTF-8"
        case .duplicateKey: "duplicate key \"id\""
        case .missingField: "\"time\" is required"
        case .mistypedField: "\"data\" must be a JSON object"
        case .numericId: "must be a string"
        case .badTime: "RFC 3339"
        case .reservedType: "reserved"
        case .missingGroup: "\"group\" is required"
        case .unknownField: "\"text\" is not part of the envelope"
        case .nulInId: "control character"
        case .rtlOverrideInId: "U+202E"
        case .tooDeep: "deep"
        case .tooLong: "longer than"
        case .tooLargeForARecord: "move long text into \"content\""
        case .bom: "BOM"
        case .notAnObject: "must be a JSON object"
        }
    }
}
