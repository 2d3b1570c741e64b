import GroupDomain
import Testing

/// The text matcher against its frozen reference (``TextReference``): on thousands of generated posts, in NFC, NFD
/// and mixed forms, under the default and under altered configurations, both must give exactly the same matches:
/// rules, kinds, spans (bytes, UTF-8 and UTF-16 offsets), terms, messages and advert signals.
@Suite struct TextReferenceDifferentialTests {
    /// Everything a match says, with its text as the bytes of the original it slices.
    struct Rendered: Equatable, CustomStringConvertible {
        let rule: TextRule
        let kind: TextMatch.Kind
        let bytes: [UInt8]
        let utf8: Range<Int>
        let utf16: Range<Int>
        let start: Int
        let term: String
        let messages: [String]
        let signals: [[String]]

        init(_ match: TextMatch, in text: String) {
            rule = match.rule
            kind = match.kind
            bytes = Array(match.text.utf8)
            utf8 = match.utf8Range
            utf16 = match.utf16Range
            start = text.utf8.distance(from: text.startIndex, to: match.text.startIndex)
            term = match.term
            messages = [match.messageVI, match.messageEN]
            signals = match.signals.map { signal in
                [
                    signal.group, signal.term, String(decoding: Array(signal.text.utf8), as: UTF8.self),
                    "\(signal.utf8Range)", "\(signal.utf16Range)",
                    "\(text.utf8.distance(from: text.startIndex, to: signal.text.startIndex))",
                ]
            }
        }

        var description: String {
            "\(rule) \(kind) \(String(decoding: bytes, as: UTF8.self).debugDescription) \(utf8) \(utf16) \(term)"
        }
    }

    /// Runs both matchers on `texts` and records every text on which they differ.
    ///
    /// The reference was frozen before ``MatchConfiguration/Stamps/recall`` (the stamps that are not accented whole
    /// words), ``MatchConfiguration/Adverts/threshold`` (weighing the advert evidence) and
    /// ``MatchConfiguration/emoticonGuards`` and ``MatchConfiguration/unlawfulEvidence`` (weighing R7c) existed, so
    /// both run with them off; `TextStampRecallTests`, `TextAdvertTests`, `TextEmoticonTests` and `TextUnlawfulTests`
    /// cover them.
    private func compare(
        _ texts: [String],
        _ configuration: MatchConfiguration,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var configuration = configuration
        configuration.stamps.recall = false
        configuration.adverts.threshold = nil
        configuration.emoticonGuards = false
        configuration.unlawfulEvidence = nil
        let matcher = TextMatcher(configuration: configuration)
        let reference = TextReference.TextMatcher(configuration: configuration)
        var failures = 0
        for text in texts {
            let found = matcher.matches(in: text).map { Rendered($0, in: text) }
            let expected = reference.matches(in: text).map { Rendered($0, in: text) }
            guard found != expected else { continue }
            failures += 1
            #expect(
                found == expected,
                "\(text.debugDescription) \(Array(text.unicodeScalars.map(\.value)))",
                sourceLocation: sourceLocation
            )
            if failures >= 10 { break }
        }
    }

    @Test func generatedPostsMatchTheReference() {
        var generator = TextFuzzer(seed: 7_301)
        var texts: [String] = []
        for _ in 0..<1_500 {
            let post = generator.post()
            texts.append(post)
            texts.append(TextTest.nfd(post))
            texts.append(generator.mixForms(post))
        }
        compare(texts, .default)
    }

    @Test func hostileAndEdgeCasePostsMatchTheReference() {
        var generator = TextFuzzer(seed: 2_547)
        var texts = TextFuzzer.edgeCases
        for _ in 0..<1_000 { texts.append(generator.noise()) }
        compare(texts + texts.map(TextTest.nfd), .default)
    }

    @Test func alteredConfigurationsMatchTheReference() {
        var generator = TextFuzzer(seed: 99)
        let texts = (0..<300).flatMap { _ in
            let post = generator.post()
            return [post, TextTest.nfd(post), generator.noise()]
        }
        var emoji = MatchConfiguration.default
        emoji.emoji.countBareDigitsAndSigns = true
        emoji.emoji.countTextStyleSymbols = true
        emoji.emoji.alwaysCount = ["a", "é", "👍", "\u{00A9}", "\u{037E}"]
        emoji.emoticons += [":/", "é:", "K-)", "\u{212A}k", ";)", "\u{00A0}x", "ß", "Ǆ-", "x\u{0301}"]
        compare(texts, emoji)

        var words = MatchConfiguration.default
        words.unlawfulWords.words += ["hoà bình", "Ðà Nẵng", "thuý", "e\u{0301}p buộc", "İstanbul", "Straße", "ǅem"]
        words.unlawfulWords.falseFriends += ["hoà bình lập lại", "ngu như"]
        words.offensiveWords.words += ["ﬁle", "\u{212A}elvin", "ⅻ", "αβγ", "mặt"]
        words.stamps.levels += ["MẬT KHẨN", "Ω"]
        words.stamps.labels += ["Mức độ", "Kính gửi"]
        words.adverts.amountUnits += ["đồng", "\u{212A}", "ｋ"]
        words.adverts.minimumGroups = 1
        words.links.bareDomainSuffixes += ["pdf", "xn--p1ai"]
        words.links.officialDomains += ["tin-nong-24h.xyz"]
        compare(texts, words)

        var lookalikes = MatchConfiguration.default
        lookalikes.emoticons = ["\u{037E})", "\u{212A}-)", "ẋ-)", "\u{1FEF}_", "é:"]
        lookalikes.adverts.amountUnits = ["\u{212A}", "ḱ", "₫"]
        compare(texts + TextFuzzer.edgeCases, lookalikes)

        var empty = MatchConfiguration.default
        empty.stamps = .init(levels: [], labels: [], phrases: [], falseFriends: [])
        empty.emoticons = []
        empty.adverts.amountUnits = []
        empty.adverts.amountGroup = nil
        empty.adverts.phoneGroup = nil
        empty.unlawfulWords.words = []
        compare(texts, empty)
    }
}
