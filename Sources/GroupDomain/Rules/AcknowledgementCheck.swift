import LedgerCore

/// R5: the provincial office rolls the rules out to every member, and each member acknowledges them.
///
/// A list, not a violation: every current member (an account bound to a person) whose person has no
/// `rules.acknowledged` in that group, once `R5.acknowledgement_window_hours` have passed since the earliest of
/// their accounts joined. Accounts bound to nobody are R4's concern (`unbound-account`).
enum AcknowledgementCheck {
    /// The findings in `state` as of `evaluation` (Unix milliseconds of event time).
    static func findings(state: ProvinceState, at evaluation: Int64, configuration: RuleConfiguration) -> [Finding] {
        let window = Int64(configuration.acknowledgementWindowHours) * 3_600_000
        var findings: [Finding] = []
        let naming = PersonNaming(state)
        for group in state.groups.values {
            var earliest: [String: EventMark] = [:]
            for (account, membership) in group.members {
                guard let person = state.bindings[account], group.acknowledgements[person] == nil else { continue }
                if earliest[person].map({ membership.since < $0 }) ?? true { earliest[person] = membership.since }
            }
            for (person, joined) in earliest where evaluation - joined.time.unixMillis > window {
                let since = configuration.displayTime.format(joined.time.unixMillis)
                findings.append(
                    Finding(
                        rule: "R5",
                        check: "no-acknowledgement",
                        group: group.id,
                        subject: person,
                        seqs: [joined.seq],
                        time: joined.time.unixMillis + window,
                        severity: configuration.severity("R5", "no-acknowledgement"),
                        messageVI:
                            "Thành viên \(naming.vi(person)) của nhóm \(group.id) (vào nhóm \(since), bản ghi \(joined.seq)) "
                            + "chưa xác nhận đã nắm nội quy.",
                        messageEN:
                            "Member \(naming.en(person)) of group \(group.id) (joined \(since), record \(joined.seq)) has not "
                            + "acknowledged the group rules."
                    )
                )
            }
        }
        return findings
    }
}
