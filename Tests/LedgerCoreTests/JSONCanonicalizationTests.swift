import LedgerCore
import Testing

@Suite struct JSONCanonicalizationTests {
    /// RFC 8785 §3.2.2: the sample input object and its canonical form.
    @Test func rfc8785SampleObject() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
            + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try jsonCanonicalText(input) == expected)
    }

    /// RFC 8785 §3.2.3: members sorted by UTF-16 code units, so U+1F600 (D83D DE00) sorts before U+FB33.
    @Test func rfc8785SortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let value = try jsonParse(input)
        let expectedOrder = ["\r", "1", "\u{80}", "\u{F6}", "\u{20AC}", "\u{1F600}", "\u{FB33}"]
        let reparsed = try #require(try JSONParser().parse(JCS.serialize(value)).objectValue)
        #expect(reparsed.keys.map { Array($0.unicodeScalars) } == expectedOrder.map { Array($0.unicodeScalars) })
        #expect(jsonCanonicalText(value).hasPrefix(#"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"#))
    }

    @Test func sortsSupplementaryBeforeHighBMP() {
        // In code point (and UTF-8) order U+E000 < U+FFFF < U+10000; in UTF-16 order U+10000 comes first.
        let value: JSONValue = ["\u{FFFF}": 1, "\u{E000}": 2, "\u{10000}": 3, "\u{D7FF}": 4, "z": 5]
        #expect(jsonCanonicalText(value) == "{\"z\":5,\"\u{D7FF}\":4,\"\u{10000}\":3,\"\u{E000}\":2,\"\u{FFFF}\":1}")
    }

    @Test func sortsPrefixesFirstAndComparesCodeUnitsNotNormalisedText() {
        let value: JSONValue = ["ab": 1, "a": 2, "cafe\u{301}": 3, "caf\u{E9}": 4, "B": 5, "": 6]
        #expect(jsonCanonicalText(value) == "{\"\":6,\"B\":5,\"a\":2,\"ab\":1,\"cafe\u{301}\":3,\"caf\u{E9}\":4}")
    }

    @Test(arguments: [
        (
            "\u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{E}\u{1F}",
            #""\u0000\u0001\u0007\b\t\n\u000b\f\r\u000e\u001f""#
        ),
        ("\"\\/", #""\"\\/""#),
        ("\u{7F}\u{80}\u{2028}\u{2029}é😀</script>", "\"\u{7F}\u{80}\u{2028}\u{2029}é😀</script>\""),
        ("plain", #""plain""#),
        ("", #""""#),
    ])
    func escapesStringsPerRFC8785(_ string: String, _ expected: String) {
        #expect(jsonCanonicalText(.string(string)) == expected)
    }

    @Test func literalsAndEmptyContainersHaveNoWhitespace() throws {
        #expect(
            try jsonCanonicalText(" [ null , true , false , { } , [ ] , { \"a\" : [ ] } ] ")
                == #"[null,true,false,{},[],{"a":[]}]"#
        )
    }

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    @Test(
        arguments: [
            (0x0000_0000_0000_0000, "0"),
            (0x8000_0000_0000_0000, "0"),
            (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"),
            (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
            (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
            (0x4340_0000_0000_0000, "9007199254740992"),
            (0xC340_0000_0000_0000, "-9007199254740992"),
            (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
            (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
            (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
            (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
            (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
            (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"),
            (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"),
            (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"),
            (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
            (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ] as [(UInt64, String)]
    )
    func appendixBNumbers(_ bits: UInt64, _ expected: String) throws {
        let double = Double(bitPattern: bits)
        #expect(JSONNumber(double)?.text == expected)
        // The same double written the way Swift prints it (e.g. "1e-07", "9007199254740992.0") canonicalizes alike.
        #expect(try jsonCanonicalText("[\(double.description)]") == "[\(expected)]")
    }

    @Test(arguments: [
        ("1E30", "1e+30"), ("4.50", "4.5"), ("2e-3", "0.002"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ("1e-7", "1e-7"), ("1e-6", "0.000001"), ("123.456", "123.456"), ("-0.0", "0"), ("0e10", "0"), ("1.0", "1"),
        ("1E+2", "100"), ("0.1", "0.1"), ("100e-2", "1"), ("-1.5e-9", "-1.5e-9"),
        ("12345678901234567890.0", "12345678901234567000"),
        ("9007199254740993.0", "9007199254740992"), ("1e-400", "0"), ("5e-324", "5e-324"), ("2e-324", "0"),
        ("3e-324", "5e-324"),
    ])
    func nonIntegerNumbersFollowECMAScript(_ input: String, _ expected: String) throws {
        #expect(try jsonCanonicalText(input) == expected)
    }

    @Test(arguments: [
        "0", "-1", "42", "9007199254740991", "-9007199254740992",
        "9007199254740993", "1234567890123456789", "-9223372036854775809", "123456789012345678901234567890",
        "-123456789012345678901234567890", "100000000000000000000000000000000000000000000000000000000000",
    ])
    func plainIntegersKeepTheirExactDigits(_ digits: String) throws {
        let value = try jsonParse(#"{"id":\#(digits),"list":[\#(digits)]}"#)
        let canonical = jsonCanonicalText(value)
        #expect(canonical == #"{"id":\#(digits),"list":[\#(digits)]}"#)
        #expect(value["id"]?.numberValue?.integerDigits == digits)
        #expect(try jsonParse(canonical) == value)
    }

    @Test func negativeZeroIntegerIsZero() throws {
        let number = try #require(try jsonParse("-0").numberValue)
        #expect(number.integerDigits == "0")
        #expect(number.text == "-0")
        #expect(jsonCanonicalText(.number(number)) == "0")
        #expect(try jsonParse("1.0").numberValue?.integerDigits == nil)
    }

    @Test(arguments: [
        #"{"b":[1,2.50,{"z":null,"a":"\u00e9"}],"a":"x\ty","c":1E3,"big":123456789012345678901234567890}"#,
        #"[{"\ud83d\ude00":1,"\ufb33":2,"\u20ac":3}, "\u2028\u0000\"", -0.0, 1e-7, 1e21]"#,
        #""just a string \\ \/ \b""#,
        "{\"cafe\u{301}\":1,\"caf\u{E9}\":2}",
    ])
    func canonicalFormIsIdempotent(_ input: String) throws {
        let first = JCS.serialize(try jsonParse(input))
        let reparsed = try JSONParser().parse(first)
        let second = JCS.serialize(reparsed)
        #expect(first == second)
        #expect(try JSONParser().parse(second) == reparsed)
        #expect(try JCS.canonicalize(Array(input.utf8)) == first)
    }

    @Test func serializeIntoAppends() {
        var out = Array("prefix:".utf8)
        JCS.serialize(["b": 1, "a": [true]], into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"prefix:{"a":[true],"b":1}"#)
    }
}
