public import GroupDomain

/// A part a person plays in a group now.
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
    /// The record that gave the part.
    public let since: EventMark
}
