extension InspectionView {
    /// A page of group `group`'s timeline (every record in the group: roles, members, posts, directives…), or
    /// `nil` for a group the ledger never named.
    public func timeline(
        group: String,
        filter: TimelineFilter = TimelineFilter(),
        page request: PageRequest = PageRequest()
    ) -> Page<RecordSummary>? {
        guard let all = timelines[group] else { return nil }
        var seqs = all
        if let person = filter.person {
            let concerning = parties.records(of: person)
            seqs =
                concerning.count < all.count
                ? concerning.filter { catalog.group(of: $0) == group }
                : all.filter {
                    concerning.containsSorted($0)
                }
        }
        if !filter.types.isEmpty {
            let types = Set(filter.types.compactMap { catalog.symbols.existingNumber(of: $0) })
            seqs = seqs.filter { types.contains(catalog[$0].type) }
        }
        if filter.fromMillis != nil || filter.toMillis != nil {
            let from = filter.fromMillis ?? Int64.min
            let to = filter.toMillis ?? Int64.max
            seqs = seqs.filter { (from...to).contains(catalog[$0].timeMillis) }
        }
        return page(seqs, newestFirst: filter.newestFirst, request: request)
    }
}
