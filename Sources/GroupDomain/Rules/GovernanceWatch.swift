import LedgerCore

/// Watches the standing rules on a group's roles as the records go by: R1 (a head) and R3 (exactly one admin,
/// assigned by the head).
///
/// Breaches are tracked as episodes, so an audit of a month also reports a group that had two admins for a week
/// in the middle of it. An episode becomes a finding when it lasted longer than its grace period
/// (`R1.grace_hours`, `R3.no_admin_grace_hours`, `R3.two_admins_grace_hours`): registering a group and assigning
/// its head a minute later is not a breach.
struct GovernanceWatch: Sendable, Codable {
    /// An admin assignment made by someone other than the head.
    private struct Irregular: Sendable, Codable {
        let group: String
        let person: String
        let assignedBy: String?
        let assignment: EventMark
        let head: EventMark?
        var resolved: EventMark?
    }

    /// An admin assignment made while the group had no head.
    private struct AssignmentAwaitingHead: Sendable, Codable {
        let person: String
        let by: String?
        let mark: EventMark
    }

    private var open: [String: Episode] = [:]
    private var closed: [Episode] = []
    /// Admin assignments made while the group had no head, waiting for the first head.
    private var awaitingHead: [String: [AssignmentAwaitingHead]] = [:]
    private var irregular: [Irregular] = []
    /// The groups seen so far, to spot a group's first record without looking its state up.
    private var seen: Set<String> = []

    /// The records after which a group's roles are compared again.
    static let roleEvents: Set<EventType> = [
        .adminAssigned, .adminUnassigned, .headAssigned, .deputyAssigned, .memberJoined, .memberLeft, .memberRemoved,
        .memberBlocked, .groupAdminAdded, .groupAdminRemoved,
    ]

    /// Looks at one record after the projector applied it.
    mutating func observe(_ recorded: RecordedEvent, state: ProvinceState, configuration: RuleConfiguration) {
        let event = recorded.event
        if event.type == EventType.personRegistered.rawValue, let person = event.string("person") {
            // A head registered again (a new position or new fields) is compared again in each group they head.
            for group in state.groups.values where group.head?.holder == person && seen.contains(group.id) {
                compareRoles(group, state: state, configuration: configuration, at: recorded.mark)
            }
            return
        }
        guard let id = event.group, event.type != EventType.findingReviewed.rawValue else { return }
        let firstSight = seen.insert(id).inserted
        guard firstSight || Self.roleEvents.contains(EventType(rawValue: event.type)) else { return }
        guard let group = state.groups[id] else { return }
        let mark = recorded.mark
        let person = event.string("person")
        switch EventType(rawValue: event.type) {
        case .adminAssigned:
            guard let person else { return }
            resolveIrregular(group: id, person: person, at: mark)
            let by = event.string("assigned_by")
            if let head = group.head {
                if by != head.holder {
                    irregular.append(
                        Irregular(group: id, person: person, assignedBy: by, assignment: mark, head: head.since)
                    )
                }
            } else {
                awaitingHead[id, default: []].append(AssignmentAwaitingHead(person: person, by: by, mark: mark))
            }
        case .adminUnassigned:
            guard let person else { return }
            resolveIrregular(group: id, person: person, at: mark)
            awaitingHead[id]?.removeAll { $0.person == person }
        case .headAssigned:
            for waiting in awaitingHead.removeValue(forKey: id) ?? []
            where group.admins[waiting.person]?.since == waiting.mark && waiting.by != person {
                irregular.append(
                    Irregular(
                        group: id,
                        person: waiting.person,
                        assignedBy: waiting.by,
                        assignment: waiting.mark,
                        head: mark
                    )
                )
            }
        default:
            break
        }
        track("R1", "no-head", in: group, breached: group.head == nil, evidence: [mark.seq], people: [], at: mark)
        track("R3", "no-admin", in: group, breached: group.admins.isEmpty, evidence: [mark.seq], people: [], at: mark)
        let admins = group.admins.values.sorted { $0.since < $1.since }
        track(
            "R3",
            "two-admins",
            in: group,
            breached: admins.count > 1,
            evidence: admins.map(\.since.seq),
            people: admins.map(\.holder),
            at: mark
        )
        compareRoles(group, state: state, configuration: configuration, at: mark)
    }

    /// Policy roles against what the platform shows (`docs/RULES.md`): a head or an admin none of whose bound
    /// accounts is a member (once members were observed at all), a platform admin (owner or deputy on Zalo) whose
    /// person is not the head, a deputy head or a policy admin, a head whose registered position is not one of
    /// `R1.leader_positions`, and a head whose registered `fields` (lĩnh vực phụ trách) do not include the group's
    /// `field` (one contains the other, ignoring case; no judgement while either is not recorded).
    private mutating func compareRoles(
        _ group: GroupState,
        state: ProvinceState,
        configuration: RuleConfiguration,
        at mark: EventMark
    ) {
        func isMember(_ person: String) -> Bool {
            (state.persons[person]?.currentAccounts ?? []).contains { group.members[$0] != nil }
        }
        let observed = !group.members.isEmpty
        let head = group.head?.holder
        let absentHead = head.map { isMember($0) ? Set<String>() : [$0] } ?? []
        trackEach("R1", "head-not-member", in: group, breached: observed ? absentHead : nil, at: mark)
        let absentAdmins = group.admins.keys.filter { !isMember($0) }
        trackEach("R3", "admin-not-member", in: group, breached: observed ? Set(absentAdmins) : nil, at: mark)
        let allowed = Set([head].compactMap { $0 }).union(group.deputies.keys).union(group.admins.keys)
        let unassigned = group.platformAdmins.keys.filter { account in
            guard let person = state.person(of: account) else { return true }
            return !allowed.contains(person)
        }
        trackEach("R3", "platform-admin-unassigned", in: group, breached: Set(unassigned), at: mark)
        var notLeader: String?
        if let head, let person = state.persons[head], person.position != nil || person.unit != nil {
            let title = [person.position, person.unit].compactMap { $0 }.joined(separator: " ").lowercased()
            let isLeader = configuration.leaderPositions.contains { title.contains($0.lowercased()) }
            if !isLeader { notLeader = head }
        }
        trackEach("R1", "head-not-leader", in: group, breached: notLeader.map { Set([$0]) } ?? [], at: mark)
        var notInCharge: String?
        if let head, let fields = state.persons[head]?.fields, !fields.isEmpty, let field = group.field {
            let wanted = field.lowercased()
            let inCharge = fields.contains { own in
                let own = own.lowercased()
                return own.contains(wanted) || wanted.contains(own)
            }
            if !inCharge { notInCharge = head }
        }
        trackEach("R1", "head-not-in-charge", in: group, breached: notInCharge.map { Set([$0]) } ?? [], at: mark)
    }

    /// Opens an episode for each person (or account) in `breached` that has none, and ends the open episodes of
    /// `check` in `group` for everyone else; `nil` leaves the episodes as they are (nothing to compare).
    private mutating func trackEach(
        _ rule: String,
        _ check: String,
        in group: GroupState,
        breached: Set<String>?,
        at mark: EventMark
    ) {
        guard let breached else { return }
        let prefix = check + "\u{0}" + group.id + "\u{0}"
        for key in open.keys where key.hasPrefix(prefix) {
            let subject = String(key.dropFirst(prefix.count))
            if !breached.contains(subject), var episode = open.removeValue(forKey: key) {
                episode.end = mark
                closed.append(episode)
            }
        }
        for subject in breached where open[prefix + subject] == nil {
            open[prefix + subject] = Episode(
                rule: rule,
                check: check,
                group: group.id,
                start: mark,
                evidence: [mark.seq],
                people: [subject]
            )
        }
    }

    private mutating func track(
        _ rule: String,
        _ check: String,
        in group: GroupState,
        breached: Bool,
        evidence: [UInt64],
        people: [String],
        at mark: EventMark
    ) {
        let key = check + "\u{0}" + group.id
        if breached, open[key] == nil {
            open[key] = Episode(
                rule: rule,
                check: check,
                group: group.id,
                start: mark,
                evidence: evidence,
                people: people
            )
        } else if !breached, var episode = open.removeValue(forKey: key) {
            episode.end = mark
            closed.append(episode)
        }
    }

    private mutating func resolveIrregular(group: String, person: String, at mark: EventMark) {
        for index in irregular.indices
        where irregular[index].group == group && irregular[index].person == person && irregular[index].resolved == nil {
            irregular[index].resolved = mark
        }
    }

    /// The findings as of `evaluation` (Unix milliseconds of event time).
    func findings(at evaluation: Int64, state: ProvinceState, configuration: RuleConfiguration) -> [Finding] {
        let clock = configuration.displayTime
        let naming = PersonNaming(state)
        var findings: [Finding] = []
        for episode in closed + open.values {
            let grace: Int
            switch episode.check {
            case "no-head": grace = configuration.headGraceHours
            case "no-admin": grace = configuration.noAdminGraceHours
            case "two-admins": grace = configuration.twoAdminsGraceHours
            default: grace = configuration.roleMismatchGraceHours
            }
            guard episode.duration(at: evaluation) > Int64(grace) * 3_600_000 else { continue }
            let since = clock.format(episode.start.time.unixMillis)
            let untilVI = episode.end.map { " đến \(clock.format($0.time.unixMillis)) (bản ghi \($0.seq))" } ?? ""
            let untilEN = episode.end.map { " until \(clock.format($0.time.unixMillis)) (record \($0.seq))" } ?? ""
            let vi: String
            let en: String
            switch episode.check {
            case "no-head":
                vi = "Nhóm \(episode.group) không có Trưởng Nhóm từ \(since)\(untilVI)."
                en = "Group \(episode.group) had no head (Trưởng Nhóm) from \(since)\(untilEN)."
            case "no-admin":
                vi = "Nhóm \(episode.group) không có thành viên quản trị từ \(since)\(untilVI)."
                en = "Group \(episode.group) had no admin (quản trị) from \(since)\(untilEN)."
            case "head-not-member":
                let person = episode.people.first ?? "?"
                vi =
                    "Trưởng Nhóm \(naming.vi(person)) không có tài khoản nào là thành viên nhóm \(episode.group) từ "
                    + "\(since)\(untilVI)."
                en =
                    "The head \(naming.en(person)) had no account among the members of group \(episode.group) from "
                    + "\(since)\(untilEN)."
            case "admin-not-member":
                let person = episode.people.first ?? "?"
                vi =
                    "Quản trị \(naming.vi(person)) không có tài khoản nào là thành viên nhóm \(episode.group) từ "
                    + "\(since)\(untilVI)."
                en =
                    "The admin \(naming.en(person)) had no account among the members of group \(episode.group) from "
                    + "\(since)\(untilEN)."
            case "platform-admin-unassigned":
                let account = episode.people.first ?? "?"
                vi =
                    "Tài khoản \(account) là quản trị nhóm \(episode.group) trên Zalo nhưng không phải Trưởng Nhóm, "
                    + "Phó Trưởng Nhóm hay quản trị được giao, từ \(since)\(untilVI)."
                en =
                    "Account \(account) was a platform admin of group \(episode.group) but not the head, a deputy head "
                    + "or an assigned admin, from \(since)\(untilEN)."
            case "head-not-leader":
                let person = episode.people.first ?? "?"
                vi =
                    "Trưởng Nhóm \(naming.vi(person)) của nhóm \(episode.group) không phải lãnh đạo UBND tỉnh theo chức "
                    + "vụ đã đăng ký (R1), từ \(since)\(untilVI)."
                en =
                    "The head \(naming.en(person)) of group \(episode.group) is not a provincial leader by registered "
                    + "position (R1), from \(since)\(untilEN)."
            case "head-not-in-charge":
                let person = episode.people.first ?? "?"
                let field = state.groups[episode.group]?.field ?? "?"
                let fields = (state.persons[person]?.fields ?? []).joined(separator: "; ")
                vi =
                    "Trưởng Nhóm \(naming.vi(person)) của nhóm \(episode.group) phụ trách lĩnh vực “\(fields)”, không "
                    + "phải lĩnh vực “\(field)” của nhóm (R1), từ \(since)\(untilVI)."
                en =
                    "The head \(naming.en(person)) of group \(episode.group) is in charge of “\(fields)”, not of the "
                    + "group's field “\(field)” (R1), from \(since)\(untilEN)."
            default:
                vi =
                    "Nhóm \(episode.group) có \(episode.people.count) quản trị cùng lúc (\(naming.vi(episode.people))) từ "
                    + "\(since)\(untilVI)."
                en =
                    "Group \(episode.group) had \(episode.people.count) admins at once (\(naming.en(episode.people))) "
                    + "from \(since)\(untilEN)."
            }
            let perPerson = !["no-head", "no-admin", "two-admins"].contains(episode.check)
            findings.append(
                Finding(
                    rule: episode.rule,
                    check: episode.check,
                    group: episode.group,
                    subject: perPerson ? episode.people.first : nil,
                    seqs: episode.evidence,
                    time: episode.start.time.unixMillis,
                    severity: configuration.severity(episode.rule, episode.check),
                    messageVI: vi,
                    messageEN: en,
                    resolved: episode.end
                )
            )
        }
        for item in irregular {
            let by = item.assignedBy ?? "?"
            findings.append(
                Finding(
                    rule: "R3",
                    check: "not-by-head",
                    group: item.group,
                    subject: item.person,
                    seqs: [item.assignment.seq] + (item.head.map { [$0.seq] } ?? []),
                    idSeqs: [item.assignment.seq],
                    time: item.assignment.time.unixMillis,
                    severity: configuration.severity("R3", "not-by-head"),
                    messageVI: "Quản trị \(naming.vi(item.person)) của nhóm \(item.group) được \(naming.vi(by)) giao, "
                        + "không phải Trưởng Nhóm (bản ghi \(item.assignment.seq)).",
                    messageEN:
                        "Admin \(naming.en(item.person)) of group \(item.group) was assigned by \(naming.en(by)), "
                        + "not by the head (record \(item.assignment.seq)).",
                    resolved: item.resolved
                )
            )
        }
        return findings
    }
}
