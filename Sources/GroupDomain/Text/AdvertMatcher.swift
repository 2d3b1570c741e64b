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
    private let groupNames: [String]
    private let minimumGroups: Int
    private let amounts: AmountScanner
    private let amountGroup: Int?
    private let phoneGroup: Int?
    /// Each group's weight, by group index.
    private let weights: [Int]
    private let threshold: Int?

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
        self.groupNames = settings.groups.map(\.name)
        self.minimumGroups = max(1, settings.minimumGroups)
        self.amountGroup = settings.amountGroup.flatMap { settings.groups.map(\.name).firstIndex(of: $0) }
        self.amounts = AmountScanner(units: amountGroup == nil ? [] : settings.amountUnits)
        self.phoneGroup = settings.phoneGroup.flatMap { settings.groups.map(\.name).firstIndex(of: $0) }
        self.weights = settings.groups.map { settings.weight(of: $0.name) }
        self.threshold = settings.threshold
    }

    /// A signal before it becomes an ``AdvertSignal``.
    private struct Found {
        let characters: Range<Int>
        let group: Int
        let term: String
    }

    func matches(in text: borrowing AnalysedText) -> [TextMatch] {
        var found: [Found] = []
        if !terms.isEmpty {
            let cover = PhraseCover(falseFriends, in: text)
            for occurrence in terms.leftmostLongest(in: text, accept: { !cover.cancels($0.tokens) }) {
                let entry = terms.entries[occurrence.entry]
                found.append(
                    Found(
                        characters: text.characterRange(ofTokens: occurrence.tokens),
                        group: entry.tag,
                        term: entry.term
                    )
                )
            }
        }
        if let amountGroup {
            found += amounts.amounts(in: text).map { Found(characters: $0, group: amountGroup, term: Self.amountTerm) }
        }
        if let phoneGroup {
            found += PhoneNumberScanner.phoneNumbers(in: text).map {
                Found(characters: $0, group: phoneGroup, term: Self.phoneTerm)
            }
        }
        found.sort {
            ($0.characters.lowerBound, -$0.characters.count) < ($1.characters.lowerBound, -$1.characters.count)
        }
        var signals: [Found] = []
        var coveredUntil = 0
        for signal in found where signals.isEmpty || signal.characters.upperBound > coveredUntil {
            signals.append(signal)
            coveredUntil = signal.characters.upperBound
        }

        var groups: [Int] = []
        for signal in signals where !groups.contains(signal.group) { groups.append(signal.group) }
        let score = groups.reduce(0) { $0 + weights[$1] }
        if let threshold {
            guard groups.filter({ weights[$0] > 0 }).count >= minimumGroups, score >= threshold else { return [] }
        } else {
            guard groups.count >= minimumGroups else { return [] }
        }
        guard let first = signals.first, let last = signals.last else { return [] }

        let advertSignals = signals.map { signal in
            let (slice, utf8, utf16) = text.span(signal.characters)
            return AdvertSignal(
                group: groupNames[signal.group],
                term: signal.term,
                text: slice,
                utf8Range: utf8,
                utf16Range: utf16,
                weight: weights[signal.group]
            )
        }
        let termList = signals.map(\.term).joined(separator: ", ")
        let names = groups.map { groupNames[$0] }
        let message =
            threshold.map { threshold in
                MatchMessages.weighedAdvert(
                    score: score,
                    threshold: threshold,
                    groups: groups.map { (groupNames[$0], weights[$0]) },
                    terms: termList
                )
            } ?? MatchMessages.advert(groups: names, terms: termList)
        return [
            text.match(
                .r7e,
                .advert,
                characters: first.characters.lowerBound..<last.characters.upperBound,
                term: termList,
                message: message,
                signals: advertSignals
            )
        ]
    }
}
