/// R7e: collects advertising signals (configured words and phrases by group, price amounts, phone numbers) and
/// reports **one** match per text when the evidence is enough: with a ``MatchConfiguration/Adverts/threshold``, the
/// weights of the groups present (each once; negative for counter-evidence such as news or auction wording) add up
/// to it; without one, signals from at least ``MatchConfiguration/Adverts/minimumGroups`` different groups co-occur.
///
/// The match runs from the start of the first signal to the end of the last one, and lists every signal with its
/// own span in ``TextMatch/signals``; its ``TextMatch/term`` is the signal terms joined by `", "`. Words are matched
/// as whole words, leftmost and longest first, and a false friend ("đánh giá", "bán kính") cancels an overlapping
/// signal. A signal inside another (the word "vnđ" inside the amount "120.000 VNĐ") is dropped.
struct AdvertMatcher: Sendable {
    private let terms: PhraseIndex
    private let falseFriends: PhraseIndex
    private let amounts: AmountScanner
    private let amountGroup: Int?
    private let phoneGroup: Int?
    private let weighing: EvidenceWeighing

    /// The term reported for a price amount.
    static let amountTerm = "<amount>"
    /// The term reported for a phone number.
    static let phoneTerm = "<phone>"

    init(_ settings: MatchConfiguration.Adverts, vocabulary: inout SyllableVocabulary) {
        var terms = PhraseIndex()
        for (group, signalGroup) in settings.groups.enumerated() {
            for term in signalGroup.terms { terms.add(term, tag: group, vocabulary: &vocabulary) }
        }
        self.terms = terms
        self.falseFriends = PhraseIndex(settings.falseFriends, vocabulary: &vocabulary)
        let names = settings.groups.map(\.name)
        self.amountGroup = settings.amountGroup.flatMap { names.firstIndex(of: $0) }
        self.amounts = AmountScanner(units: amountGroup == nil ? [] : settings.amountUnits)
        self.phoneGroup = settings.phoneGroup.flatMap { names.firstIndex(of: $0) }
        self.weighing = EvidenceWeighing(
            names: names,
            weights: settings.groups.map { settings.weight(of: $0.name) },
            threshold: settings.threshold,
            minimumGroups: max(1, settings.minimumGroups)
        )
    }

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        var found: [EvidenceWeighing.Found] = []
        if !terms.isEmpty {
            let cover = PhraseCover(falseFriends, in: text)
            for occurrence in terms.leftmostLongest(in: text, accept: { !cover.cancels($0.tokens) }) {
                let entry = terms.entries[occurrence.entry]
                found.append(
                    EvidenceWeighing.Found(
                        characters: text.characterRange(ofTokens: occurrence.tokens),
                        group: entry.tag,
                        term: entry.term
                    )
                )
            }
        }
        if let amountGroup {
            found += amounts.amounts(in: text).map {
                EvidenceWeighing.Found(characters: $0, group: amountGroup, term: Self.amountTerm)
            }
        }
        if let phoneGroup {
            found += PhoneNumberScanner.phoneNumbers(in: text).map {
                EvidenceWeighing.Found(characters: $0, group: phoneGroup, term: Self.phoneTerm)
            }
        }
        guard let verdict = weighing.weigh(found) else { return [] }
        let termList = verdict.signals.map(\.term).joined(separator: ", ")
        let message =
            weighing.threshold.map { threshold in
                MatchMessages.weighedAdvert(
                    score: verdict.score,
                    threshold: threshold,
                    groups: weighing.groupWeights(of: verdict),
                    terms: termList
                )
            } ?? MatchMessages.advert(groups: verdict.groups.map { weighing.names[$0] }, terms: termList)
        return [
            text.match(
                .r7e,
                .advert,
                characters: verdict.characters,
                term: termList,
                message: message,
                signals: weighing.signals(of: verdict, in: text)
            )
        ]
    }
}
