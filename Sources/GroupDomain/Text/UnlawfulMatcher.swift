/// R7c: weighs the evidence of unlawful or insulting content, as ``AdvertMatcher`` weighs adverts, and reports **one**
/// match per text when it is enough (``MatchConfiguration/UnlawfulEvidence``).
///
/// Signals are configured words and phrases by group: a strong insult or a slur decides alone; a weak word ("ngu",
/// "hèn") needs a second-person or pejorative target ("mày", "thằng"); gambling or illicit goods need an invitation
/// ("vào tiền", "ib") — a group that needs another counts only beside it
/// (``MatchConfiguration/UnlawfulEvidence/needs``); an enforcement report or someone describing an insult is
/// counter-evidence. The listed ``MatchConfiguration/UnlawfulEvidence/unaccented`` terms, and every false friend,
/// also count when typed without diacritics. The version-1 word list (``MatchConfiguration/unlawfulWords``) is a group of its own, `words`, whose
/// weight is the threshold: each entry still decides alone.
///
/// The match runs from the first signal to the end of the last and lists every signal with its span, group and weight
/// in ``TextMatch/signals``; its message gives the score.
struct UnlawfulMatcher: Sendable {
    private let terms: PhraseIndex
    private let falseFriends: PhraseIndex
    private let weighing: EvidenceWeighing

    /// The name of the group the version-1 ``MatchConfiguration/WordList/words`` form.
    static let wordsGroup = "words"

    init(
        words: MatchConfiguration.WordList,
        _ settings: MatchConfiguration.UnlawfulEvidence,
        vocabulary: inout SyllableVocabulary
    ) {
        var groups = settings.groups
        var weights = groups.map { settings.weight(of: $0.name) }
        if !words.words.isEmpty {
            groups.insert(MatchConfiguration.SignalGroup(name: Self.wordsGroup, terms: words.words), at: 0)
            weights.insert(settings.threshold, at: 0)
        }
        let unaccented = Set(settings.unaccented.map { $0.lowercased() })
        var terms = PhraseIndex()
        for (group, signalGroup) in groups.enumerated() {
            for term in signalGroup.terms {
                terms.add(term, tag: group, vocabulary: &vocabulary)
                if unaccented.contains(term.lowercased()), let plain = UnaccentedSpelling.of(term) {
                    terms.add(plain, tag: group, vocabulary: &vocabulary)
                }
            }
        }
        self.terms = terms
        let friends = words.falseFriends
        self.falseFriends = PhraseIndex(friends + friends.compactMap(UnaccentedSpelling.of), vocabulary: &vocabulary)
        let names = groups.map(\.name)
        var weighing = EvidenceWeighing(
            names: names,
            weights: weights,
            threshold: settings.threshold,
            minimumGroups: max(1, settings.minimumGroups)
        )
        for (group, needed) in settings.needs {
            guard let index = names.firstIndex(of: group) else { continue }
            weighing.needs[index] = Set(needed.compactMap { names.firstIndex(of: $0) })
        }
        self.weighing = weighing
    }

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        guard !terms.isEmpty else { return [] }
        let cover = PhraseCover(falseFriends, in: text)
        let found = terms.leftmostLongest(in: text, accept: { !cover.cancels($0.tokens) }).map { occurrence in
            let entry = terms.entries[occurrence.entry]
            return EvidenceWeighing.Found(
                characters: text.characterRange(ofTokens: occurrence.tokens),
                group: entry.tag,
                term: entry.term
            )
        }
        guard let verdict = weighing.weigh(found) else { return [] }
        let termList = verdict.signals.map(\.term).joined(separator: ", ")
        return [
            text.match(
                .r7c,
                .unlawfulContent,
                characters: verdict.characters,
                term: termList,
                message: MatchMessages.weighedUnlawful(
                    score: verdict.score,
                    threshold: weighing.threshold ?? 0,
                    groups: weighing.groupWeights(of: verdict),
                    terms: termList
                ),
                signals: weighing.signals(of: verdict, in: text)
            )
        ]
    }
}
