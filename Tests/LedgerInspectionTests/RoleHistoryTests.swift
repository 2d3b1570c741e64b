import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerReplay
import LedgerStorage
import Testing

/// A person's parts in groups over time (``InspectionView/roles(of:)``) are what a replay says after each record.
@Suite struct RoleHistoryTests {
    static let group = "g-1"

    /// One event of the small history, a minute after the one before.
    static func event(_ number: Int, _ type: String, group: Bool = true, _ data: JSONValue) -> EventEnvelope {
        EventEnvelope(
            id: "roles:\(number)",
            type: type,
            time: Timestamp(Timestamp.format(unixMillis: 1_793_000_000_000 + Int64(number) * 60_000))!,
            actor: "vp-ubnd",
            group: group ? Self.group : nil,
            data: data
        )
    }

    /// A head replaced (and the new one appointed again), an admin reassigned, a member who left and rejoined,
    /// an account moved to another person, and a platform admin added and removed.
    static let history: [EventEnvelope] = [
        event(0, "account.bound", group: false, ["person": "p-a", "account": "acc-1"]),
        event(1, "account.bound", group: false, ["person": "p-b", "account": "acc-2"]),
        event(2, "head.assigned", ["person": "p-a"]),
        event(3, "admin.assigned", ["person": "p-b", "assigned_by": "p-a"]),
        event(4, "member.joined", ["accounts": ["acc-1", "acc-2"]]),
        event(5, "deputy.assigned", ["person": "p-c"]),
        event(6, "head.assigned", ["person": "p-b"]),
        event(7, "admin.unassigned", ["person": "p-b", "by": "p-b"]),
        event(8, "admin.assigned", ["person": "p-a", "assigned_by": "p-b"]),
        event(9, "member.left", ["accounts": ["acc-1"]]),
        event(10, "member.joined", ["accounts": ["acc-1"]]),
        event(11, "account.bound", group: false, ["person": "p-c", "account": "acc-1"]),
        event(12, "account.bound", group: false, ["person": "p-a", "account": "acc-3"]),
        event(13, "group.admin_added", ["accounts": ["acc-3"], "by": "acc-2"]),
        event(14, "group.admin_removed", ["accounts": ["acc-3"], "by": "acc-2"]),
        event(15, "head.assigned", ["person": "p-b"]),
        event(16, "member.joined", ["accounts": ["acc-9"]]),
    ]

    /// A ledger holding ``history``, its inspection view and its records as a replay reads them.
    static func subject(_ label: String) throws -> (root: String, view: InspectionView, records: [RecordedEvent]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roles-\(label)-\(UUID().uuidString)")
            .path
        let ledger = try Ledger.create(at: root, origin: "example.org/roles")
        _ = try ledger.append(history)
        let size = ledger.size
        ledger.close()
        let inspection = Inspection(configuration: .default)
        let reader = try LedgerReader(root: root)
        try inspection.catchUp(reader: reader, size: size)
        var records: [RecordedEvent] = []
        try RecordSource.read(reader, size: size, cutoff: .everything) { records.append($0) }
        return (root, inspection.view, records)
    }

    /// The parts `id` holds in the groups of `state`, as the person page lists them: head, deputy and admin as
    /// the person, platform admin and member through the accounts bound to them then (an id nobody registers is its
    /// own account).
    static func held(_ id: String, in state: ProvinceState, registered: Bool) -> Set<String> {
        let accounts = registered ? state.persons[id]?.currentAccounts ?? [] : [id]
        var held: Set<String> = []
        for group in state.groups.values {
            if group.head?.holder == id { held.insert(group.id + " head") }
            if group.deputies[id] != nil { held.insert(group.id + " deputy") }
            if group.admins[id] != nil { held.insert(group.id + " admin") }
            for account in accounts {
                if group.platformAdmins[account] != nil { held.insert(group.id + " platformAdmin " + account) }
                if group.members[account] != nil { held.insert(group.id + " member " + account) }
            }
        }
        return held
    }

    static func name(_ role: GroupRole) -> String {
        switch role.kind {
        case .head: role.group + " head"
        case .deputy: role.group + " deputy"
        case .admin: role.group + " admin"
        case .platformAdmin(let account): role.group + " platformAdmin " + account
        case .member(let account): role.group + " member " + account
        }
    }

    /// For every record and every person: the parts whose span covers the record are the parts a replay up to it
    /// gives, and a part's spans never touch (a span ends where a replay says the part ended).
    static func checkAgainstReplay(_ view: InspectionView, _ records: [RecordedEvent], people: [String]) {
        let roles = Dictionary(uniqueKeysWithValues: people.map { ($0, view.roles(of: $0)) })
        var projector = Projector()
        for record in records {
            projector.apply(record)
            for id in people {
                let expected = held(id, in: projector.state, registered: view.state.persons[id] != nil)
                let covering = roles[id]!.filter {
                    $0.since.seq <= record.seq && $0.until.map { record.seq < $0.seq } ?? true
                }
                #expect(Set(covering.map(name)) == expected, "\(id) after record \(record.seq)")
                #expect(covering.count == expected.count, "\(id) after record \(record.seq): overlapping spans")
            }
        }
        for id in people {
            for role in roles[id]! {
                #expect(role.since.timeMillis == records[Int(role.since.seq)].event.time.unixMillis)
                if let until = role.until {
                    #expect(until.seq > role.since.seq)
                    #expect(until.timeMillis == records[Int(until.seq)].event.time.unixMillis)
                }
            }
        }
    }

    @Test func endedPartsAreListedWithTheRecordsThatGaveAndEndedThem() throws {
        let subject = try Self.subject("small")
        defer { try? FileManager.default.removeItem(atPath: subject.root) }
        let view = subject.view
        // Record 0 is the ledger's own first event: event n of the history is record n + 1.
        func spans(_ id: String) -> [String] {
            view.roles(of: id).map { role in
                Self.name(role) + " \(role.since.seq - 1)..<" + (role.until.map { "\($0.seq - 1)" } ?? "now")
            }
        }
        #expect(
            spans("p-a") == [
                "g-1 head 2..<6", "g-1 member acc-1 4..<9", "g-1 admin 8..<now", "g-1 member acc-1 10..<11",
                "g-1 platformAdmin acc-3 13..<14",
            ]
        )
        #expect(spans("p-b") == ["g-1 admin 3..<7", "g-1 member acc-2 4..<now", "g-1 head 6..<now"])
        #expect(spans("p-c") == ["g-1 deputy 5..<now", "g-1 member acc-1 11..<now"])
        #expect(spans("acc-9") == ["g-1 member acc-9 16..<now"], "an account nobody registered")
        #expect(view.person("p-a")?.roles == view.roles(of: "p-a"))
        #expect(view.roles(of: "p-nobody").isEmpty)
        Self.checkAgainstReplay(view, subject.records, people: ["p-a", "p-b", "p-c", "acc-1", "acc-9", "p-nobody"])
    }

    @Test func everyPersonOfTheProvinceHoldsWhatAReplaySaysAfterEachRecord() throws {
        let subject = try IndexTests.subject("roles")
        defer { subject.ledger.remove() }
        let view = subject.view
        let people = view.state.persons.keys.sorted()
        #expect(people.contains { id in view.roles(of: id).contains { !$0.isCurrent } }, "some part ended")
        Self.checkAgainstReplay(view, subject.records, people: people)
    }
}
