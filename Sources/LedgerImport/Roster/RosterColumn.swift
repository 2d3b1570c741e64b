/// The roster's columns, recognised by their header in English or Vietnamese.
enum RosterColumn: String, CaseIterable {
    case fullName = "full_name"
    case position
    case unit
    case account
    case group
    case role
    /// Optional: the person id (`p-017`); without it the person is `p-zalo-{account}`.
    case person
    /// Optional: who assigned an admin; without it, the group's head in the same roster.
    case assignedBy = "assigned_by"

    static let required: [RosterColumn] = [.fullName, .position, .unit, .account, .group, .role]

    /// Header spellings, compared after ``normalized(_:)``.
    static let spellings: [String: RosterColumn] = [
        "full_name": .fullName, "full name": .fullName, "fullname": .fullName, "name": .fullName,
        "họ và tên": .fullName, "họ tên": .fullName, "ho va ten": .fullName, "ho ten": .fullName,
        "position": .position, "chức vụ": .position, "chuc vu": .position,
        "unit": .unit, "đơn vị": .unit, "don vi": .unit,
        "account": .account, "zalo": .account, "zalo uid": .account, "uid": .account, "tài khoản": .account,
        "tài khoản zalo": .account, "tai khoan": .account,
        "group": .group, "nhóm": .group, "nhóm zalo": .group, "nhom": .group,
        "role": .role, "vai trò": .role, "vai tro": .role,
        "person": .person, "person_id": .person, "person id": .person, "mã cán bộ": .person,
        "assigned_by": .assignedBy, "assigned by": .assignedBy, "người giao": .assignedBy,
    ]

    /// Trimmed of spaces and lowercased.
    static func normalized(_ cell: String) -> String {
        trimmed(cell).lowercased()
    }

    /// Without leading and trailing spaces and tabs.
    static func trimmed(_ cell: String) -> String {
        var slice = Substring(cell)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
