public import LedgerCore

/// The types of the event catalogue (``EventCatalogue``, `docs/EVENTS.md`), for the rules, the projector, the
/// importers and the reports to name instead of spelling them.
extension EventType {
    // Governance, entered by people.
    /// A group is registered with the office: its field and the decision that set it up.
    public static let groupRegistered = EventType(rawValue: "group.registered")
    /// A person becomes the group's head (Trưởng Nhóm).
    public static let headAssigned = EventType(rawValue: "head.assigned")
    /// A person becomes the group's deputy head (Phó Trưởng Nhóm).
    public static let deputyAssigned = EventType(rawValue: "deputy.assigned")
    /// A person becomes one of the group's admins.
    public static let adminAssigned = EventType(rawValue: "admin.assigned")
    /// A person stops being one of the group's admins.
    public static let adminUnassigned = EventType(rawValue: "admin.unassigned")
    /// A person (an official) is registered, with position and unit; happens outside groups.
    public static let personRegistered = EventType(rawValue: "person.registered")
    /// A Zalo account is bound to a registered person; happens outside groups.
    public static let accountBound = EventType(rawValue: "account.bound")
    /// A Zalo account is no longer bound to a person; happens outside groups.
    public static let accountUnbound = EventType(rawValue: "account.unbound")
    /// A member reports through an admin that they changed Zalo account.
    public static let accountChangeReported = EventType(rawValue: "account.change_reported")
    /// The head approves a reported account change.
    public static let accountChangeApproved = EventType(rawValue: "account.change_approved")
    /// A person acknowledges the group's rules.
    public static let rulesAcknowledged = EventType(rawValue: "rules.acknowledged")
    /// A reviewer's verdict on a finding; the group is optional.
    public static let findingReviewed = EventType(rawValue: "finding.reviewed")

    // Observed on the platform.
    /// The group was created on Zalo.
    public static let groupCreated = EventType(rawValue: "group.created")
    /// The group was renamed.
    public static let groupRenamed = EventType(rawValue: "group.renamed")
    /// The group's settings changed (the full snapshot).
    public static let groupSettingsChanged = EventType(rawValue: "group.settings_changed")
    /// Accounts were made admins on Zalo.
    public static let groupAdminAdded = EventType(rawValue: "group.admin_added")
    /// Accounts stopped being admins on Zalo.
    public static let groupAdminRemoved = EventType(rawValue: "group.admin_removed")
    /// Any other platform event, kept by its source name and a hash of its bytes.
    public static let groupPlatformEvent = EventType(rawValue: "group.platform_event")
    /// Accounts joined the group.
    public static let memberJoined = EventType(rawValue: "member.joined")
    /// Accounts left the group.
    public static let memberLeft = EventType(rawValue: "member.left")
    /// Accounts were removed from the group.
    public static let memberRemoved = EventType(rawValue: "member.removed")
    /// Accounts were blocked from the group.
    public static let memberBlocked = EventType(rawValue: "member.blocked")
    /// A post in the group.
    public static let postCreated = EventType(rawValue: "post.created")
    /// Its author recalled a post.
    public static let postRecalled = EventType(rawValue: "post.recalled")
    /// An admin removed a post.
    public static let postRemoved = EventType(rawValue: "post.removed")
    /// A reaction to a post.
    public static let reactionAdded = EventType(rawValue: "reaction.added")
    /// Accounts saw messages.
    public static let messageSeen = EventType(rawValue: "message.seen")
    /// Messages were delivered to accounts.
    public static let messageDelivered = EventType(rawValue: "message.delivered")
    /// Capture from a vantage account started; happens outside groups.
    public static let captureStarted = EventType(rawValue: "capture.started")
    /// Capture from a vantage account stopped; happens outside groups.
    public static let captureStopped = EventType(rawValue: "capture.stopped")

    // Directives.
    /// A directive with assignees and a due time.
    public static let directiveIssued = EventType(rawValue: "directive.issued")
    /// An assignee acknowledged a directive.
    public static let directiveAcknowledged = EventType(rawValue: "directive.acknowledged")
    /// An assignee reported progress on a directive.
    public static let directiveProgressReported = EventType(rawValue: "directive.progress_reported")
    /// An assignee reported a difficulty with a directive.
    public static let directiveDifficultyReported = EventType(rawValue: "directive.difficulty_reported")
    /// An assignee completed a directive.
    public static let directiveCompleted = EventType(rawValue: "directive.completed")
    /// A directive was cancelled.
    public static let directiveCancelled = EventType(rawValue: "directive.cancelled")
}
