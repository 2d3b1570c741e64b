/// R7c and R7d word lists: finds the configured words and phrases as whole words, leftmost and longest first, with
/// false friends cancelling an overlapping entry (``PhraseCover``).
struct WordListMatcher: Sendable {
    let rule: TextRule
    private let words: PhraseIndex
    private let falseFriends: PhraseIndex

    init(rule: TextRule, _ list: MatchConfiguration.WordList) {
        self.rule = rule
        self.words = PhraseIndex(list.words)
        self.falseFriends = PhraseIndex(list.falseFriends)
    }

    func matches(in text: AnalysedText) -> [TextMatch] {
        guard !words.isEmpty else { return [] }
        let cover = PhraseCover(falseFriends, in: text)
        return words.leftmostLongest(in: text) { !cover.cancels($0.tokens) }.map { occurrence in
            let term = words.entries[occurrence.entry].term
            let message = rule == .r7c ? MatchMessages.unlawfulWord(term) : MatchMessages.offensiveWord(term)
            return text.match(
                rule,
                .listedWord,
                characters: text.characterRange(ofTokens: occurrence.tokens),
                term: term,
                message: message
            )
        }
    }
}
