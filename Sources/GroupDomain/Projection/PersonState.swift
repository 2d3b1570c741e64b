/// A person (an official) as registered, with every account bound to them and every account change.
public struct PersonState: Sendable, Codable, Equatable {
    /// The person id, e.g. `p-017`.
    public let id: String
    /// The full name from `person.registered` content, or `.withheld`.
    public var fullName: RecordedText?
    /// Position (chức vụ).
    public var position: String?
    /// Unit (đơn vị).
    public var unit: String?
    /// The fields (lĩnh vực) a leader is in charge of, from `person.registered` `fields`; empty when not recorded.
    public var fields: [String] = []
    /// The `person.registered` record; `nil` when the person was only named by other events.
    public var registered: EventMark?
    /// Every account ever bound to the person, in ledger order.
    public var accounts: [AccountPeriod] = []
    /// Every reported or approved account change, in ledger order.
    public var changes: [AccountChange] = []

    public init(id: String) {
        self.id = id
    }

    /// The accounts bound to the person now.
    public var currentAccounts: [String] { accounts.filter { $0.unbound == nil }.map(\.account) }
}
