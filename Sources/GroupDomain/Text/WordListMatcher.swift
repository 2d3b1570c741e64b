/// R7c and R7d word lists: finds the configured words and phrases as whole words, leftmost and longest first, with
/// false friends cancelling an overlapping entry (``PhraseCover``).
struct WordListMatcher: Sendable {
    let rule: TextRule
    private let words: PhraseIndex
    private let falseFriends: PhraseIndex

    init(rule: TextRule, _ list: MatchConfiguration.WordList, vocabulary: inout SyllableVocabulary) {
        self.rule = rule
        self.words = PhraseIndex(list.words, vocabulary: &vocabulary)
        self.falseFriends = PhraseIndex(list.falseFriends, vocabulary: &vocabulary)
    }

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        guard !words.isEmpty else { return [] }
        let cover = PhraseCover(falseFriends, in: text)
        var found: [TextMatch] = []
        for occurrence in words.leftmostLongest(in: text, accept: { !cover.cancels($0.tokens) }) {
            let term = words.entries[occurrence.entry].term
            let message = rule == .r7c ? MatchMessages.unlawfulWord(term) : MatchMessages.offensiveWord(term)
            found.append(
                text.match(
                    rule,
                    .listedWord,
                    characters: text.characterRange(ofTokens: occurrence.tokens),
                    term: term,
                    message: message
                )
            )
        }
        return found
    }
}
