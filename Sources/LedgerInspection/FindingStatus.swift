public import GroupDomain

/// Where a finding stands, for filtering.
public enum FindingStatus: String, Sendable, Hashable, CaseIterable {
    /// Its condition holds at the evaluation point and no review dismissed it (``GroupDomain/Finding/isOpen``).
    case open
    /// Its condition ended (and no review dismissed it).
    case resolved
    /// A review dismissed it.
    case dismissed

    /// The status of `finding`.
    public init(_ finding: Finding) {
        if finding.review?.verdict == "dismissed" {
            self = .dismissed
        } else {
            self = finding.resolved == nil ? .open : .resolved
        }
    }
}
