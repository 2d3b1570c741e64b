import GroupDomain
import LedgerCore

/// Who a record concerns: its actor and the people and accounts its `data` names (a member joining, an admin
/// assigned, a directive's assignees, a reviewer), each with the person bound to it when the record was applied.
enum RecordParties {
    /// The identifier fields of the catalogue that name something other than a person or an account.
    private static let notParties: Set<String> = [
        "message", "messages", "client_message", "quote", "directive", "finding", "source_message", "evidence",
    ]

    /// The party fields of each event type (identifier fields that name people or accounts).
    private static let fields: [EventType: [String]] = EventCatalogue.types.mapValues { schema in
        schema.required.merging(schema.optional) { first, _ in first }.compactMap { name, kind in
            guard !notParties.contains(name) else { return nil }
            switch kind {
            case .identifier, .identifiers: return name
            default: return nil
            }
        }.sorted()
    }

    /// The ids `recorded` concerns, and the persons bound to them in `state`, sorted and each once.
    static func of(_ recorded: RecordedEvent, in state: ProvinceState) -> [String] {
        let event = recorded.event
        var ids = [event.actor]
        for field in fields[EventType(rawValue: event.type)] ?? [] {
            guard let value = event.data?[field] else { continue }
            if let id = value.stringValue {
                ids.append(id)
            } else if let items = value.arrayValue {
                ids.append(contentsOf: items.compactMap(\.stringValue))
            }
        }
        var parties = Set(ids)
        for id in ids {
            if let person = state.person(of: id) { parties.insert(person) }
        }
        return parties.sorted()
    }
}
