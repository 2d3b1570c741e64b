public import LedgerCore

/// The event types GroupLedger accepts, as documented in `docs/EVENTS.md`, and the check `append` and the
/// importers run on every event before it reaches the ledger.
public enum EventCatalogue {
    static let verdicts: Set<String> = ["confirmed", "dismissed", "escalated"]
    static let postKinds: Set<String> = [
        "text", "photo", "file", "sticker", "link", "video", "voice", "gif", "location", "contact", "poll", "other",
    ]
    static let joinVia: Set<String> = ["link", "invite", "approval"]

    /// The `data` field every type may carry: where an importer found the event (`format`, `file_sha256`, `line`
    /// or `element`).
    public static let provenanceField = "source"

    /// Every type, by name.
    public static let types: [String: EventType] = {
        let all: [EventType] = [
            // Governance, entered by people.
            EventType("group.registered", required: ["field": .text, "decision": .text]),
            EventType("head.assigned", required: ["person": .identifier]),
            EventType("deputy.assigned", required: ["person": .identifier]),
            EventType("admin.assigned", required: ["person": .identifier, "assigned_by": .identifier]),
            EventType("admin.unassigned", required: ["person": .identifier, "by": .identifier]),
            EventType(
                "person.registered",
                group: .none,
                required: ["person": .identifier, "position": .text, "unit": .text],
                optional: ["fields": .texts]
            ),
            EventType("account.bound", group: .none, required: ["person": .identifier, "account": .identifier]),
            EventType("account.unbound", group: .none, required: ["person": .identifier, "account": .identifier]),
            EventType(
                "account.change_reported",
                required: [
                    "person": .identifier, "old_account": .identifier, "new_account": .identifier,
                    "reported_via": .identifier,
                ]
            ),
            EventType(
                "account.change_approved",
                required: ["person": .identifier, "new_account": .identifier, "approved_by": .identifier]
            ),
            EventType(
                "rules.acknowledged",
                required: ["person": .identifier, "rulebook": .text],
                optional: ["version": .text]
            ),
            EventType(
                "finding.reviewed",
                group: .optional,
                required: ["finding": .identifier, "verdict": .oneOf(verdicts), "reviewer": .identifier]
            ),
            // Observed on the platform.
            EventType("group.created", optional: ["creator": .identifier]),
            EventType("group.renamed"),
            EventType("group.settings_changed", required: ["settings": .object]),
            EventType("group.admin_added", required: ["accounts": .identifiers, "by": .identifier]),
            EventType("group.admin_removed", required: ["accounts": .identifiers, "by": .identifier]),
            EventType("group.platform_event", required: ["act": .text, "raw_sha256": .sha256Hex]),
            EventType(
                "member.joined",
                required: ["accounts": .identifiers],
                optional: ["added_by": .identifier, "via": .oneOf(joinVia)]
            ),
            EventType("member.left", required: ["accounts": .identifiers]),
            EventType("member.removed", required: ["accounts": .identifiers, "by": .identifier]),
            EventType("member.blocked", required: ["accounts": .identifiers, "by": .identifier]),
            EventType(
                "post.created",
                required: ["message": .identifier, "kind": .oneOf(postKinds)],
                optional: [
                    "client_message": .identifier, "quote": .identifier, "mentions": .mentions, "source_kind": .text,
                ]
            ),
            EventType("post.recalled", required: ["message": .identifier]),
            EventType(
                "post.removed",
                required: ["message": .identifier, "by": .identifier],
                optional: ["reason": .text]
            ),
            EventType(
                "reaction.added",
                required: ["message": .identifier, "icon": .text],
                optional: ["reaction_type": .text]
            ),
            EventType("message.seen", required: ["messages": .identifiers, "accounts": .identifiers]),
            EventType("message.delivered", required: ["messages": .identifiers, "accounts": .identifiers]),
            EventType(
                "capture.started",
                group: .none,
                required: ["account": .identifier],
                optional: ["session": .text]
            ),
            EventType(
                "capture.stopped",
                group: .none,
                required: ["account": .identifier, "code": .integer],
                optional: ["session": .text, "reason": .text]
            ),
            // Directives.
            EventType(
                "directive.issued",
                required: [
                    "directive": .identifier, "issuer": .identifier, "assignees": .identifiers, "due": .timestamp,
                ],
                optional: ["source_message": .identifier, "confirmed_by": .identifier]
            ),
            directiveAnswer("directive.acknowledged"),
            directiveAnswer("directive.progress_reported"),
            directiveAnswer("directive.difficulty_reported"),
            directiveAnswer("directive.completed"),
            EventType(
                "directive.cancelled",
                required: ["directive": .identifier, "by": .identifier],
                optional: ["reason": .text]
            ),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()

    private static func directiveAnswer(_ name: String) -> EventType {
        EventType(
            name,
            required: ["directive": .identifier, "assignee": .identifier],
            optional: ["evidence": .identifiers]
        )
    }

    /// Checks an envelope against its type: the type is known, `group` is present when required (and absent
    /// when the type happens outside groups), and `data` has exactly the required fields plus allowed optional
    /// ones, each of the right shape.
    ///
    /// - Parameter location: where the event came from, for messages (`events.jsonl line 12`).
    /// - Throws: `.badInput` naming the location and the field.
    public static func validate(_ event: EventEnvelope, at location: String) throws(LedgerError) {
        func bad(_ message: String) -> LedgerError { LedgerError(.badInput, "\(location): \(message)") }
        guard let type = types[event.type] else {
            throw bad(
                "type \"\(event.type)\" is not in the event catalogue (docs/EVENTS.md); importers map unknown "
                    + "source events to group.platform_event"
            )
        }
        switch type.group {
        case .required where event.group == nil: throw bad("field \"group\" is required for \(event.type) events")
        case .none where event.group != nil: throw bad("field \"group\" does not belong in \(event.type) events")
        default: break
        }
        let data = event.data?.objectValue ?? JSONObject()
        for (field, kind) in type.requiredInOrder {
            guard let value = data[field] else { throw bad("field \"data.\(field)\" is required for \(event.type)") }
            if let problem = kind.problem(value) { throw bad("field \"data.\(field)\" \(problem)") }
        }
        for (field, value) in data.members {
            if type.required[field] != nil { continue }
            guard let kind = type.optional[field] ?? (field == provenanceField ? .object : nil) else {
                let allowed = (Array(type.required.keys) + Array(type.optional.keys)).sorted()
                throw bad(
                    "field \"data.\(field)\" is not part of \(event.type) (allowed: "
                        + (allowed.isEmpty ? "none" : allowed.joined(separator: ", "))
                        + "); put other material in content"
                )
            }
            if let problem = kind.problem(value) { throw bad("field \"data.\(field)\" \(problem)") }
        }
    }
}
