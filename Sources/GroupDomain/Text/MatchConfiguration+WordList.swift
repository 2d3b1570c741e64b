extension MatchConfiguration {
    /// A list of words and phrases for R7c or R7d, with the false friends that cancel them.
    ///
    /// Entries match whole words only: "đĩ" never matches "đi", and "ngu" would not match "nguồn".
    public struct WordList: Sendable, Hashable {
        /// The words and phrases.
        public var words: [String]
        /// Phrases that cancel an overlapping entry (see ``MatchConfiguration/Stamps``).
        public var falseFriends: [String]

        /// Creates a list.
        public init(words: [String], falseFriends: [String] = []) {
            self.words = words
            self.falseFriends = falseFriends
        }
    }
}
