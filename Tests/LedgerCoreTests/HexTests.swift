import LedgerCore
import Testing

@Suite struct HexTests {
    @Test func encodesLowercaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(Hex.encode([]) == "")
    }

    @Test func decodesEitherCaseAndRoundTripsEveryByte() throws {
        #expect(try Hex.decode("000fA5Ff") == [0x00, 0x0F, 0xA5, 0xFF])
        let all = (0...255).map(UInt8.init)
        #expect(try Hex.decode(Hex.encode(all)) == all)
    }

    @Test func refusesAnOddNumberOfCharacters() {
        #expect(throws: HexDecodingError.oddLength(characters: 3)) { try Hex.decode("abc") }
    }

    @Test func refusesAnythingButDigitsAndSaysWhere() {
        #expect(throws: HexDecodingError.notADigit(UInt8(ascii: "g"), position: 2)) { try Hex.decode("00g0") }
        #expect(throws: HexDecodingError.notADigit(UInt8(ascii: "x"), position: 1)) { try Hex.decode("0x00") }
        #expect(throws: HexDecodingError.notADigit(UInt8(ascii: " "), position: 2)) { try Hex.decode("00 0") }
        #expect(throws: HexDecodingError.notADigit(0xC3, position: 0)) { try Hex.decode("é00") }
        let error = HexDecodingError.notADigit(UInt8(ascii: "g"), position: 2)
        #expect(error.description == "\"g\" at position 2 is not a hexadecimal digit (0-9, a-f)")
        #expect(HexDecodingError.notADigit(0xC3, position: 0).description.hasPrefix("byte 0xc3 at position 0"))
    }

    @Test func aFixedLengthDecodeRefusesAnyOtherLength() throws {
        #expect(try Hex.decode("0a0b", count: 2) == [0x0A, 0x0B])
        #expect(throws: HexDecodingError.wrongLength(characters: 6, expectedBytes: 2)) {
            try Hex.decode("0a0b0c", count: 2)
        }
    }

    @Test func digitValuesAreExactlyTheTwentyTwoHexDigits() {
        let accepted = (0...255).map(UInt8.init).filter { Hex.value(ofDigit: $0) != nil }
        #expect(String(decoding: accepted, as: UTF8.self) == "0123456789ABCDEFabcdef")
        #expect((0...15).map { Hex.value(ofDigit: Hex.digit(UInt8($0))) } == (0...15).map { UInt8($0) })
        #expect(
            (0...15).map { Hex.value(ofDigit: Hex.digit(UInt8($0), uppercase: true)) } == (0...15).map { UInt8($0) }
        )
    }

    @Test func uppercaseNotationPadsToTheMinimum() {
        #expect(Hex.uppercase(0xE9, minimumDigits: 4) == "00E9")
        #expect(Hex.uppercase(0x1F600, minimumDigits: 4) == "1F600")
        #expect(Hex.uppercase(0x7, minimumDigits: 2) == "07")
    }

    @Test func hashesAndKeyIDsUseTheCodec() {
        let hash = SHA256().hash(Array("abc".utf8))
        #expect(Hash(hex: hash.hex) == hash)
        #expect(Hash(hex: hash.hex.uppercased()) == hash)
        #expect(Hash(hex: String(hash.hex.dropLast())) == nil)
        #expect(Hash(hex: String(hash.hex.dropLast()) + "g") == nil)
        #expect(NoteKeyID.hex(0x0102_0A0B) == "01020a0b")
    }
}
