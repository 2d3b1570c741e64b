/// One Zalo account bound to a person for a while (`account.bound` … `account.unbound`).
public struct AccountPeriod: Sendable, Codable, Hashable {
    /// The account (Zalo uid).
    public let account: String
    /// The `account.bound` record.
    public let bound: EventMark
    /// The `account.unbound` record, while the binding is no longer in force.
    public var unbound: EventMark?

    public init(account: String, bound: EventMark, unbound: EventMark? = nil) {
        self.account = account
        self.bound = bound
        self.unbound = unbound
    }
}
