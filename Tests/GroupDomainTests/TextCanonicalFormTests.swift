import Foundation
import Testing

@testable import GroupDomain

/// The Unicode facts the text matcher's tables rely on, checked on this runtime: if a new Unicode version changed
/// one of them, these tests say which, before a result does.
@Suite struct TextCanonicalFormTests {
    /// The scalars of a string in NFC, by Foundation's normaliser (independent of the matcher).
    private func nfc(_ text: String) -> [Unicode.Scalar] {
        Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test func latinScalarsAreNFCStartersThatComposeWithNoOther() {
        let scalars = LatinCharacters.scalars
        #expect(scalars.count == 0x250 + 0x100, "U+0000–U+024F and U+1E00–U+1EFF")
        var composing: [String] = []
        for first in scalars {
            #expect(nfc(String(first)) == [first], "U+\(String(first.value, radix: 16)) is in NFC")
            #expect(first.properties.canonicalCombiningClass == .notReordered)
            for second in scalars where nfc(String(first) + String(second)) != [first, second] {
                composing.append("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
            }
        }
        #expect(composing == [])
    }

    @Test func segmentableLatinScalarsAreCharactersOfTheirOwn() {
        let scalars = LatinCharacters.scalars.filter { LatinCharacters.isSegmentable($0.value) }
        #expect(scalars.count == 0x250 + 0x100 - 2, "all but © and ®")
        var joined: [String] = []
        for first in scalars {
            for second in scalars where !(first == "\r" && second == "\n") {
                var pair = String.UnicodeScalarView()
                pair.append(first)
                pair.append(second)
                if String(pair).count != 2 {
                    joined.append("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
                }
            }
        }
        #expect(joined == [])
        #expect("\r\n".count == 1)
    }

    @Test func commonCharactersEndBeforeASegmentableScalar() {
        let followers = ["a", "Z", "0", " ", "\r", "\n", "\u{01}", "\u{AD}", "\u{A0}", "ệ", "Đ", "\u{1EF9}"]
        #expect(CommonCharacters.byBytes.count > 3_000)
        var wrong: [String] = []
        for (key, known) in CommonCharacters.byBytes {
            let text = String(known.character)
            if text.count != 1 || CommonCharacters.key(Array(text.utf8)) != key { wrong.append(text) }
            for follower in followers where (text + follower).count != 2 { wrong.append(text + follower) }
        }
        #expect(wrong == [])
    }
}
