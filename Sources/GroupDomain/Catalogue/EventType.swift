/// One entry of the event catalogue (`docs/EVENTS.md`): which `data` fields an event type requires and allows,
/// and whether it must name a group.
public struct EventType: Sendable {
    public enum GroupRequirement: Sendable { case required, optional, none }

    public let name: String
    public let group: GroupRequirement
    public let required: [String: FieldKind]
    public let optional: [String: FieldKind]
    /// `required` by field name, the order in which a missing field is reported.
    let requiredInOrder: [(field: String, kind: FieldKind)]

    public init(
        _ name: String,
        group: GroupRequirement = .required,
        required: [String: FieldKind] = [:],
        optional: [String: FieldKind] = [:]
    ) {
        self.name = name
        self.group = group
        self.required = required
        self.optional = optional
        requiredInOrder = required.sorted { $0.key < $1.key }.map { (field: $0.key, kind: $0.value) }
    }
}
