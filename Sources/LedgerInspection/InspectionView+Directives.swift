public import GroupDomain

extension InspectionView {
    /// The directives, in order of issue; only those issued in `group`, only those `person` issued or was assigned
    /// (or answered), only overdue ones, when asked.
    public func directives(
        group: String? = nil,
        person: String? = nil,
        overdueOnly: Bool = false
    )
        -> [DirectiveSummary]
    {
        state.directives.values.sorted { ($0.issued, $0.id) < ($1.issued, $1.id) }.compactMap { directive in
            if let group, directive.group != group { return nil }
            if let person, directive.issuer != person, !directive.assignees.contains(person),
                directive.answers[person] == nil
            {
                return nil
            }
            let summary = DirectiveSummary(
                directive: directive,
                issuer: personRef(directive.issuer),
                assignments: (rowsByDirective[directive.id] ?? []).map {
                    DirectiveSummary.Assignment(assignee: personRef($0.assignee), row: $0)
                }
            )
            return !overdueOnly || summary.isOverdue ? summary : nil
        }
    }

    /// Page `request` of the directives issued in `group` (all when `nil`), in order of issue: only those with an
    /// assignee whose status is `status`, or only overdue ones, when asked.
    public func directives(
        group: String?,
        status: DirectiveStatus?,
        overdueOnly: Bool,
        page request: PageRequest
    )
        -> Page<DirectiveSummary>
    {
        let chosen = directives(group: group, overdueOnly: overdueOnly).filter { directive in
            status.map { status in directive.assignments.contains { $0.row.status == status } } ?? true
        }
        return Page(chosen, request: request) { $0 }
    }
}
