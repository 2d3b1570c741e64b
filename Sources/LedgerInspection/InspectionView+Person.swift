import GroupDomain

extension InspectionView {
    /// The page of person or account `id` with a page of its records (newest first), or `nil` when the ledger
    /// never named it.
    public func person(_ id: String, records request: PageRequest = PageRequest()) -> PersonPage? {
        let seqs = parties.records(of: id)
        let registered = state.persons[id]
        guard registered != nil || !seqs.isEmpty else { return nil }
        let accounts = registered?.currentAccounts ?? [id]
        var roles: [GroupRole] = []
        for group in state.groups.values.sorted(by: { $0.id < $1.id }) {
            func role(_ kind: GroupRole.Kind, since: EventMark) {
                roles.append(GroupRole(group: group.id, groupName: group.name, kind: kind, since: since))
            }
            if let head = group.head, head.holder == id { role(.head, since: head.since) }
            if let deputy = group.deputies[id] { role(.deputy, since: deputy.since) }
            if let admin = group.admins[id] { role(.admin, since: admin.since) }
            for account in accounts {
                if let admin = group.platformAdmins[account] {
                    role(.platformAdmin(account: account), since: admin.since)
                }
                if let membership = group.members[account] { role(.member(account: account), since: membership.since) }
            }
        }
        return PersonPage(
            person: personRef(id),
            state: registered,
            roles: roles,
            records: page(seqs, newestFirst: true, request: request),
            directives: directives(person: id),
            findings: findingIndex.positions(matching: FindingFilter(person: id)).map { summary(ofFindingAt: $0) }
        )
    }
}
