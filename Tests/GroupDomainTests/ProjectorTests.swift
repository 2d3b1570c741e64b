import GroupDomain
import LedgerCore
import Testing

@Suite struct ProjectorTests {
    @Test func foldsRolesMembersAndBindings() {
        var story = Story.wellRun(members: 3)
        story.add("deputy.assigned", day: 3, hour: 8, data: ["person": "p-3"])
        story.add("group.admin_added", day: 3, hour: 8, actor: "a-1", data: ["accounts": ["a-2"], "by": "a-1"])
        story.add("member.left", day: 3, hour: 9, actor: "a-3", data: ["accounts": ["a-3"]])
        story.add("group.renamed", day: 3, hour: 10, actor: "a-1", content: ["name": "Nhóm mới"])
        story.add("group.settings_changed", day: 3, hour: 10, actor: "a-1", data: ["settings": ["joinAppr": 1]])
        let state = Projector.replay(story.records)
        let group = state.groups["g-1"]!
        #expect(group.head?.holder == "p-1")
        #expect(group.admins["p-2"]?.by == "p-1")
        #expect(Set(group.deputies.keys) == ["p-3"])
        #expect(group.platformAdmins["a-2"]?.by == "a-1")
        #expect(Set(group.members.keys) == ["a-1", "a-2"])
        #expect(group.name == .text("Nhóm mới"))
        #expect(group.field == "Tài chính")
        #expect(group.settings?.value == ["joinAppr": 1])
        #expect(group.acknowledgements.count == 3)
        #expect(state.person(of: "a-2") == "p-2")
        #expect(state.persons["p-2"]?.fullName == .text("Người 2"))
    }

    @Test func withheldNamesSayWithheld() {
        var story = Story()
        story.add(
            "group.registered",
            day: 2,
            hour: 9,
            data: ["field": "Y tế", "decision": "2547/QĐ-UBND"],
            withheld: true
        )
        story.add(
            "person.registered",
            day: 2,
            hour: 9,
            group: nil,
            data: ["person": "p-1", "position": "x", "unit": "y"],
            withheld: true
        )
        let state = Projector.replay(story.records)
        #expect(state.groups["g-1"]?.name == .withheld)
        #expect(state.persons["p-1"]?.fullName == .withheld)
        let json = String(decoding: state.canonicalDocument().bytes, as: UTF8.self)
        #expect(json.contains(#""name_withheld":true"#))
        #expect(json.contains(#""full_name_withheld":true"#))
    }

    @Test func accountHistoryAndChanges() {
        var story = Story.wellRun(members: 2)
        story.add(
            "account.change_reported",
            day: 5,
            hour: 8,
            data: ["person": "p-1", "old_account": "a-1", "new_account": "b-1", "reported_via": "p-2"]
        )
        story.add(
            "account.change_approved",
            day: 5,
            hour: 9,
            data: ["person": "p-1", "new_account": "b-1", "approved_by": "p-1"]
        )
        story.add("account.bound", day: 5, hour: 10, group: nil, data: ["person": "p-1", "account": "b-1"])
        story.add("account.unbound", day: 5, hour: 10, group: nil, data: ["person": "p-1", "account": "a-1"])
        let person = Projector.replay(story.records).persons["p-1"]!
        #expect(person.accounts.map(\.account) == ["a-1", "b-1"])
        #expect(person.accounts[0].unbound != nil)
        #expect(person.currentAccounts == ["b-1"])
        #expect(person.changes.count == 1)
        #expect(person.changes[0].reportedVia == "p-2")
        #expect(person.changes[0].approvedBy == "p-1")
    }

    @Test func directiveStatusPerAssignee() {
        var story = Story.wellRun(members: 4)
        story.add(
            "directive.issued",
            day: 3,
            hour: 8,
            data: [
                "directive": "d-1", "issuer": "p-1", "assignees": ["p-2", "p-3", "p-4"],
                "due": "2026-11-05T16:00:00+07:00",
            ]
        )
        story.add("directive.acknowledged", day: 3, hour: 9, data: ["directive": "d-1", "assignee": "p-2"])
        story.add("directive.progress_reported", day: 4, hour: 9, data: ["directive": "d-1", "assignee": "p-2"])
        story.add("directive.difficulty_reported", day: 4, hour: 10, data: ["directive": "d-1", "assignee": "p-3"])
        story.add("directive.completed", day: 5, hour: 9, data: ["directive": "d-1", "assignee": "p-3"])
        story.add("directive.acknowledged", day: 5, hour: 9, data: ["directive": "d-9", "assignee": "p-3"])
        let state = Projector.replay(story.records)
        let directive = state.directives["d-1"]!
        #expect(directive.status(of: "p-2") == .progress)
        #expect(directive.status(of: "p-3") == .completed)
        #expect(directive.status(of: "p-4") == .issued)
        #expect(state.unmatchedDirectiveEvents.count == 1)
        story.add("directive.cancelled", day: 5, hour: 10, data: ["directive": "d-1", "by": "p-1"])
        let cancelled = Projector.replay(story.records).directives["d-1"]!
        #expect(cancelled.status(of: "p-2") == .cancelled)
        #expect(cancelled.status(of: "p-3") == .completed)
    }

    @Test func captureSessionsAndGaps() {
        var story = Story()
        story.add("capture.started", day: 2, hour: 7, actor: "c", group: nil, data: ["account": "c"])
        story.add("capture.stopped", day: 3, hour: 7, actor: "c", group: nil, data: ["account": "c", "code": 3000])
        story.add("capture.started", day: 4, hour: 7, actor: "c", group: nil, data: ["account": "c"])
        story.add("capture.stopped", day: 5, hour: 7, actor: "c", group: nil, data: ["account": "c", "code": 1006])
        let captures = Projector.replay(story.records).captures
        #expect(captures.sessions.count == 2)
        #expect(captures.gaps.count == 2)
        #expect(captures.gaps[0].from.seq == 2 && captures.gaps[0].to?.seq == 3 && captures.gaps[0].code == 3000)
        #expect(captures.gaps[1].to == nil)
        let day3 = Story.time(3, 12).unixMillis
        #expect(captures.gaps(overlapping: day3, day3 + 1).count == 1)
        #expect(captures.gaps(overlapping: Story.time(2, 8).unixMillis, Story.time(2, 9).unixMillis).isEmpty)
    }

    /// The same records always give the same bytes and the same hash, whatever order dictionaries iterate in.
    @Test func replayIsDeterministic() {
        let story = Story.wellRun(members: 6)
        let first = Projector.replay(story.records).canonicalDocument()
        for _ in 0..<5 {
            let again = Projector.replay(story.records).canonicalDocument()
            #expect(again.bytes == first.bytes)
            #expect(again.hash == first.hash)
        }
        let parsed = try? JSONParser().parse(first.bytes)
        #expect(parsed?["state_hash"]?.stringValue == first.hash.hex)
        #expect(JCS.serialize(Projector.replay(story.records).document()).count < first.bytes.count)
        #expect(SHA256().hash(JCS.serialize(Projector.replay(story.records).document())) == first.hash)
    }

    /// State at every past record equals a replay of just that prefix, and resuming from any saved state (a
    /// snapshot) gives the same state as a replay from scratch.
    @Test func stateAtEveryPastRecordEqualsReplayOfThePrefix() {
        var story = Story.wellRun(members: 3)
        story.add("admin.assigned", day: 4, hour: 8, data: ["person": "p-3", "assigned_by": "p-1"])
        story.add("admin.unassigned", day: 4, hour: 9, data: ["person": "p-2", "by": "p-1"])
        story.add("member.removed", day: 4, hour: 10, actor: "a-1", data: ["accounts": ["a-2"], "by": "a-1"])
        let records = story.records
        let full = Projector.replay(records)
        for last in 0...records.count {
            let prefix = Array(records.prefix(last))
            let atSeq = Projector.replay(records, through: .seq(UInt64(last)))
            #expect(atSeq == Projector.replay(prefix), "state at record \(last)")
            var resumed = Projector(resuming: atSeq)
            for record in records.dropFirst(last) { resumed.apply(record) }
            #expect(resumed.state == full, "resumed from record \(last)")
            #expect(resumed.state.canonicalDocument().bytes == full.canonicalDocument().bytes)
        }
    }

    @Test func eventTimeAndAppendTimeCutoffs() {
        var story = Story.wellRun(members: 2)
        story.add("admin.unassigned", day: 9, hour: 9, data: ["person": "p-2", "by": "p-1"])
        // Recorded late: the deputy was assigned on 3 November.
        story.add("deputy.assigned", day: 3, hour: 9, data: ["person": "p-2"])
        let before = Projector.replay(story.records, through: .eventTime(Story.time(5, 0)))
        #expect(before.groups["g-1"]?.admins["p-2"] != nil)
        #expect(before.groups["g-1"]?.deputies["p-2"] != nil)
        let knownAtSecondLast = Projector.replay(
            story.records,
            through: .appendTime(Int64(story.records.count - 1) * 1000)
        )
        #expect(knownAtSecondLast.groups["g-1"]?.admins["p-2"] == nil)
        #expect(knownAtSecondLast.groups["g-1"]?.deputies["p-2"] == nil)
    }

    @Test func groupFilterKeepsItsPeopleOnly() throws {
        var story = Story.wellRun(members: 2)
        story.add(
            "group.registered",
            day: 2,
            hour: 9,
            group: "g-2",
            data: ["field": "Y tế", "decision": "2547/QĐ-UBND"]
        )
        story.add(
            "person.registered",
            day: 2,
            hour: 9,
            group: nil,
            data: ["person": "p-9", "position": "x", "unit": "y"]
        )
        let document = try JSONParser().parse(Projector.replay(story.records).canonicalDocument(group: "g-1").bytes)
        #expect(document["groups"]?.objectValue?.keys == ["g-1"])
        #expect(Set(document["persons"]?.objectValue?.keys ?? []) == ["p-1", "p-2"])
    }
}
