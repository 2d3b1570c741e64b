import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerReplay
import LedgerStorage
import Testing

/// Each index answers what a scan of every record answers.
@Suite struct IndexTests {
    /// The province ledger caught up in steps, with its records.
    struct Subject {
        let ledger: ProvinceLedger
        let view: InspectionView
        let records: [RecordedEvent]
    }

    static func subject(_ label: String) throws -> Subject {
        let ledger = try ProvinceLedger(label)
        let inspection = Inspection(configuration: .default)
        let reader = try ledger.reader()
        for size in ledger.commitSizes { try inspection.catchUp(reader: reader, size: size) }
        return Subject(ledger: ledger, view: inspection.view, records: try ledger.records())
    }

    /// Every item of every page of a list, asking pages of `size`.
    static func allPages<Item>(size: Int, _ page: (PageRequest) -> Page<Item>?) -> [Item] {
        var items: [Item] = []
        var number = 1
        while let next = page(PageRequest(number: number, size: size)), !next.items.isEmpty {
            #expect(next.total >= items.count + next.items.count)
            items += next.items
            number += 1
        }
        return items
    }

    /// The persons and accounts each record concerns, by a replay: the actor and every id in `data` but message,
    /// directive and finding ids, with the person each is bound to at that record.
    static func parties(_ records: [RecordedEvent]) -> [UInt64: Set<String>] {
        let notParties: Set<String> = [
            "message", "messages", "client_message", "quote", "directive", "finding", "source_message", "evidence",
            "source",
        ]
        var projector = Projector()
        var parties: [UInt64: Set<String>] = [:]
        for record in records {
            projector.apply(record)
            var ids: Set<String> = [record.event.actor]
            for member in record.event.data?.objectValue?.members ?? [] where !notParties.contains(member.key) {
                let kind =
                    EventCatalogue.types[EventType(rawValue: record.event.type)]?.required[member.key]
                    ?? EventCatalogue.types[EventType(rawValue: record.event.type)]?.optional[member.key]
                guard kind == .identifier || kind == .identifiers else { continue }
                if let id = member.value.stringValue { ids.insert(id) }
                for item in member.value.arrayValue ?? [] { if let id = item.stringValue { ids.insert(id) } }
            }
            for id in ids { if let person = projector.state.person(of: id) { ids.insert(person) } }
            parties[record.seq] = ids
        }
        return parties
    }

    @Test func theGroupTimelineIsEveryRecordOfTheGroupFilteredAsAsked() throws {
        let subject = try Self.subject("timeline")
        defer { subject.ledger.remove() }
        let view = subject.view
        let parties = Self.parties(subject.records)
        #expect(view.timeline(group: "g-none") == nil)
        for group in view.state.groups.keys.sorted() {
            let ofGroup = subject.records.filter { $0.event.group == group && $0.event.type != "finding.reviewed" }
            let all = Self.allPages(size: 37) { view.timeline(group: group, page: $0) }
            #expect(all.map(\.seq) == ofGroup.map(\.seq))
            #expect(all.map(\.type) == ofGroup.map(\.event.type))
            #expect(all.map(\.timeMillis) == ofGroup.map(\.event.time.unixMillis))
            #expect(all.allSatisfy { $0.group == group })

            let newest = view.timeline(
                group: group,
                filter: TimelineFilter(newestFirst: true),
                page: PageRequest(size: 5)
            )
            #expect(newest?.items.map(\.seq) == ofGroup.suffix(5).reversed().map(\.seq))

            let types: Set<String> = ["member.joined", "head.assigned", "directive.issued"]
            let typed = Self.allPages(size: 10) {
                view.timeline(group: group, filter: TimelineFilter(types: types), page: $0)
            }
            #expect(typed.map(\.seq) == ofGroup.filter { types.contains($0.event.type) }.map(\.seq))

            let times = ofGroup.map(\.event.time.unixMillis).sorted()
            let (from, to) = (times[times.count / 4], times[times.count * 3 / 4])
            let window = Self.allPages(size: 50) {
                view.timeline(group: group, filter: TimelineFilter(fromMillis: from, toMillis: to), page: $0)
            }
            #expect(
                window.map(\.seq)
                    == ofGroup.filter { (from...to).contains($0.event.time.unixMillis) }.map(\.seq)
            )

            for person in ["p-001", "p-017", ofGroup.last!.event.actor] {
                let concerning = Self.allPages(size: 50) {
                    view.timeline(group: group, filter: TimelineFilter(person: person), page: $0)
                }
                #expect(
                    concerning.map(\.seq) == ofGroup.filter { parties[$0.seq]!.contains(person) }.map(\.seq),
                    "\(group) \(person)"
                )
            }
        }
    }

    @Test func thePersonPageListsTheRecordsRolesDirectivesAndFindingsOfThePerson() throws {
        let subject = try Self.subject("person")
        defer { subject.ledger.remove() }
        let view = subject.view
        let parties = Self.parties(subject.records)
        #expect(view.person("p-nobody") == nil)
        let people =
            view.state.persons.keys.sorted() + [subject.records.last { $0.event.type == "post.created" }!.event.actor]
        for id in people {
            let page = try #require(view.person(id, records: PageRequest(size: 1000)))
            let expected = subject.records.filter { parties[$0.seq]!.contains(id) }.map(\.seq).reversed()
            let all = Self.allPages(size: 13) { view.person(id, records: $0)?.records }
            #expect(all.map(\.seq) == Array(expected), "\(id)")
            #expect(page.state == view.state.persons[id])
            #expect(page.person.id == id)

            let expectedFindings = view.audit.findings.filter { finding in
                finding.subject == id || finding.subject.map { view.state.person(of: $0) == id } == true
            }
            #expect(page.findings.map(\.finding) == expectedFindings, "\(id)")

            let expectedDirectives = view.state.directives.values.filter {
                $0.issuer == id || $0.assignees.contains(id) || $0.answers[id] != nil
            }
            #expect(Set(page.directives.map(\.directive.id)) == Set(expectedDirectives.map(\.id)))

            let accounts = view.state.persons[id]?.currentAccounts ?? [id]
            for group in view.state.groups.values {
                let isHead = group.head?.holder == id
                let current = page.roles.filter(\.isCurrent)
                #expect(current.contains { $0.group == group.id && $0.kind == .head } == isHead)
                for account in accounts {
                    #expect(
                        current.contains { $0.group == group.id && $0.kind == .member(account: account) }
                            == (group.members[account] != nil)
                    )
                }
            }
        }
        let named = try #require(view.person("p-001"))
        #expect(named.person.fullName == "Huỳnh Hữu Yến")
        #expect(named.person.labelVI == "p-001 Huỳnh Hữu Yến (Phó Chủ tịch UBND tỉnh, UBND tỉnh)")
        #expect(named.records.items.allSatisfy { $0.actor.labelVI.hasPrefix($0.actor.id) })
    }

    @Test func findingsFilterByRuleGroupPersonStatusAndTimeAsAScanDoes() throws {
        let subject = try Self.subject("findings")
        defer { subject.ledger.remove() }
        let view = subject.view
        let findings = view.audit.findings
        let everything = Self.allPages(size: 7) { view.findings(page: $0) }
        #expect(everything.map(\.finding) == findings)
        let times = findings.map(\.time).sorted()
        let filters: [FindingFilter] =
            Set(findings.map(\.rule)).sorted().map { FindingFilter(rules: [$0]) }
            + Set(findings.compactMap(\.group)).sorted().map { FindingFilter(group: $0) }
            + Set(findings.compactMap(\.subject)).sorted().map { FindingFilter(person: $0) }
            + FindingStatus.allCases.map { FindingFilter(status: $0) }
            + [
                FindingFilter(rules: ["R7a", "R9"], status: .open),
                FindingFilter(fromMillis: times[times.count / 3], toMillis: times[times.count * 2 / 3]),
                FindingFilter(rules: ["R1"], group: findings.first { $0.rule == "R1" }?.group),
            ]
        for filter in filters {
            let expected = findings.filter { finding in
                (filter.rules.isEmpty || filter.rules.contains(finding.rule))
                    && (filter.group.map { finding.group == $0 } ?? true)
                    && (filter.person.map { finding.subject == $0 || finding.subject.map(view.state.person) == $0 }
                        ?? true)
                    && (filter.status.map { FindingStatus(finding) == $0 } ?? true)
                    && (filter.fromMillis.map { finding.time >= $0 } ?? true)
                    && (filter.toMillis.map { finding.time <= $0 } ?? true)
            }
            let found = Self.allPages(size: 5) { view.findings(filter, page: $0) }
            #expect(found.map(\.finding) == expected, "\(filter)")
        }
        #expect(view.findings(FindingFilter(status: .open)).total > 0)
        #expect(
            view.findings(FindingFilter(status: .resolved)).total
                + view.findings(FindingFilter(status: .dismissed)).total > 0
        )
        let first = try #require(findings.first)
        #expect(view.finding(id: first.id)?.finding == first)
        #expect(view.finding(id: "R0:none") == nil)
    }

    @Test func theProvinceAndDirectivePagesCountWhatTheStateAndAuditHold() throws {
        let subject = try Self.subject("province")
        defer { subject.ledger.remove() }
        let view = subject.view
        let province = view.province()
        #expect(province.size == subject.ledger.size)
        #expect(province.groups.map(\.id) == view.state.groups.keys.sorted())
        for summary in province.groups {
            let group = try #require(view.state.groups[summary.id])
            #expect(summary.memberCount == group.members.count)
            #expect(summary.head?.id == group.head?.holder)
            #expect(Set(summary.admins.map(\.id)) == Set(group.admins.keys))
            var open: [String: Int] = [:]
            for finding in view.audit.findings where finding.group == group.id && finding.isOpen {
                open[finding.rule, default: 0] += 1
            }
            #expect(summary.openFindingsByRule == open)
            #expect(summary.overdueDirectives == view.audit.directives.count { $0.group == group.id && $0.overdue })
        }
        #expect(province.openFindingsByRule.values.reduce(0, +) == view.audit.findings.count { $0.isOpen })
        #expect(province.withheldRecords == 1)

        let directives = view.directives()
        #expect(directives.map(\.directive.id).sorted() == view.state.directives.keys.sorted())
        #expect(
            directives.flatMap(\.assignments).map(\.row).sorted { $0.directive < $1.directive }.count
                == view.audit.directives.count
        )
        let overdue = view.directives(overdueOnly: true)
        #expect(Set(overdue.map(\.directive.id)) == Set(view.audit.directives.filter(\.overdue).map(\.directive)))
        for group in view.state.groups.keys {
            #expect(view.directives(group: group).allSatisfy { $0.directive.group == group })
        }
    }
}
