/// Which findings a list shows; every condition left empty lets all through.
public struct FindingFilter: Sendable, Hashable {
    /// Rule ids (`R1`, `R7a`…); empty for every rule.
    public var rules: Set<String>
    /// Only findings about this group.
    public var group: String?
    /// Only findings whose subject is this person or account (a person also matches the accounts bound to them).
    public var person: String?
    /// Only findings in this status.
    public var status: FindingStatus?
    /// Only findings whose time (``GroupDomain/Finding/time``) is at or after this (Unix milliseconds).
    public var fromMillis: Int64?
    /// Only findings whose time is at or before this (Unix milliseconds).
    public var toMillis: Int64?

    public init(
        rules: Set<String> = [],
        group: String? = nil,
        person: String? = nil,
        status: FindingStatus? = nil,
        fromMillis: Int64? = nil,
        toMillis: Int64? = nil
    ) {
        self.rules = rules
        self.group = group
        self.person = person
        self.status = status
        self.fromMillis = fromMillis
        self.toMillis = toMillis
    }
}
