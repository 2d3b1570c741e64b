import LedgerCore

/// One roster row, checked.
struct RosterEntry {
    var location: SourceLocation
    var fullName: String
    var position: String
    var unit: String
    var account: String?
    var person: String
    var group: String?
    var role: RosterRole
    var assignedBy: String?

    init(_ record: CSVRecord, decoder: RosterCSVDecoder) throws(ImportError) {
        location = record.location
        func cell(_ column: RosterColumn) -> String { decoder.column(column, of: record) ?? "" }
        func error(_ column: RosterColumn, _ reason: String) -> ImportError {
            ImportError(record.location, field: "column \"\(column.rawValue)\"", reason)
        }
        func label(_ column: RosterColumn) throws(ImportError) -> String {
            let text = cell(column)
            if let problem = EnvelopeRules.hiddenCharacterProblem(text) { throw error(column, problem) }
            return text
        }
        func identifier(_ column: RosterColumn) throws(ImportError) -> String? {
            let text = cell(column)
            if text.isEmpty { return nil }
            if let problem = EnvelopeRules.identifierProblem(text) { throw error(column, "\"\(text)\" \(problem)") }
            return text
        }

        fullName = cell(.fullName)
        guard !fullName.isEmpty else { throw error(.fullName, "is empty") }
        position = try label(.position)
        unit = try label(.unit)
        account = try identifier(.account)
        if let account, !account.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if account.contains("E+") || account.contains("e+") || account.contains(".") {
                throw error(
                    .account,
                    "\"\(account)\" is a number a spreadsheet rounded (a Zalo uid has 19 digits, more than a "
                        + "spreadsheet number keeps): format the column as text and export again"
                )
            }
            throw error(.account, "\"\(account)\" is not a Zalo uid (digits only)")
        }
        guard let person = try identifier(.person) ?? account.map({ "p-zalo-" + $0 }) else {
            throw error(.account, "is empty and there is no person column: the row names nobody")
        }
        self.person = person
        if let group = try identifier(.group) {
            self.group = group.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? LedgerNames.group(group) : group
        }
        guard let role = RosterRole(cell: cell(.role)) else {
            throw error(
                .role,
                "\"\(cell(.role))\" is not a role (head / Trưởng nhóm, deputy / Phó nhóm, admin / Quản trị, "
                    + "member / Thành viên)"
            )
        }
        self.role = role
        if role != .member && group == nil {
            throw error(.group, "is empty, but the role \(role.rawValue) is for a group")
        }
        assignedBy = try identifier(.assignedBy)
    }
}
