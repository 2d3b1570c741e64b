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

    /// Every type, with the fields it takes.
    public static let types: [EventType: EventSchema] = {
        let all: [EventSchema] = [
            // Governance, entered by people.
            EventSchema(.groupRegistered, required: ["field": .text, "decision": .text]),
            EventSchema(.headAssigned, required: ["person": .identifier]),
            EventSchema(.deputyAssigned, required: ["person": .identifier]),
            EventSchema(.adminAssigned, required: ["person": .identifier, "assigned_by": .identifier]),
            EventSchema(.adminUnassigned, required: ["person": .identifier, "by": .identifier]),
            EventSchema(
                .personRegistered,
                group: .none,
                required: ["person": .identifier, "position": .text, "unit": .text],
                optional: ["fields": .texts]
            ),
            EventSchema(.accountBound, group: .none, required: ["person": .identifier, "account": .identifier]),
            EventSchema(.accountUnbound, group: .none, required: ["person": .identifier, "account": .identifier]),
            EventSchema(
                .accountChangeReported,
                required: [
                    "person": .identifier, "old_account": .identifier, "new_account": .identifier,
                    "reported_via": .identifier,
                ]
            ),
            EventSchema(
                .accountChangeApproved,
                required: ["person": .identifier, "new_account": .identifier, "approved_by": .identifier]
            ),
            EventSchema(
                .rulesAcknowledged,
                required: ["person": .identifier, "rulebook": .text],
                optional: ["version": .text]
            ),
            EventSchema(
                .findingReviewed,
                group: .optional,
                required: ["finding": .identifier, "verdict": .oneOf(verdicts), "reviewer": .identifier]
            ),
            // Observed on the platform.
            EventSchema(.groupCreated, optional: ["creator": .identifier]),
            EventSchema(.groupRenamed),
            EventSchema(.groupSettingsChanged, required: ["settings": .object]),
            EventSchema(.groupAdminAdded, required: ["accounts": .identifiers, "by": .identifier]),
            EventSchema(.groupAdminRemoved, required: ["accounts": .identifiers, "by": .identifier]),
            EventSchema(.groupPlatformEvent, required: ["act": .text, "raw_sha256": .sha256Hex]),
            EventSchema(
                .memberJoined,
                required: ["accounts": .identifiers],
                optional: ["added_by": .identifier, "via": .oneOf(joinVia)]
            ),
            EventSchema(.memberLeft, required: ["accounts": .identifiers]),
            EventSchema(.memberRemoved, required: ["accounts": .identifiers, "by": .identifier]),
            EventSchema(.memberBlocked, required: ["accounts": .identifiers, "by": .identifier]),
            EventSchema(
                .postCreated,
                required: ["message": .identifier, "kind": .oneOf(postKinds)],
                optional: [
                    "client_message": .identifier, "quote": .identifier, "mentions": .mentions, "source_kind": .text,
                ]
            ),
            EventSchema(.postRecalled, required: ["message": .identifier]),
            EventSchema(
                .postRemoved,
                required: ["message": .identifier, "by": .identifier],
                optional: ["reason": .text]
            ),
            EventSchema(
                .reactionAdded,
                required: ["message": .identifier, "icon": .text],
                optional: ["reaction_type": .text]
            ),
            EventSchema(.messageSeen, required: ["messages": .identifiers, "accounts": .identifiers]),
            EventSchema(.messageDelivered, required: ["messages": .identifiers, "accounts": .identifiers]),
            EventSchema(
                .captureStarted,
                group: .none,
                required: ["account": .identifier],
                optional: ["session": .text]
            ),
            EventSchema(
                .captureStopped,
                group: .none,
                required: ["account": .identifier, "code": .integer],
                optional: ["session": .text, "reason": .text]
            ),
            // Directives.
            EventSchema(
                .directiveIssued,
                required: [
                    "directive": .identifier, "issuer": .identifier, "assignees": .identifiers, "due": .timestamp,
                ],
                optional: ["source_message": .identifier, "confirmed_by": .identifier]
            ),
            directiveAnswer(.directiveAcknowledged),
            directiveAnswer(.directiveProgressReported),
            directiveAnswer(.directiveDifficultyReported),
            directiveAnswer(.directiveCompleted),
            EventSchema(
                .directiveCancelled,
                required: ["directive": .identifier, "by": .identifier],
                optional: ["reason": .text]
            ),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.type, $0) })
    }()

    private static func directiveAnswer(_ type: EventType) -> EventSchema {
        EventSchema(
            type,
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
        guard let schema = types[EventType(rawValue: event.type)] else {
            throw bad(
                "type \"\(event.type)\" is not in the event catalogue (docs/EVENTS.md); importers map unknown "
                    + "source events to group.platform_event"
            )
        }
        switch schema.group {
        case .required where event.group == nil: throw bad("field \"group\" is required for \(event.type) events")
        case .none where event.group != nil: throw bad("field \"group\" does not belong in \(event.type) events")
        default: break
        }
        let data = event.data?.objectValue ?? JSONObject()
        for (field, kind) in schema.requiredInOrder {
            guard let value = data[field] else { throw bad("field \"data.\(field)\" is required for \(event.type)") }
            if let problem = kind.problem(value) { throw bad("field \"data.\(field)\" \(problem)") }
        }
        for (field, value) in data.members {
            if schema.required[field] != nil { continue }
            guard let kind = schema.optional[field] ?? (field == provenanceField ? .object : nil) else {
                let allowed = (Array(schema.required.keys) + Array(schema.optional.keys)).sorted()
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
