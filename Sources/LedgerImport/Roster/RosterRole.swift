import GroupDomain
import LedgerCore

/// A roster's role column: which governance event, if any, the row records.
enum RosterRole: String {
    case head
    case deputy
    case admin
    case member

    /// Accepted spellings, compared after trimming and lowercasing (Swift compares canonically, so NFC and NFD
    /// spellings are the same here).
    static let spellings: [String: RosterRole] = [
        "": .member, "member": .member, "thành viên": .member, "thanh vien": .member,
        "head": .head, "trưởng nhóm": .head, "truong nhom": .head,
        "deputy": .deputy, "phó nhóm": .deputy, "phó trưởng nhóm": .deputy, "pho nhom": .deputy,
        "pho truong nhom": .deputy,
        "admin": .admin, "quản trị": .admin, "quản trị viên": .admin, "quản trị nhóm": .admin, "quan tri": .admin,
        "quan tri vien": .admin,
    ]

    init?(cell: String) {
        guard let role = RosterRole.spellings[RosterColumn.normalized(cell)] else { return nil }
        self = role
    }

    /// The catalogue type the role records, `nil` for a plain member.
    var eventType: EventType? {
        switch self {
        case .head: .headAssigned
        case .deputy: .deputyAssigned
        case .admin: .adminAssigned
        case .member: nil
        }
    }
}
