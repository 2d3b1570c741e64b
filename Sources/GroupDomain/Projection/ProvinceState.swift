/// Everything the ledger says about the province's groups at one point: the result of folding its records in
/// sequence order (``Projector``).
///
/// A value: copying it is cheap (copy on write), so a saved state can be resumed with
/// ``Projector/init(resuming:)``.
public struct ProvinceState: Sendable, Codable, Equatable {
    /// The last record folded in, or `nil` for the empty state.
    public internal(set) var through: EventMark?
    /// How many records were folded in.
    public internal(set) var events = 0
    /// Groups by id.
    public internal(set) var groups: [String: GroupState] = [:]
    /// Persons by id.
    public internal(set) var persons: [String: PersonState] = [:]
    /// The account bindings in force: account to person id.
    public internal(set) var bindings: [String: String] = [:]
    /// Directives by id.
    public internal(set) var directives: [String: DirectiveState] = [:]
    /// Capture sessions and gaps.
    public internal(set) var captures = CaptureLog()
    /// The latest review of each finding, by finding id.
    public internal(set) var reviews: [String: FindingReview] = [:]
    /// Withheld content, by the sequence number of the record whose content was destroyed.
    public internal(set) var withholdings: [UInt64: Withholding] = [:]
    /// Directive answers and cancellations that name no known directive, in ledger order.
    public internal(set) var unmatchedDirectiveEvents: [EventMark] = []

    public init() {}

    /// The person bound to `account` now, if any.
    public func person(of account: String) -> String? { bindings[account] }
}
