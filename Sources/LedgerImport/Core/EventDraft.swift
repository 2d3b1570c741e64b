import GroupDomain
import LedgerCore

/// An event being built from a source unit, before the checks every appended event passes.
struct EventDraft {
    var id: String
    var type: EventType
    /// RFC 3339.
    var time: String
    var actor: String
    var group: String?
    var data: [(key: String, value: JSONValue)] = []
    var content: [(key: String, value: JSONValue)] = []

    init(id: String, type: EventType, time: String, actor: String, group: String?) {
        self.id = id
        self.type = type
        self.time = time
        self.actor = actor
        self.group = group
    }

    mutating func set(_ key: String, _ value: JSONValue) { data.append((key, value)) }

    mutating func setContent(_ key: String, _ value: JSONValue) { content.append((key, value)) }

    /// The envelope after exactly the checks `groupledger append` runs on an input line (envelope rules, record
    /// and content size, the event catalogue), with `data.source` provenance added.
    ///
    /// - Throws: ``ImportError`` at `location` naming the field, when the source produced something the ledger
    ///   would refuse (an over-long id, a bidirectional control in a display name used as an id, …).
    func finish(provenance: JSONValue, at location: SourceLocation) throws(ImportError) -> EventEnvelope {
        let label = location.description
        guard let timestamp = Timestamp(time) else {
            throw ImportError(
                location,
                "the \(type) event it gives is refused: field \"time\": \"\(time)\" "
                    + (Timestamp.problem(time) ?? "is not a time")
            )
        }
        do {
            let envelope = try EnvelopeDecoder().validate(
                EventEnvelope(
                    id: id,
                    type: type.rawValue,
                    time: timestamp,
                    actor: actor,
                    group: group,
                    data: .object(JSONObject(members: EventDraft.sorted(data + [("source", provenance)]))),
                    content: content.isEmpty ? nil : .object(JSONObject(members: EventDraft.sorted(content)))
                ),
                at: label
            )
            try EventCatalogue.validate(envelope, at: label)
            return envelope
        } catch {
            var reason = error.message
            if reason.hasPrefix(label + ": ") { reason.removeFirst(label.count + 2) }
            throw ImportError(location, "the \(type) event it gives is refused: \(reason)")
        }
    }

    /// Members in canonical order, so that serialising the event does not sort them again. The keys are ASCII, where
    /// byte order is RFC 8785's UTF-16 order; were one not, the serializer would still sort correctly.
    static func sorted(_ members: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
