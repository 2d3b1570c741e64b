import GroupDomain
import LedgerCore

/// Turns a roster's rows into events once all of them are read: one person's rows must agree, and an admin's
/// assigner is the group's head found anywhere in the roster.
struct RosterRows {
    let decoder: RosterCSVDecoder

    func outcomes(_ records: [CSVRecord]) -> [ImportOutcome] {
        var entries: [Result<RosterEntry, ImportError>] = records.map { record in
            Result { () throws(ImportError) in try RosterEntry(record, decoder: decoder) }
        }
        var registered: [String: RosterEntry] = [:]
        var heads: [String: [String]] = [:]
        for index in entries.indices {
            guard case .success(let entry) = entries[index] else { continue }
            if let first = registered[entry.person] {
                if first.position != entry.position || first.unit != entry.unit {
                    entries[index] = .failure(
                        ImportError(
                            entry.location,
                            "person \(entry.person) has position \"\(entry.position)\" and unit \"\(entry.unit)\" "
                                + "here but \"\(first.position)\", \"\(first.unit)\" on row \(first.location.number)"
                        )
                    )
                    continue
                }
            } else {
                registered[entry.person] = entry
            }
            if entry.role == .head, let group = entry.group, !(heads[group]?.contains(entry.person) ?? false) {
                heads[group, default: []].append(entry.person)
            }
        }
        var emitted: Set<String> = []
        return entries.map { result in
            switch result {
            case .failure(let error):
                return .rejected(error)
            case .success(let entry):
                do throws(ImportError) {
                    let drafts = try self.drafts(for: entry, heads: heads).filter { emitted.insert($0.id).inserted }
                    return Mapped.drafts(drafts).outcome(
                        format: .rosterCSV,
                        source: decoder.source,
                        location: entry.location
                    )
                } catch {
                    return .rejected(error)
                }
            }
        }
    }

    private func drafts(for entry: RosterEntry, heads: [String: [String]]) throws(ImportError) -> [EventDraft] {
        let time = decoder.options.time.text
        let actor = decoder.options.actor
        let sha = decoder.sha
        var drafts: [EventDraft] = []
        let digest = sha.hash(Array((entry.position + "\n" + entry.unit).utf8)).hexPrefix(16)
        var person = EventDraft(
            id: IdempotencyKey.make("roster", ["person", entry.person, digest], sha: sha),
            type: .personRegistered,
            time: time,
            actor: actor,
            group: nil
        )
        person.set("person", .string(entry.person))
        person.set("position", .string(entry.position))
        person.set("unit", .string(entry.unit))
        person.setContent("full_name", .string(entry.fullName))
        drafts.append(person)
        if let account = entry.account {
            var bound = EventDraft(
                id: IdempotencyKey.make("roster", ["account", entry.person, account], sha: sha),
                type: .accountBound,
                time: time,
                actor: actor,
                group: nil
            )
            bound.set("person", .string(entry.person))
            bound.set("account", .string(account))
            drafts.append(bound)
        }
        guard let type = entry.role.eventType, let group = entry.group else { return drafts }
        var role = EventDraft(
            id: IdempotencyKey.make("roster", [entry.role.rawValue, group, entry.person], sha: sha),
            type: type,
            time: time,
            actor: actor,
            group: group
        )
        role.set("person", .string(entry.person))
        if entry.role == .admin {
            let assigner: String
            if let given = entry.assignedBy {
                assigner = given
            } else {
                let candidates = heads[group] ?? []
                guard candidates.count == 1 else {
                    throw ImportError(
                        entry.location,
                        field: "column \"assigned_by\"",
                        candidates.isEmpty
                            ? "admin.assigned needs who assigned the admin: the roster has no head for \(group); add "
                                + "the head's row or an assigned_by column"
                            : "the roster has \(candidates.count) heads for \(group) (\(candidates.joined(separator: ", ")))"
                                + ": say who assigned the admin in an assigned_by column"
                    )
                }
                assigner = candidates[0]
            }
            role.id = IdempotencyKey.make("roster", ["admin", group, entry.person, assigner], sha: sha)
            role.set("assigned_by", .string(assigner))
        }
        drafts.append(role)
        return drafts
    }
}
