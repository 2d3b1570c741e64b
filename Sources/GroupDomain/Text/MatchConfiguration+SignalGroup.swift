extension MatchConfiguration {
    /// A named group of advertising signal words, e.g. `offer: ["bán", "cần bán", "thanh lý"]`.
    public struct SignalGroup: Sendable, Hashable {
        /// The group's name, reported in ``EvidenceSignal/group``.
        public var name: String
        /// The words and phrases of the group.
        public var terms: [String]

        /// Creates a group.
        public init(name: String, terms: [String]) {
            self.name = name
            self.terms = terms
        }
    }
}
