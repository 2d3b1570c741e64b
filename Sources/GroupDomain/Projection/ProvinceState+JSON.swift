public import LedgerCore

extension ProvinceState {
    /// The state as one canonical JSON document (RFC 8785 bytes) and its hash.
    ///
    /// `state_hash` is the SHA-256 of the canonical bytes of the document *without* the `state_hash` member; it
    /// is then added, so anyone can recompute it from the printed document. Maps are JSON objects keyed by id and
    /// lists are in ledger order, so the same ledger always prints the same bytes.
    ///
    /// - Parameter group: print only this group, its directives and the persons who hold a role, a membership or
    ///   an acknowledgement in it.
    /// - Returns: the bytes (no trailing newline) and the hash.
    public func canonicalDocument(group: String? = nil) -> (bytes: [UInt8], hash: Hash) {
        let body = document(group: group)
        let hash = SHA256().hash(JCS.serialize(body))
        guard case .object(let object) = body else { return (JCS.serialize(body), hash) }
        let complete = JSONObject(members: object.members + [(key: "state_hash", value: .string(hash.hex))])
        return (JCS.serialize(.object(complete)), hash)
    }

    /// The state as JSON, without `state_hash`.
    public func document(group: String? = nil) -> JSONValue {
        let shownGroups = groups.values.filter { group == nil || $0.id == group }
        let shownPersons = group == nil ? Set(persons.keys) : Set(shownGroups.flatMap { persons(in: $0) })
        var members: [(String, JSONValue?)] = [
            ("through", through?.json ?? .null),
            ("events", JSONBuilding.number(events)),
            ("groups", JSONBuilding.object(keyedBy: shownGroups.map(\.id)) { groups[$0]!.json(bindings: bindings) }),
            ("persons", JSONBuilding.object(keyedBy: shownPersons) { persons[$0]?.json ?? .null }),
            (
                "directives",
                JSONBuilding.object(keyedBy: directives.values.filter { group == nil || $0.group == group }.map(\.id)) {
                    directives[$0]!.json
                }
            ),
            ("captures", captures.json),
        ]
        if group == nil {
            members += [
                (
                    "reviews",
                    JSONBuilding.object(keyedBy: reviews.keys) { id in
                        let review = reviews[id]!
                        return [
                            "verdict": .string(review.verdict), "reviewer": .string(review.reviewer),
                            "record": review.mark.json,
                        ]
                    }
                ),
                (
                    "withheld",
                    JSONBuilding.object(keyedBy: withholdings.keys) { seq in
                        ["reason": .string(withholdings[seq]!.reason), "record": withholdings[seq]!.mark.json]
                    }
                ),
                ("unmatched_directive_events", .array(unmatchedDirectiveEvents.map(\.json))),
            ]
        }
        return JSONBuilding.object(members)
    }

    /// Every person who holds a role, a membership or an acknowledgement in `group`.
    private func persons(in group: GroupState) -> [String] {
        var found = Set(group.deputies.keys).union(group.admins.keys).union(group.acknowledgements.keys)
        if let head = group.head { found.insert(head.holder) }
        for account in group.members.keys { if let person = bindings[account] { found.insert(person) } }
        return Array(found)
    }
}

extension RecordedText {
    /// The members for a text field: `name` with the text, or `name_withheld: true`.
    func members(_ name: String) -> [(String, JSONValue?)] {
        switch self {
        case .text(let text): [(name, .string(text))]
        case .withheld: [(name + "_withheld", .bool(true))]
        }
    }
}

extension GroupState {
    func json(bindings: [String: String]) -> JSONValue {
        var members: [(String, JSONValue?)] = name?.members("name") ?? []
        members += [
            ("first_seen", firstSeen.json),
            ("field", JSONBuilding.string(field)),
            ("decision", JSONBuilding.string(decision)),
            ("registered", registered?.json),
            ("creator", JSONBuilding.string(creator)),
            ("head", head.map { ["person": .string($0.holder), "since": $0.since.json] }),
            ("deputies", JSONBuilding.object(keyedBy: deputies.keys) { ["since": deputies[$0]!.since.json] }),
            (
                "admins",
                JSONBuilding.object(keyedBy: admins.keys) { person in
                    JSONBuilding.object([
                        ("assigned_by", JSONBuilding.string(admins[person]!.by)), ("since", admins[person]!.since.json),
                    ])
                }
            ),
            (
                "platform_admins",
                JSONBuilding.object(keyedBy: platformAdmins.keys) { account in
                    JSONBuilding.object([
                        ("by", JSONBuilding.string(platformAdmins[account]!.by)),
                        ("since", platformAdmins[account]!.since.json),
                    ])
                }
            ),
            (
                "members",
                JSONBuilding.object(keyedBy: self.members.keys) { account in
                    let membership = self.members[account]!
                    return JSONBuilding.object([
                        ("person", JSONBuilding.string(bindings[account])), ("since", membership.since.json),
                        ("added_by", JSONBuilding.string(membership.addedBy)),
                        ("via", JSONBuilding.string(membership.via)),
                    ])
                }
            ),
            ("member_count", JSONBuilding.number(self.members.count)),
            ("settings", settings.map { ["value": $0.value, "since": $0.mark.json] }),
            (
                "acknowledgements",
                JSONBuilding.object(keyedBy: acknowledgements.keys) { person in
                    let acknowledgement = acknowledgements[person]!
                    return JSONBuilding.object([
                        ("rulebook", .string(acknowledgement.rulebook)),
                        ("version", JSONBuilding.string(acknowledgement.version)),
                        ("record", acknowledgement.mark.json),
                    ])
                }
            ),
            (
                "posts",
                JSONBuilding.object([
                    ("created", JSONBuilding.number(posts)), ("recalled", JSONBuilding.number(recalled)),
                    ("removed", JSONBuilding.number(removed)), ("last", lastPost?.json),
                ])
            ),
        ]
        return JSONBuilding.object(members)
    }
}

extension PersonState {
    var json: JSONValue {
        var members: [(String, JSONValue?)] = fullName?.members("full_name") ?? []
        members += [
            ("position", JSONBuilding.string(position)),
            ("unit", JSONBuilding.string(unit)),
            ("fields", fields.isEmpty ? nil : .array(fields.map { .string($0) })),
            ("registered", registered?.json),
            (
                "accounts",
                .array(
                    accounts.map { period in
                        JSONBuilding.object([
                            ("account", .string(period.account)), ("bound", period.bound.json),
                            ("unbound", period.unbound?.json),
                        ])
                    }
                )
            ),
            ("current_accounts", JSONBuilding.strings(currentAccounts)),
            (
                "account_changes",
                .array(
                    changes.map { change in
                        JSONBuilding.object([
                            ("group", JSONBuilding.string(change.group)),
                            ("old_account", JSONBuilding.string(change.oldAccount)),
                            ("new_account", .string(change.newAccount)),
                            ("reported_via", JSONBuilding.string(change.reportedVia)),
                            ("reported", change.reported?.json),
                            ("approved_by", JSONBuilding.string(change.approvedBy)),
                            ("approved", change.approved?.json),
                        ])
                    }
                )
            ),
        ]
        return JSONBuilding.object(members)
    }
}

extension DirectiveState {
    var json: JSONValue {
        let people = assignees + answers.keys.filter { !assignees.contains($0) }.sorted()
        return JSONBuilding.object([
            ("group", .string(group)),
            ("issuer", .string(issuer)),
            ("assignees", JSONBuilding.strings(assignees)),
            ("due", .string(due.text)),
            ("source_message", JSONBuilding.string(sourceMessage)),
            ("confirmed_by", JSONBuilding.string(confirmedBy)),
            ("issued", issued.json),
            (
                "cancelled",
                cancelled.map { cancellation in
                    JSONBuilding.object([
                        ("by", .string(cancellation.by)), ("reason", JSONBuilding.string(cancellation.reason)),
                        ("record", cancellation.mark.json),
                    ])
                }
            ),
            (
                "answers",
                JSONBuilding.object(keyedBy: people) { person in
                    let progress = answers[person] ?? AssigneeProgress()
                    return JSONBuilding.object([
                        ("status", .string(status(of: person).rawValue)),
                        ("acknowledged", progress.acknowledged?.json),
                        ("progress", .array(progress.progress.map(\.json))),
                        ("difficulties", .array(progress.difficulties.map(\.json))),
                        ("completed", progress.completed?.json),
                    ])
                }
            ),
        ])
    }
}

extension CaptureLog {
    var json: JSONValue {
        [
            "sessions": .array(
                sessions.map { session in
                    JSONBuilding.object([
                        ("account", .string(session.account)), ("session", JSONBuilding.string(session.session)),
                        ("started", session.started?.json), ("stopped", session.stopped?.json),
                        ("code", session.code.map { JSONBuilding.number($0) }),
                        ("reason", JSONBuilding.string(session.reason)),
                    ])
                }
            ),
            "gaps": .array(gaps.map(\.json)),
        ]
    }
}

extension CaptureGap {
    var json: JSONValue {
        JSONBuilding.object([
            ("account", .string(account)), ("from", from.json), ("to", to?.json),
            ("code", code.map { JSONBuilding.number($0) }),
        ])
    }
}
