extension MatchConfiguration {
    /// R7d: which characters count as emoji besides those that always show as emoji (``TextMatcher`` finds those by
    /// their Unicode properties: Emoji_Presentation, U+FE0F, keycaps, ZWJ sequences, flags, skin tones).
    public struct EmojiSettings: Sendable, Hashable {
        /// Count a bare digit, `#` or `*` (without U+FE0F or a keycap) as an emoji. Default `false`.
        public var countBareDigitsAndSigns: Bool
        /// Count text-style symbols that have the Emoji property (`©`, `™`, `®`, `✔`, `➡`) without U+FE0F.
        /// Default `false`.
        public var countTextStyleSymbols: Bool
        /// Single characters that count even in text style, e.g. `"☺"`, `"❤"`.
        public var alwaysCount: [String]

        /// Creates the settings.
        public init(countBareDigitsAndSigns: Bool, countTextStyleSymbols: Bool, alwaysCount: [String]) {
            self.countBareDigitsAndSigns = countBareDigitsAndSigns
            self.countTextStyleSymbols = countTextStyleSymbols
            self.alwaysCount = alwaysCount
        }
    }
}
