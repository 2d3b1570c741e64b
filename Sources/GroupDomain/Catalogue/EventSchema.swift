public import LedgerCore

/// One entry of the event catalogue (`docs/EVENTS.md`): which `data` fields an event type requires and allows,
/// and whether it must name a group.
public struct EventSchema: Sendable {
    public enum GroupRequirement: Sendable { case required, optional, none }

    public let type: EventType
    public let group: GroupRequirement
    public let required: [String: FieldKind]
    public let optional: [String: FieldKind]
    /// `required` by field name, the order in which a missing field is reported.
    let requiredInOrder: [(field: String, kind: FieldKind)]

    public init(
        _ type: EventType,
        group: GroupRequirement = .required,
        required: [String: FieldKind] = [:],
        optional: [String: FieldKind] = [:]
    ) {
        self.type = type
        self.group = group
        self.required = required
        self.optional = optional
        requiredInOrder = required.sorted { $0.key < $1.key }.map { (field: $0.key, kind: $0.value) }
    }
}
