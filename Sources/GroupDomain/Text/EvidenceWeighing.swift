/// Weighs the signals a matcher found in one text (R7c, R7e): keeps the outermost of overlapping signals, drops the
/// signals of a group that needs another group absent from the text, adds each remaining group's weight **once**,
/// and decides whether the evidence is enough.
///
/// With a threshold, the text counts when the weights of the groups present add up to it and at least
/// `minimumGroups` groups with a positive weight have a signal; counter-evidence (a negative weight: news, an
/// enforcement report) subtracts. Without one, `minimumGroups` different groups must have a signal, whatever they are.
struct EvidenceWeighing: Sendable {
    /// A signal before it becomes an ``EvidenceSignal``: character positions, group index and the configured term.
    struct Found: Sendable {
        let characters: Range<Int>
        let group: Int
        let term: String
    }

    /// The outcome for one text.
    struct Verdict: Sendable {
        /// The signals that counted, in text order (none inside another).
        let signals: [Found]
        /// The groups that had a signal, in order of their first signal.
        let groups: [Int]
        /// The sum of the weights of ``groups``.
        let score: Int
        /// The characters from the first signal to the end of the last.
        var characters: Range<Int> {
            (signals.first?.characters.lowerBound ?? 0)..<(signals.last?.characters.upperBound ?? 0)
        }
    }

    /// The group names, by group index.
    let names: [String]
    /// Each group's weight, by group index.
    let weights: [Int]
    /// The sum the weights must reach, or `nil` to count groups instead.
    let threshold: Int?
    /// How many groups (with a positive weight, when weighing) must have a signal.
    let minimumGroups: Int
    /// For a group index, the groups one of which must have a signal for it to count (a target needs an insult).
    var needs: [Int: Set<Int>] = [:]

    /// The verdict on `found` (in any order), or `nil` when the evidence is not enough.
    func weigh(_ found: [Found]) -> Verdict? {
        let sorted = found.sorted {
            ($0.characters.lowerBound, -$0.characters.count) < ($1.characters.lowerBound, -$1.characters.count)
        }
        var signals: [Found] = []
        var coveredUntil = 0
        for signal in sorted where signals.isEmpty || signal.characters.upperBound > coveredUntil {
            signals.append(signal)
            coveredUntil = signal.characters.upperBound
        }
        let present = Set(signals.map(\.group))
        signals.removeAll { signal in needs[signal.group].map { $0.isDisjoint(with: present) } ?? false }
        var groups: [Int] = []
        for signal in signals where !groups.contains(signal.group) { groups.append(signal.group) }
        let score = groups.reduce(0) { $0 + weights[$1] }
        if let threshold {
            guard groups.filter({ weights[$0] > 0 }).count >= minimumGroups, score >= threshold else { return nil }
        } else {
            guard groups.count >= minimumGroups else { return nil }
        }
        guard !signals.isEmpty else { return nil }
        return Verdict(signals: signals, groups: groups, score: score)
    }

    /// The signals of `verdict` with their spans in `text`.
    func signals(of verdict: Verdict, in text: borrowing AnalysedText) -> [EvidenceSignal] {
        verdict.signals.map { signal in
            let (slice, utf8, utf16) = text.span(signal.characters)
            return EvidenceSignal(
                group: names[signal.group],
                term: signal.term,
                text: slice,
                utf8Range: utf8,
                utf16Range: utf16,
                weight: weights[signal.group]
            )
        }
    }

    /// The groups of `verdict` with their weights, for a message.
    func groupWeights(of verdict: Verdict) -> [(name: String, weight: Int)] {
        verdict.groups.map { (names[$0], weights[$0]) }
    }
}
