extension MatchConfiguration {
    /// R7e: advertising signals, grouped, and how many groups must co-occur in one post.
    ///
    /// A single weak signal is never an advert: work messages discuss prices ("bình ổn giá") and say "liên hệ". With
    /// a ``threshold`` the evidence is weighed: each group that has a signal adds its weight once (a strong group
    /// such as "freeship" or "chốt đơn" may be enough alone; news, auction and legal wording subtract). Without one, a
    /// post is an advert when signals from at least ``minimumGroups`` *different* groups occur in it.
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
        /// Weighing the evidence: a post is an advert when the weights of the groups that have a signal in it (each
        /// group once) add up to at least this, and at least ``minimumGroups`` groups with a positive weight have
        /// one. `nil` keeps the older rule: ``minimumGroups`` different groups, whatever they are.
        public var threshold: Int?
        /// Each group's weight (1 when not listed). A negative weight makes a group counter-evidence: news and
        /// reports ("bán được giá", "nông dân"), public auctions ("bán đấu giá"), legal definitions ("bên bán").
        public var weights: [String: Int]

        /// The weight of group `name`.
        public func weight(of name: String) -> Int { weights[name] ?? 1 }

        /// Creates the settings.
        public init(
            minimumGroups: Int,
            groups: [SignalGroup],
            falseFriends: [String],
            amountUnits: [String],
            amountGroup: String?,
            phoneGroup: String?,
            threshold: Int? = nil,
            weights: [String: Int] = [:]
        ) {
            self.threshold = threshold
            self.weights = weights
            self.minimumGroups = minimumGroups
            self.groups = groups
            self.falseFriends = falseFriends
            self.amountUnits = amountUnits
            self.amountGroup = amountGroup
            self.phoneGroup = phoneGroup
        }
    }
}
