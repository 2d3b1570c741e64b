import LedgerCore
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try jsonParse(#" { "s": "x", "n": -12.5e3, "t": true, "f": false, "z": null, "a": [1, [], {}] } "#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["s", "n", "t", "f", "z", "a"])
        #expect(object["s"] == .string("x"))
        #expect(object["n"]?.numberValue?.text == "-12.5e3")
        #expect(object["t"] == .bool(true))
        #expect(object["f"]?.boolValue == false)
        #expect(object["z"]?.isNull == true)
        #expect(object["a"] == [1, [], .object(JSONObject())])
        #expect(object["missing"] == nil)
        #expect(value["s"]?.stringValue == "x")
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", "12", "0.5", "-0.0", "1e5", "1E5", "1e+5", "1e-5", "1.25E-05", "0e0", "123456789",
    ])
    func keepsNumberTextExactly(_ text: String) throws {
        let number = try #require(try jsonParse(text).numberValue)
        #expect(number.text == text)
        #expect(number.isInteger == !text.contains { ".eE".contains($0) })
    }

    @Test func topLevelScalarsAndWhitespace() throws {
        #expect(try jsonParse(" \t\r\n\"a\" \n") == "a")
        #expect(try jsonParse("null") == .null)
        #expect(try jsonParse("true") == true)
        #expect(try jsonParse("7") == 7)
    }

    @Test func parsesFromEveryInputKind() throws {
        let parser = JSONParser()
        let bytes = Array(#"{"k":[1]}"#.utf8)
        let expected: JSONValue = ["k": [1]]
        #expect(try parser.parse(bytes) == expected)
        #expect(try parser.parse(#"{"k":[1]}"#) == expected)
        #expect(try parser.parse(Array("xx".utf8 + bytes)[2...]) == expected)
        let fromRaw = try bytes.withUnsafeBytes { buffer in try parser.parse(buffer) }
        #expect(fromRaw == expected)
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u00E9\u20AC""#, "Aéé€"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud83d\ude00\uDBFF\uDFFF""#, "😀\u{10FFFF}"),
        (#""a\u0000b""#, "a\u{0}b"),
        ("\"raw 😀 é \u{7F} \u{2028}\"", "raw 😀 é \u{7F} \u{2028}"),
        (#""ab\u0063defghijklmnopq""#, "abcdefghijklmnopq"),
    ])
    func decodesStrings(_ input: String, _ expected: String) throws {
        let value = try jsonParse(input)
        let string = try #require(value.stringValue)
        #expect(Array(string.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func keepsExactScalarsWithoutNormalising() throws {
        let nfc = "caf\u{E9}"
        let nfd = "cafe\u{301}"
        #expect(nfc == nfd)  // Swift's String == uses canonical equivalence…
        let parsedNFC = try jsonParse("\"\(nfc)\"")
        let parsedNFD = try jsonParse(#""cafe\u0301""#)
        #expect(Array(try #require(parsedNFD.stringValue).utf8) == Array(nfd.utf8))
        #expect(parsedNFC != parsedNFD)  // …JSON values compare scalars.
        #expect(Set([parsedNFC, parsedNFD]).count == 2)
        #expect(parsedNFC == .string(nfc))
    }

    @Test func nulIsAllowedInStringsAndKeys() throws {
        let value = try jsonParse(#"{"\u0000":"\u0000"}"#)
        #expect(value["\u{0}"] == .string("\u{0}"))
    }

    @Test func acceptsEveryWellFormedUTF8Boundary() throws {
        for scalar in [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF] as [UInt32] {
            let s = String(Unicode.Scalar(scalar)!)
            #expect(try jsonParse("\"\(s)\"") == .string(s), "U+\(String(scalar, radix: 16))")
        }
    }

    @Test func largeObjectsUseExactKeyLookups() throws {
        // More than 16 members switches duplicate detection and lookups to a hash index.
        var members = (0..<40).map { "\"k\($0)\":\($0)" }
        members.append(#""cafe\u0301":"nfd""#)
        members.append(#""caf\u00e9":"nfc""#)
        let object = try #require(try jsonParse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.count == 42)
        #expect(object["k39"] == 39)
        #expect(object["cafe\u{301}"] == "nfd")
        #expect(object["caf\u{E9}"] == "nfc")
        #expect(object.position(of: "k0") == 0)
        let duplicate = "{" + (members + [#""k7":0"#]).joined(separator: ",") + "}"
        let error = jsonParseError(Array(duplicate.utf8))
        #expect(error?.code == .duplicateKey)
        #expect(error?.byteOffset == duplicate.utf8.count - 7)
    }

    @Test(arguments: [
        #"{"a":1,"b":{"a":2}}"#,
        #"[{"id":1},{"id":2}]"#,
        #"{"caf\u00e9":1,"cafe\u0301":2}"#,
        "{\"caf\u{E9}\":1,\"cafe\u{301}\":2}",
        #"{"A":1,"a":2,"\u0041\u0301":3}"#,
        #"{"":1," ":2}"#,
    ])
    func distinctKeysAreNotDuplicates(_ input: String) throws {
        _ = try jsonParse(input)
    }

    @Test(arguments: [
        (#"{"a":1,"a":1}"#, 7, "$"),
        (#"{"a":{"b":[{},{"x":1,"y":2,"x":3}]}}"#, 27, "$.a.b[1]"),
        (#"{"caf\u00e9":1,"café":2}"#, 15, "$"),
        (#"{"\u0061":1,"a":2}"#, 12, "$"),
        (#"{"😀":1,"\ud83d\ude00":2}"#, 10, "$"),
        (#"{"":1,"":2}"#, 6, "$"),
    ])
    func duplicateKeysAreErrors(_ input: String, _ offset: Int, _ path: String) {
        let error = jsonParseError(Array(input.utf8))
        #expect(error?.code == .duplicateKey)
        #expect(error?.byteOffset == offset)
        #expect(error?.path == path)
    }
}
