import GroupDomain

extension InspectionView {
    /// The page of person or account `id` with a page of its records (newest first), or `nil` when the ledger
    /// never named it.
    public func person(_ id: String, records request: PageRequest = PageRequest()) -> PersonPage? {
        let seqs = parties.records(of: id)
        let registered = state.persons[id]
        guard registered != nil || !seqs.isEmpty else { return nil }
        return PersonPage(
            person: personRef(id),
            state: registered,
            roles: roles(of: id),
            records: page(seqs, newestFirst: true, request: request),
            directives: directives(person: id),
            findings: findingIndex.positions(matching: FindingFilter(person: id)).map { summary(ofFindingAt: $0) }
        )
    }

    /// Every part person or account `id` played in a group, ended ones included, by group and then in ledger
    /// order: head, deputy and admin as the person; platform admin and member through each account while it was
    /// bound to the person (an id nobody registered counts as its own account, always).
    ///
    /// Worked out from the groups' histories, which record every change a replay makes.
    public func roles(of id: String) -> [GroupRole] {
        let accounts: [(account: String, bound: HeldSpan)] =
            state.persons[id].map { person in
                person.accounts.map { ($0.account, HeldSpan(from: $0.bound.seq, to: $0.unbound?.seq)) }
            } ?? [(id, HeldSpan(from: 0, to: nil))]
        var roles: [GroupRole] = []
        for group in state.groups.values.sorted(by: { $0.id < $1.id }) {
            guard let history = histories[group.id] else { continue }
            var found: [(GroupRole.Kind, HeldSpan)] = []
            found += history.headSpans(of: id).map { (.head, $0) }
            found += history.deputies.spans(of: id).map { (.deputy, $0) }
            found += history.admins.spans(of: id).map { (.admin, $0) }
            for (account, bound) in accounts {
                found += history.platformAdmins.spans(of: account).compactMap { span in
                    span.clipped(to: bound).map { (.platformAdmin(account: account), $0) }
                }
                found += history.members.spans(of: account).compactMap { span in
                    span.clipped(to: bound).map { (.member(account: account), $0) }
                }
            }
            // In ledger order; parts given by the same record stay in the order above.
            let ordered = found.enumerated().sorted {
                ($0.element.1.from, $0.offset) < ($1.element.1.from, $1.offset)
            }
            roles += ordered.map(\.element).map { kind, span in
                GroupRole(
                    group: group.id,
                    groupName: group.name,
                    kind: kind,
                    since: recordTime(span.from),
                    until: span.to.map(recordTime)
                )
            }
        }
        return roles
    }

    /// Record `seq` with its event time.
    private func recordTime(_ seq: UInt64) -> RecordTime { RecordTime(seq: seq, timeMillis: catalog[seq].timeMillis) }
}
