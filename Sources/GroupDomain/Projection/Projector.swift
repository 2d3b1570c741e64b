import LedgerCore

/// Folds ledger records, in sequence order, into a ``ProvinceState``: a pure function of the records, so the same
/// ledger always gives the same state.
///
/// ```swift
/// var projector = Projector()
/// for record in records { projector.apply(record) }
/// let state = projector.state
/// ```
///
/// Events refer to each other by id (persons, accounts, directives); an event that names something not seen
/// before creates it, so a ledger that starts mid-story still folds. Event types outside the catalogue, and the
/// ledger's own key events, change nothing but the record count.
public struct Projector: Sendable {
    /// The state after every record applied so far.
    public private(set) var state: ProvinceState

    /// Starts from the empty state.
    public init() {
        state = ProvinceState()
    }

    /// Continues from a state saved earlier (a snapshot): applying the records after `state.through` gives the
    /// same state as a replay from record 0.
    public init(resuming state: ProvinceState) {
        self.state = state
    }

    /// Folds every record of `records` that `cutoff` includes.
    public static func replay(
        _ records: some Sequence<RecordedEvent>,
        through cutoff: StateCutoff = .everything
    ) -> ProvinceState {
        var projector = Projector()
        for record in records {
            if cutoff.isPast(record) { break }
            if cutoff.includes(record) { projector.apply(record) }
        }
        return projector.state
    }

    /// Folds one record into the state.
    public mutating func apply(_ recorded: RecordedEvent) {
        let event = recorded.event
        let mark = recorded.mark
        state.through = mark
        state.events += 1
        var groupIndex: Dictionary<String, GroupState>.Index?
        if let group = event.group, event.type != EventType.findingReviewed.rawValue {
            groupIndex = state.groups.index(forKey: group)
            if groupIndex == nil {
                state.groups[group] = GroupState(id: group, firstSeen: mark)
                groupIndex = state.groups.index(forKey: group)
            }
        }
        switch EventType(rawValue: event.type) {
        case .groupRegistered, .groupCreated, .groupRenamed, .groupSettingsChanged, .groupAdminAdded,
            .groupAdminRemoved:
            if let groupIndex { Self.applyGroup(recorded, to: &state.groups.values[groupIndex]) }
        case .headAssigned, .deputyAssigned, .adminAssigned, .adminUnassigned, .rulesAcknowledged:
            if let groupIndex { Self.applyRole(recorded, to: &state.groups.values[groupIndex]) }
        case .memberJoined, .memberLeft, .memberRemoved, .memberBlocked, .postCreated, .postRecalled,
            .postRemoved:
            if let groupIndex { Self.applyPlatform(recorded, to: &state.groups.values[groupIndex]) }
        case .personRegistered, .accountBound, .accountUnbound, .accountChangeReported,
            .accountChangeApproved:
            applyPerson(recorded)
        case .directiveIssued, .directiveAcknowledged, .directiveProgressReported,
            .directiveDifficultyReported, .directiveCompleted, .directiveCancelled:
            applyDirective(recorded)
        case .captureStarted:
            if let account = event.string("account") {
                state.captures.start(account: account, session: event.string("session"), at: mark)
            }
        case .captureStopped:
            if let account = event.string("account") {
                state.captures.stop(
                    account: account,
                    session: event.string("session"),
                    code: event.data?["code"]?.numberValue?.int64Value.map { Int($0) },
                    reason: event.string("reason"),
                    at: mark
                )
            }
        case .findingReviewed:
            if let finding = event.string("finding"), let verdict = event.string("verdict"),
                let reviewer = event.string("reviewer")
            {
                state.reviews[finding] = FindingReview(verdict: verdict, reviewer: reviewer, mark: mark)
            }
        case .ledgerContentWithheld:
            if let target = event.data?["seq"]?.numberValue?.int64Value, target >= 0 {
                state.withholdings[UInt64(target)] = Withholding(
                    reason: event.string("reason") ?? "",
                    mark: mark,
                    actor: event.actor
                )
            }
        default:
            break
        }
    }

    private static func applyGroup(_ recorded: RecordedEvent, to group: inout GroupState) {
        let event = recorded.event
        let mark = recorded.mark
        switch EventType(rawValue: event.type) {
        case .groupRegistered:
            group.field = event.string("field")
            group.decision = event.string("decision")
            group.registered = mark
            if let name = RecordedText("name", of: recorded) { group.name = name }
        case .groupCreated:
            group.creator = event.string("creator")
            if let name = RecordedText("name", of: recorded) { group.name = name }
        case .groupRenamed:
            if let name = RecordedText("name", of: recorded) { group.name = name }
        case .groupSettingsChanged:
            if let settings = event.data?["settings"] {
                group.settings = SettingsSnapshot(value: settings, mark: mark)
            }
        case .groupAdminAdded:
            for account in event.strings("accounts") {
                group.platformAdmins[account] = Appointment(
                    holder: account,
                    by: event.string("by"),
                    since: mark
                )
            }
        default:
            for account in event.strings("accounts") { group.platformAdmins[account] = nil }
        }
    }

    private static func applyRole(_ recorded: RecordedEvent, to group: inout GroupState) {
        let event = recorded.event
        guard let person = event.string("person") else { return }
        let mark = recorded.mark
        switch EventType(rawValue: event.type) {
        case .headAssigned:
            group.head = Appointment(holder: person, by: nil, since: mark)
        case .deputyAssigned:
            group.deputies[person] = Appointment(holder: person, by: nil, since: mark)
        case .adminAssigned:
            group.admins[person] = Appointment(holder: person, by: event.string("assigned_by"), since: mark)
        case .adminUnassigned:
            group.admins[person] = nil
        default:
            group.acknowledgements[person] = Acknowledgement(
                rulebook: event.string("rulebook") ?? "",
                version: event.string("version"),
                mark: mark
            )
        }
    }

    private static func applyPlatform(_ recorded: RecordedEvent, to group: inout GroupState) {
        let event = recorded.event
        let mark = recorded.mark
        switch EventType(rawValue: event.type) {
        case .memberJoined:
            let membership = Membership(since: mark, addedBy: event.string("added_by"), via: event.string("via"))
            for account in event.strings("accounts") where group.members[account] == nil {
                group.members[account] = membership
            }
        case .memberLeft, .memberRemoved, .memberBlocked:
            for account in event.strings("accounts") { group.members[account] = nil }
        case .postCreated:
            group.posts += 1
            group.lastPost = mark
        case .postRecalled:
            group.recalled += 1
        default:
            group.removed += 1
        }
    }

    private mutating func applyPerson(_ recorded: RecordedEvent) {
        let event = recorded.event
        guard let person = event.string("person") else { return }
        let mark = recorded.mark
        if state.persons[person] == nil { state.persons[person] = PersonState(id: person) }
        switch EventType(rawValue: event.type) {
        case .personRegistered:
            state.persons[person]?.position = event.string("position")
            state.persons[person]?.unit = event.string("unit")
            state.persons[person]?.fields = event.strings("fields")
            state.persons[person]?.registered = mark
            if let name = RecordedText("full_name", of: recorded) { state.persons[person]?.fullName = name }
        case .accountBound:
            guard let account = event.string("account") else { return }
            if let previous = state.bindings[account], previous != person { unbind(account, from: previous, at: mark) }
            if state.bindings[account] != person {
                state.bindings[account] = person
                state.persons[person]?.accounts.append(AccountPeriod(account: account, bound: mark))
            }
        case .accountUnbound:
            guard let account = event.string("account"), state.bindings[account] == person else { return }
            unbind(account, from: person, at: mark)
        case .accountChangeReported:
            guard let newAccount = event.string("new_account") else { return }
            state.persons[person]?.changes.append(
                AccountChange(
                    group: event.group,
                    oldAccount: event.string("old_account"),
                    newAccount: newAccount,
                    reportedVia: event.string("reported_via"),
                    reported: mark
                )
            )
        default:
            guard let newAccount = event.string("new_account") else { return }
            let changes = state.persons[person]?.changes ?? []
            if let open = changes.lastIndex(where: { $0.newAccount == newAccount && $0.approved == nil }) {
                state.persons[person]?.changes[open].approvedBy = event.string("approved_by")
                state.persons[person]?.changes[open].approved = mark
            } else {
                state.persons[person]?.changes.append(
                    AccountChange(
                        group: event.group,
                        oldAccount: nil,
                        newAccount: newAccount,
                        reportedVia: nil,
                        reported: nil,
                        approvedBy: event.string("approved_by"),
                        approved: mark
                    )
                )
            }
        }
    }

    private mutating func unbind(_ account: String, from person: String, at mark: EventMark) {
        state.bindings[account] = nil
        if let open = state.persons[person]?.accounts.lastIndex(where: { $0.account == account && $0.unbound == nil }) {
            state.persons[person]?.accounts[open].unbound = mark
        }
    }

    private mutating func applyDirective(_ recorded: RecordedEvent) {
        let event = recorded.event
        guard let id = event.string("directive") else { return }
        let mark = recorded.mark
        if event.type == EventType.directiveIssued.rawValue {
            guard let group = event.group, let issuer = event.string("issuer"), let due = event.timestamp("due")
            else { return }
            state.directives[id] = DirectiveState(
                id: id,
                group: group,
                issuer: issuer,
                assignees: event.strings("assignees"),
                due: due,
                sourceMessage: event.string("source_message"),
                confirmedBy: event.string("confirmed_by"),
                issued: mark
            )
            return
        }
        guard state.directives[id] != nil else {
            state.unmatchedDirectiveEvents.append(mark)
            return
        }
        if event.type == EventType.directiveCancelled.rawValue {
            if state.directives[id]?.cancelled == nil {
                state.directives[id]?.cancelled = Cancellation(
                    by: event.string("by") ?? event.actor,
                    reason: event.string("reason"),
                    mark: mark
                )
            }
            return
        }
        guard let assignee = event.string("assignee") else { return }
        var progress = state.directives[id]?.answers[assignee] ?? AssigneeProgress()
        switch EventType(rawValue: event.type) {
        case .directiveAcknowledged: progress.acknowledged = progress.acknowledged ?? mark
        case .directiveProgressReported: progress.progress.append(mark)
        case .directiveDifficultyReported: progress.difficulties.append(mark)
        default: progress.completed = progress.completed ?? mark
        }
        state.directives[id]?.answers[assignee] = progress
    }
}
