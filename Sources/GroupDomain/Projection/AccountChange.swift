/// A change of Zalo account reported through an admin and approved by the head (R4).
public struct AccountChange: Sendable, Codable, Hashable {
    /// The group the change was reported in.
    public let group: String?
    /// The account given up, when a report said.
    public let oldAccount: String?
    /// The new account.
    public let newAccount: String
    /// The admin (person) the report went through.
    public let reportedVia: String?
    /// The `account.change_reported` record; `nil` when an approval came without a report.
    public let reported: EventMark?
    /// The head (person) who approved it.
    public var approvedBy: String?
    /// The `account.change_approved` record.
    public var approved: EventMark?

    public init(
        group: String?,
        oldAccount: String?,
        newAccount: String,
        reportedVia: String?,
        reported: EventMark?,
        approvedBy: String? = nil,
        approved: EventMark? = nil
    ) {
        self.group = group
        self.oldAccount = oldAccount
        self.newAccount = newAccount
        self.reportedVia = reportedVia
        self.reported = reported
        self.approvedBy = approvedBy
        self.approved = approved
    }
}
