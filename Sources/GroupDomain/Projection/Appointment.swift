/// Someone holding a role in a group: a head, deputy head or admin (a person id), or a platform admin (an
/// account), with who put them there and from which record.
public struct Appointment: Sendable, Codable, Hashable {
    /// The person id, or for platform admins the account.
    public let holder: String
    /// Who assigned them, when the event says (`assigned_by` of `admin.assigned`, `by` of `group.admin_added`).
    public let by: String?
    /// The record that made the appointment.
    public let since: EventMark

    public init(holder: String, by: String?, since: EventMark) {
        self.holder = holder
        self.by = by
        self.since = since
    }
}
