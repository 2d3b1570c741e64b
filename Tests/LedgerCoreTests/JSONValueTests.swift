import LedgerCore
import Testing

@Suite struct JSONValueTests {
    @Test func objectEqualityIgnoresMemberOrderButNotKeyBytes() throws {
        let a = try jsonParse(#"{"x":1,"y":[1,2]}"#)
        let b = try jsonParse(#"{"y":[1,2],"x":1}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(try jsonParse(#"{"y":[2,1],"x":1}"#) != a)
        #expect(try jsonParse(#"{"x":1}"#) != a)
        let nfc = try jsonParse(#"{"caf\u00e9":1}"#)
        let nfd = try jsonParse(#"{"cafe\u0301":1}"#)
        #expect(nfc != nfd)
        #expect(nfc.objectValue?["cafe\u{301}"] == nil)
        #expect(nfc.objectValue?["caf\u{E9}"] == 1)
    }

    @Test func numbersCompareByText() throws {
        #expect(try jsonParse("1.0") != jsonParse("1"))
        #expect(try jsonParse("1e2") == jsonParse("1e2"))
        #expect(try jsonCanonicalText("1.0") == jsonCanonicalText("1"))
    }

    @Test func differentKindsDiffer() {
        let values: [JSONValue] = [.null, false, true, 0, "0", [], .object(JSONObject()), [0], ["0": 0]]
        #expect(Set(values).count == values.count)
    }

    @Test func jsonNumberInitializers() throws {
        #expect(JSONNumber(42).text == "42")
        #expect(JSONNumber(-7 as Int64).integerDigits == "-7")
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(1e21)?.text == "1e+21")
        #expect(JSONNumber(-0.0)?.text == "0")
        #expect(JSONNumber(100.0)?.isInteger == true)
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        for valid in ["0", "-0", "1.5", "1e4", "1E-300", "12345678901234567890123"] {
            #expect(JSONNumber(valid)?.text == valid)
        }
        for invalid in ["", " 1", "1 ", "01", "+1", ".5", "1.", "1e400", "NaN", "0x1", "1,", "\"1\"", "[1]"] {
            #expect(JSONNumber(invalid) == nil, "\(invalid)")
        }
        #expect(JSONNumber("123")?.int64Value == 123)
        #expect(JSONNumber("9223372036854775808")?.int64Value == nil)
        #expect(JSONNumber("1.5")?.int64Value == nil)
        #expect(JSONNumber("1.5")?.doubleValue == 1.5)
        #expect(JSONNumber("1.5")?.description == "1.5")
    }

    @Test func objectConstruction() {
        let object = JSONObject(members: [(key: "b", value: 1), (key: "a", value: "x")])
        #expect(object.keys == ["b", "a"])
        #expect(object.count == 2)
        #expect(!object.isEmpty)
        #expect(JSONObject(checkingMembers: [(key: "a", value: 1), (key: "a", value: 2)]) == nil)
        #expect(
            JSONObject(checkingMembers: [(key: "caf\u{E9}", value: 1), (key: "cafe\u{301}", value: 2)])?.count == 2
        )
        let many = (0..<50).map { (key: "k\($0)", value: JSONValue.number(JSONNumber($0))) }
        #expect(JSONObject(checkingMembers: many + [(key: "k3", value: .null)]) == nil)
        let big = JSONObject(members: many)
        #expect(big["k49"] == 49)
        #expect(big == JSONObject(members: many.reversed()))
        let literal: JSONObject = ["x": 1]
        #expect(literal["x"] == 1)
    }

    @Test func descriptionIsCanonical() {
        let value: JSONValue = ["b": ["x": true], "a": .null]
        #expect(value.description == #"{"a":null,"b":{"x":true}}"#)
    }
}
