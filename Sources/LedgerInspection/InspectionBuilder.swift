import GroupDomain
import LedgerCore

/// The updater's side of the model: the rule checker (with the projector inside) and the indexes, fed one record
/// at a time in sequence order.
struct InspectionBuilder: Sendable {
    var checker: RuleChecker
    var catalog = RecordCatalog()
    var timelines: [String: [UInt64]] = [:]
    var histories: [String: GroupHistory] = [:]
    var parties = PartyIndex()
    var text = TextIndex()
    var folding = SearchFolding()
    /// Whether a withholding landed on a record applied with its content: the state, the findings (their matched
    /// spans) and the histories may hold the destroyed text, so the model must be rebuilt from the ledger.
    var holdsWithheldContent = false

    init(configuration: RuleConfiguration) {
        checker = RuleChecker(configuration: configuration)
    }

    /// How many records were applied: the next sequence number.
    var size: UInt64 { catalog.count }

    /// Applies the next record.
    mutating func apply(_ recorded: RecordedEvent) {
        let event = recorded.event
        let group = event.type == EventType.findingReviewed.rawValue ? nil : event.group
        // Only the small parts of the group are kept across the apply: holding the whole group would make the
        // projector copy its member dictionary on every join.
        let before = group.flatMap { checker.state.groups[$0] }.map(GroupHistory.Prior.init)
        checker.apply(recorded)
        let state = checker.state
        catalog.append(recorded)
        if let group, let after = state.groups[group] {
            timelines[group, default: []].append(recorded.seq)
            histories[group, default: GroupHistory()].note(recorded, before: before, after: after)
        }
        parties.add(recorded, in: state)
        text.add(recorded, folding: &folding)
        if event.type == EventType.ledgerContentWithheld.rawValue,
            let target = event.data?["seq"]?.numberValue?.int64Value,
            target >= 0
        {
            text.forgetContent(of: UInt64(target))
            if UInt64(target) < catalog.count, catalog[UInt64(target)].wasReadWithContent {
                holdsWithheldContent = true
            }
        }
    }

    /// The view of everything applied so far, with the findings worked out once (the rule checker's result is a
    /// function of its watches, recomputed on each call).
    func view() -> InspectionView {
        InspectionView(
            audit: checker.result(),
            catalog: catalog,
            timelines: timelines,
            histories: histories,
            parties: parties,
            text: text
        )
    }
}
