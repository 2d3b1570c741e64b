import LedgerCore

/// Watches account changes (R4): a member who changes Zalo account reports it through the admin, and the head
/// approves it, before the new account is used.
///
/// - `unreported-switch`: an account bound to a person who already had another account joined a group or
///   posted before both an `account.change_reported` and an `account.change_approved` for it were recorded. The
///   binding may come after the account acted (the office catching up); the check looks at the account's first
///   join or post either way.
/// - `unbound-account` (when `R4.flag_unbound_accounts`): an account joined or posted but was never bound to a
///   registered person: if it is a member's new account, the change was not reported.
/// - `not-via-admin`, `not-approved-by-head`: a report that did not go through one of the group's admins, an
///   approval by someone other than the group's head.
struct AccountWatch: Sendable, Codable {
    /// An account's first join or post.
    struct Action: Sendable, Codable {
        let mark: EventMark
        let group: String
        let joined: Bool
    }

    /// An account bound to a person who already had another account: the person, the binding and the earlier
    /// account.
    private struct Switch: Sendable, Codable {
        let person: String
        let binding: EventMark
        let previous: String
    }

    /// The first action of every account that joined or posted.
    var firstAction: [String: Action] = [:]
    /// Accounts bound to a person who already had another account: the person, the binding and the earlier account.
    private var switches: [String: Switch] = [:]
    /// Reports and approvals that broke the procedure.
    private var irregular: [Finding] = []

    /// Looks at one record after the projector applied it.
    mutating func observe(_ recorded: RecordedEvent, state: ProvinceState, configuration: RuleConfiguration) {
        let event = recorded.event
        let mark = recorded.mark
        switch EventType(rawValue: event.type) {
        case .memberJoined:
            guard let group = event.group else { return }
            for account in event.strings("accounts") where firstAction[account] == nil {
                firstAction[account] = Action(mark: mark, group: group, joined: true)
            }
        case .postCreated:
            // The Official Account's own posts (oa_send_group_*) are the OA's, not a member's account.
            guard let group = event.group, firstAction[event.actor] == nil,
                event.string("source_kind")?.hasPrefix("oa_send_") != true
            else { return }
            firstAction[event.actor] = Action(mark: mark, group: group, joined: false)
        case .accountBound:
            guard let person = event.string("person"), let account = event.string("account"),
                switches[account] == nil,
                let previous = state.persons[person]?.accounts.first(where: { $0.account != account })
            else { return }
            switches[account] = Switch(person: person, binding: mark, previous: previous.account)
        case .accountChangeReported:
            guard let group = event.group, let person = event.string("person"), let via = event.string("reported_via"),
                state.groups[group]?.admins[via] == nil
            else { return }
            let naming = PersonNaming(state)
            irregular.append(
                Finding(
                    rule: "R4",
                    check: "not-via-admin",
                    group: group,
                    subject: person,
                    seqs: [mark.seq],
                    time: mark.time.unixMillis,
                    severity: configuration.severity("R4", "not-via-admin"),
                    messageVI:
                        "Báo cáo đổi tài khoản của \(naming.vi(person)) qua \(naming.vi(via)), người không phải quản trị "
                        + "nhóm \(group) (bản ghi \(mark.seq)).",
                    messageEN:
                        "The account change of \(naming.en(person)) was reported through \(naming.en(via)), who is "
                        + "not an admin of group \(group) (record \(mark.seq))."
                )
            )
        case .accountChangeApproved:
            guard let group = event.group, let person = event.string("person"), let by = event.string("approved_by"),
                state.groups[group]?.head?.holder != by
            else { return }
            let naming = PersonNaming(state)
            irregular.append(
                Finding(
                    rule: "R4",
                    check: "not-approved-by-head",
                    group: group,
                    subject: person,
                    seqs: [mark.seq],
                    time: mark.time.unixMillis,
                    severity: configuration.severity("R4", "not-approved-by-head"),
                    messageVI:
                        "Việc đổi tài khoản của \(naming.vi(person)) được \(naming.vi(by)) phê duyệt, không phải "
                        + "Trưởng Nhóm \(group) (bản ghi \(mark.seq)).",
                    messageEN:
                        "The account change of \(naming.en(person)) was approved by \(naming.en(by)), not by the "
                        + "head of group \(group) (record \(mark.seq))."
                )
            )
        default:
            break
        }
    }

    /// The findings, judged against the final state (bindings and reports recorded after an account acted still
    /// show up as evidence).
    func findings(state: ProvinceState, configuration: RuleConfiguration) -> [Finding] {
        var findings = irregular
        let everBound = Set(state.persons.values.flatMap { $0.accounts.map(\.account) })
        for (account, action) in firstAction {
            if let switched = switches[account] {
                if let finding = unreported(account, action, switched, state: state, configuration: configuration) {
                    findings.append(finding)
                }
            } else if configuration.flagUnboundAccounts, !everBound.contains(account) {
                let didVI = action.joined ? "vào nhóm" : "đăng tin trong nhóm"
                let didEN = action.joined ? "joined" : "posted in"
                findings.append(
                    Finding(
                        rule: "R4",
                        check: "unbound-account",
                        group: action.group,
                        subject: account,
                        seqs: [action.mark.seq],
                        time: action.mark.time.unixMillis,
                        severity: configuration.severity("R4", "unbound-account"),
                        messageVI: "Tài khoản \(account) \(didVI) \(action.group) (bản ghi \(action.mark.seq)) nhưng "
                            + "không gắn với người nào đã đăng ký; nếu là tài khoản mới của một thành viên thì việc đổi "
                            + "tài khoản chưa được báo cáo.",
                        messageEN:
                            "Account \(account) \(didEN) group \(action.group) (record \(action.mark.seq)) but is "
                            + "bound to no registered person; if it is a member's new account, the change was not "
                            + "reported."
                    )
                )
            }
        }
        return findings
    }

    private func unreported(
        _ account: String,
        _ action: Action,
        _ switched: Switch,
        state: ProvinceState,
        configuration: RuleConfiguration
    ) -> Finding? {
        let change = state.persons[switched.person]?.changes.first { $0.newAccount == account }
        let reported = change?.reported
        let approved = change?.approved
        if let reported, let approved, reported.seq < action.mark.seq, approved.seq < action.mark.seq { return nil }
        func step(_ mark: EventMark?, _ vi: String, _ en: String) -> (vi: String, en: String) {
            guard let mark else { return ("chưa \(vi)", "never \(en)") }
            return mark.seq < action.mark.seq
                ? ("đã \(vi) (bản ghi \(mark.seq))", "\(en) (record \(mark.seq))")
                : ("chỉ \(vi) sau đó (bản ghi \(mark.seq))", "\(en) only afterwards (record \(mark.seq))")
        }
        let report = step(reported, "báo cáo", "reported")
        let approval = step(approved, "phê duyệt", "approved")
        let naming = PersonNaming(state)
        let didVI = action.joined ? "vào nhóm" : "đăng tin trong nhóm"
        let didEN = action.joined ? "joined" : "posted in"
        return Finding(
            rule: "R4",
            check: "unreported-switch",
            group: action.group,
            subject: account,
            seqs: [action.mark.seq, switched.binding.seq] + [reported, approved].compactMap { $0?.seq },
            idSeqs: [action.mark.seq],
            time: action.mark.time.unixMillis,
            severity: configuration.severity("R4", "unreported-switch"),
            messageVI:
                "Tài khoản mới \(account) của \(naming.vi(switched.person)) (trước đây \(switched.previous)) \(didVI) "
                + "\(action.group) (bản ghi \(action.mark.seq)); việc đổi tài khoản \(report.vi), \(approval.vi).",
            messageEN:
                "New account \(account) of \(naming.en(switched.person)) (previously \(switched.previous)) \(didEN) group "
                + "\(action.group) (record \(action.mark.seq)); the change was \(report.en) and \(approval.en)."
        )
    }
}
