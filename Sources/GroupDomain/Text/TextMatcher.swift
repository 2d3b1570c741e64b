/// Finds the evidence for the content rules R7a–R7e in a post's text: classification stamps, links outside the
/// official domains, listed unlawful or offensive words, emoji and emoticons, and advertising.
///
/// Every match carries the text exactly as written and its span in the original string (UTF-8 and UTF-16 offsets),
/// whatever normalisation form the text arrived in. Matching itself:
/// - works on grapheme clusters and compares words by ``SyllableKey``: case, NFC/NFD, tone-mark placement
///   ("hoà"/"hòa") and the Ð/Đ lookalike are ignored, **diacritics never** ("mật" ≠ "mat");
/// - matches words and phrases as whole words only; false friends cancel an overlapping term;
/// - finds links first, and never looks for words, emoticons or signals inside a link.
///
/// ```swift
/// let matcher = TextMatcher()
/// for match in matcher.matches(in: "Gửi tài liệu TỐI MẬT 👍") {
///     print(match.rule, match.kind, match.text, match.utf16Range)  // R7a classifiedStamp …, R7d emoji …
/// }
/// ```
///
/// A match is evidence for a person to review, never a verdict. Text in images, PDFs and stickers is not seen here.
public struct TextMatcher: Sendable {
    /// The configuration the matcher was built from.
    public let configuration: MatchConfiguration

    private let stamps: StampMatcher
    private let stampRecall: StampRecall
    private let linkScanner: LinkScanner
    private let officialDomains: DomainList
    private let platformDomains: DomainList
    private let unlawfulWords: WordListMatcher?
    private let unlawfulEvidence: UnlawfulMatcher?
    private let offensiveWords: WordListMatcher
    private let emoticons: EmoticonMatcher
    private let emoji: EmojiClassifier
    private let adverts: AdvertMatcher
    /// The syllables of every configured term.
    private let vocabulary: SyllableVocabulary

    /// Compiles `configuration`. Entries that are not whole words are ignored (``MatchConfiguration/init(json:)``
    /// rejects them).
    public init(configuration: MatchConfiguration = .default) {
        self.configuration = configuration
        var vocabulary = SyllableVocabulary()
        stamps = StampMatcher(configuration.stamps, vocabulary: &vocabulary)
        stampRecall = StampRecall(configuration.stamps)
        linkScanner = LinkScanner(
            bareDomainSuffixes: Set(configuration.links.bareDomainSuffixes.map { $0.lowercased() })
        )
        officialDomains = DomainList(configuration.links.officialDomains)
        platformDomains = DomainList(configuration.links.platformDomains)
        if let evidence = configuration.unlawfulEvidence {
            unlawfulWords = nil
            unlawfulEvidence = UnlawfulMatcher(words: configuration.unlawfulWords, evidence, vocabulary: &vocabulary)
        } else {
            unlawfulWords = WordListMatcher(rule: .r7c, configuration.unlawfulWords, vocabulary: &vocabulary)
            unlawfulEvidence = nil
        }
        offensiveWords = WordListMatcher(rule: .r7d, configuration.offensiveWords, vocabulary: &vocabulary)
        emoticons = EmoticonMatcher(configuration.emoticons, guards: configuration.emoticonGuards)
        emoji = EmojiClassifier(configuration.emoji)
        adverts = AdvertMatcher(configuration.adverts, vocabulary: &vocabulary)
        self.vocabulary = vocabulary
    }

    /// Every match in `text`, ordered by position (then by rule).
    ///
    /// - Parameter text: A post's text, attachment title or link title, as received (NFC, NFD or mixed).
    /// - Returns: The matches; an empty array when nothing matched. Emoji give one match per emoji; an advert, and
    ///   weighed unlawful content, give at most one match each for the whole text.
    public func matches(in text: String) -> [TextMatch] {
        var analysed = AnalysedText(text)
        let links = linkScanner.links(in: analysed)
        analysed.markLinks(links.map(\.range))
        analysed.tokenize(vocabulary)

        var found = stamps.matches(in: analysed)
        found += stampRecall.matches(in: analysed, existing: found.map(\.utf8Range))
        for link in links where !officialDomains.contains(link.host) && !platformDomains.contains(link.host) {
            found.append(
                analysed.match(
                    .r7b,
                    .unofficialLink,
                    characters: link.range,
                    term: link.host,
                    message: MatchMessages.unofficialLink(link.host)
                )
            )
        }
        found += unlawfulWords?.matches(in: analysed) ?? []
        found += unlawfulEvidence?.matches(in: analysed) ?? []
        found += offensiveWords.matches(in: analysed)
        for position in 0..<analysed.count where emoji.counts(position, in: analysed) {
            let symbol = String(analysed.span(position..<(position + 1)).text)
            found.append(
                analysed.match(
                    .r7d,
                    .emoji,
                    characters: position..<(position + 1),
                    term: symbol,
                    message: MatchMessages.emoji(symbol)
                )
            )
        }
        found += emoticons.matches(in: analysed)
        found += adverts.matches(in: analysed)
        found.sort { left, right in
            (left.utf8Range.lowerBound, left.rule, left.utf8Range.upperBound)
                < (right.utf8Range.lowerBound, right.rule, right.utf8Range.upperBound)
        }
        return found
    }
}
