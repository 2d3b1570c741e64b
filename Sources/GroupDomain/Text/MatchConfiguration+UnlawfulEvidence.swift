extension MatchConfiguration {
    /// R7c: the evidence of unlawful or insulting content, weighed as R7e weighs adverts.
    ///
    /// A listed word alone is rarely enough: "ngu" is also a self-deprecating joke, "cá độ" is in every police
    /// report, "ba que" is three sticks in a maths lesson. Each group that has a signal in a post adds its
    /// ``weight(of:)`` once; the post is a finding when the sum reaches ``threshold`` and at least ``minimumGroups``
    /// groups with a positive weight have a signal. Negative groups are counter-evidence (an enforcement report,
    /// someone describing an insult they received). The false friends ("quả óc chó", "ba que tính", "giết mổ") are
    /// those of ``MatchConfiguration/unlawfulWords``; they cancel in both spellings, with and without diacritics.
    public struct UnlawfulEvidence: Sendable, Hashable {
        /// The signal groups, in order ("insult", "slur", "abuse", "target", "threat", "gambling", "invite" …).
        public var groups: [SignalGroup]
        /// Each group's weight (1 when not listed); negative for counter-evidence.
        public var weights: [String: Int]
        /// The sum of weights a post needs.
        public var threshold: Int
        /// How many groups with a positive weight must have a signal. Default 1.
        public var minimumGroups: Int
        /// For a group, the groups one of which must have a signal in the post for it to count at all: a target
        /// ("mày") needs an insult or a threat, an invitation ("vào tiền") needs gambling or illicit goods.
        public var needs: [String: [String]]
        /// Terms of the groups that also count typed without diacritics, because that spelling is not another common
        /// phrase ("óc chó" as "oc cho", "khốn nạn" as "khon nan"; not "mất dạy", which would also be "mất dây").
        public var unaccented: [String]

        /// The weight of group `name`.
        public func weight(of name: String) -> Int { weights[name] ?? 1 }

        /// Creates the settings.
        public init(
            groups: [SignalGroup],
            weights: [String: Int],
            threshold: Int,
            minimumGroups: Int = 1,
            needs: [String: [String]] = [:],
            unaccented: [String] = []
        ) {
            self.needs = needs
            self.groups = groups
            self.weights = weights
            self.threshold = threshold
            self.minimumGroups = minimumGroups
            self.unaccented = unaccented
        }
    }
}
