/// The word lists and settings of the ``TextMatcher``: everything a province may want to change about rules R7a–R7e.
///
/// The bundled ``default`` is the file `Fixtures/config/rules.json`; a province copies that file, edits it and loads
/// it with ``init(json:)``. Every list entry is matched as whole words, ignoring case, NFC/NFD form, tone-mark
/// placement and the Ð/Đ lookalike, but never ignoring diacritics (see ``SyllableKey``).
///
/// The properties are `var`, so a program (or a test) can also start from ``default`` and change one list.
/// Working hours and response deadlines (R9) are not text-matching settings and are not here.
public struct MatchConfiguration: Sendable, Hashable {
    /// R7a: classification stamps.
    public var stamps: Stamps
    /// R7b: which link hosts are official sources.
    public var links: Links
    /// R7c: unlawful or insulting words and phrases; with ``unlawfulEvidence``, each word decides alone and the false
    /// friends cancel the evidence's signals too.
    public var unlawfulWords: WordList
    /// R7d: offensive words and phrases.
    public var offensiveWords: WordList
    /// R7d: ASCII emoticons and Zalo shortcodes (`/-strong`, `:))`), matched as whole tokens, ignoring ASCII case.
    public var emoticons: [String]
    /// R7d: which characters count as emoji.
    public var emoji: EmojiSettings
    /// R7e: advertising signals and how many must co-occur.
    public var adverts: Adverts
    /// R7d: whether to leave out the look-alikes of emoticons (see ``EmoticonMatcher``): an abbreviation after a colon
    /// (":P.Tân Lợi"), a comparison ("<3%", "x<3", "<3 tuổi"), a path ("D:\\", "(ổ D:)"), and an all-letter
    /// emoticon in another case ("XD", xây dựng, is not "xD"). Default `false` in code; the bundled file sets it.
    public var emoticonGuards: Bool = false
    /// R7c: weighing the evidence of unlawful or insulting content (one finding per post, with the signals that
    /// decided it). `nil` in code (each listed word is a finding of its own); the bundled file sets it.
    public var unlawfulEvidence: UnlawfulEvidence?

    /// Creates a configuration from its parts.
    public init(
        stamps: Stamps,
        links: Links,
        unlawfulWords: WordList,
        offensiveWords: WordList,
        emoticons: [String],
        emoji: EmojiSettings,
        adverts: Adverts
    ) {
        self.stamps = stamps
        self.links = links
        self.unlawfulWords = unlawfulWords
        self.offensiveWords = offensiveWords
        self.emoticons = emoticons
        self.emoji = emoji
        self.adverts = adverts
    }
}
