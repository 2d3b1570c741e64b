public import GroupDomain

/// A part a person plays or played in a group, from the record that gave it to the record that ended it (or now).
/// A new appointment to a part already held continues it; an account's part counts only while the account was
/// bound to the person.
public struct GroupRole: Sendable, Hashable {
    /// Which part.
    public enum Kind: Sendable, Hashable {
        /// The head (Trưởng Nhóm).
        case head
        /// A deputy head.
        case deputy
        /// A policy admin (quản trị).
        case admin
        /// A platform admin through one of the person's accounts.
        case platformAdmin(account: String)
        /// A member through one of the person's accounts.
        case member(account: String)
    }

    /// The group id.
    public let group: String
    /// The group's name, when recorded.
    public let groupName: RecordedText?
    /// The part.
    public let kind: Kind
    /// The record from which the person held the part.
    public let since: RecordTime
    /// The record that ended it (the part was no longer held after it), or `nil` while it lasts.
    public let until: RecordTime?

    /// Whether the part lasts to now.
    public var isCurrent: Bool { until == nil }
}
