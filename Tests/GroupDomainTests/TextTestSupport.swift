import Foundation
import GroupDomain
import Testing

/// Helpers shared by the text-matcher tests.
enum TextTest {
    /// The matcher with the bundled configuration.
    static let matcher = TextMatcher()

    /// The NFC form of `text`.
    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    /// The NFD form of `text` (combining marks, as from a "Unicode tổ hợp" keyboard).
    static func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }

    /// What a match says, compared across normalisation forms (`String ==` is canonical equivalence).
    struct Signature: Equatable, CustomStringConvertible {
        let rule: TextRule
        let kind: TextMatch.Kind
        let term: String
        let text: String
        var description: String { "\(rule) \(kind) \"\(text)\" (\(term))" }
    }

    /// Runs the matcher on `text` and checks that every match's `text` is the slice of the original at its UTF-8 and
    /// UTF-16 ranges, and that each advert signal is too.
    static func run(
        _ text: String,
        _ matcher: TextMatcher = matcher,
        sourceLocation: SourceLocation = #_sourceLocation
    )
        -> [TextMatch]
    {
        let found = matcher.matches(in: text)
        let utf8 = Array(text.utf8)
        let utf16 = Array(text.utf16)
        for match in found {
            checkSlice(match.text, match.utf8Range, match.utf16Range, utf8, utf16, in: text, sourceLocation)
            for signal in match.signals {
                checkSlice(signal.text, signal.utf8Range, signal.utf16Range, utf8, utf16, in: text, sourceLocation)
                #expect(match.utf8Range.contains(signal.utf8Range.lowerBound), sourceLocation: sourceLocation)
            }
        }
        return found
    }

    private static func checkSlice(
        _ slice: Substring,
        _ utf8Range: Range<Int>,
        _ utf16Range: Range<Int>,
        _ utf8: [UInt8],
        _ utf16: [UInt16],
        in text: String,
        _ sourceLocation: SourceLocation
    ) {
        #expect(
            utf8Range.upperBound <= utf8.count && utf16Range.upperBound <= utf16.count,
            sourceLocation: sourceLocation
        )
        guard utf8Range.upperBound <= utf8.count, utf16Range.upperBound <= utf16.count else { return }
        #expect(Array(utf8[utf8Range]) == Array(slice.utf8), "UTF-8 slice", sourceLocation: sourceLocation)
        #expect(Array(utf16[utf16Range]) == Array(slice.utf16), "UTF-16 slice", sourceLocation: sourceLocation)
        #expect(
            text.utf8.distance(from: text.startIndex, to: slice.startIndex) == utf8Range.lowerBound,
            "the slice is of the original string",
            sourceLocation: sourceLocation
        )
        // Slicing the String through its UTF-16 view, as a Zalo mention offset would, gives the same text.
        let start = text.utf16.index(text.utf16.startIndex, offsetBy: utf16Range.lowerBound)
        let end = text.utf16.index(text.utf16.startIndex, offsetBy: utf16Range.upperBound)
        #expect(Array(text[start..<end].utf8) == Array(slice.utf8), sourceLocation: sourceLocation)
    }

    /// Runs the matcher on the NFC and the NFD form of `text`, checks that both give the same matches (with spans
    /// that slice their own original), and returns the signatures.
    static func both(
        _ text: String,
        _ matcher: TextMatcher = matcher,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Signature] {
        let composed = run(nfc(text), matcher, sourceLocation: sourceLocation).map(signature)
        let decomposed = run(nfd(text), matcher, sourceLocation: sourceLocation).map(signature)
        #expect(composed == decomposed, "NFC and NFD give the same matches", sourceLocation: sourceLocation)
        return composed
    }

    /// The signatures of one rule's matches, NFC and NFD checked.
    static func both(
        _ rule: TextRule,
        _ text: String,
        _ matcher: TextMatcher = matcher,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Signature] {
        both(text, matcher, sourceLocation: sourceLocation).filter { $0.rule == rule }
    }

    static func signature(_ match: TextMatch) -> Signature {
        Signature(rule: match.rule, kind: match.kind, term: match.term, text: String(match.text))
    }

    /// A signature, for expectations.
    static func sig(_ rule: TextRule, _ kind: TextMatch.Kind, _ text: String, term: String? = nil) -> Signature {
        Signature(rule: rule, kind: kind, term: term ?? text, text: text)
    }

    /// The default configuration's JSON with `old` replaced by `new` (which must occur).
    static func configuration(
        replacing old: String,
        with new: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MatchConfiguration {
        let json = MatchConfiguration.defaultJSON
        #expect(json.contains(old), "the default configuration contains \(old)", sourceLocation: sourceLocation)
        return try MatchConfiguration(json: Array(json.replacingOccurrences(of: old, with: new).utf8))
    }
}
