extension MatchConfiguration {
    /// R7e: advertising signals, grouped, and how many groups must co-occur in one post.
    ///
    /// A single signal is never an advert: work messages discuss prices ("bình ổn giá") and say "liên hệ". A post is
    /// an advert when signals from at least ``minimumGroups`` *different* groups occur in it; two words of the same
    /// group count once.
    public struct Adverts: Sendable, Hashable {
        /// How many different groups must have a signal in the post. Default 2.
        public var minimumGroups: Int
        /// The signal groups, in order ("offer", "price", "delivery", "contact", "promotion").
        public var groups: [SignalGroup]
        /// Phrases that cancel an overlapping signal ("đánh giá", "bán kính", "liên hệ công tác").
        public var falseFriends: [String]
        /// Units after a number that make it a price (`k`, `tr`, `đ`, `vnđ`): `250k`, `1tr5`, `50.000đ`.
        /// Empty turns amount detection off.
        public var amountUnits: [String]
        /// The group a price amount counts in; `nil` turns amount detection off.
        public var amountGroup: String?
        /// The group a Vietnamese phone number counts in; `nil` turns phone detection off.
        public var phoneGroup: String?

        /// Creates the settings.
        public init(
            minimumGroups: Int,
            groups: [SignalGroup],
            falseFriends: [String],
            amountUnits: [String],
            amountGroup: String?,
            phoneGroup: String?
        ) {
            self.minimumGroups = minimumGroups
            self.groups = groups
            self.falseFriends = falseFriends
            self.amountUnits = amountUnits
            self.amountGroup = amountGroup
            self.phoneGroup = phoneGroup
        }
    }
}
