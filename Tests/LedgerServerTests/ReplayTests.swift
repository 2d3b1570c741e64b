import GroupDomain
import LedgerCore
import LedgerReplay
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `GET /v1/state` and `GET /v1/audit` (auditor role): what `state --json` and `audit` give, over HTTP.
@Suite struct ReplayTests {
    /// A served ledger holding the province fixture (2,828 events: groups, people, posts, directives, planted
    /// breaches of every rule).
    static func province(_ label: String) async throws -> Served {
        let served = try await Served.start(label)
        let posted = try await served.send(
            .POST,
            "/v1/events",
            token: served.importer,
            body: try Fixtures.bytes("province/events.jsonl")
        )
        #expect(posted.status == 200, "\(posted.text)")
        return served
    }

    /// The state document a replay of the first `size` records gives, read straight from the ledger's files.
    static func expectedState(_ served: Served, cutoff: StateCutoff, group: String? = nil) throws -> [UInt8] {
        var projector = Projector()
        try RecordSource.read(LedgerReader(root: served.root), size: served.ledger.size, cutoff: cutoff) {
            projector.apply($0)
        }
        return projector.state.canonicalDocument(group: group).bytes + [0x0a]
    }

    @Test func anAuditorReadsTheStateAtAnyRecordOrTimeAsTheReplayGivesIt() async throws {
        let served = try await Self.province("state")
        #expect(try await served.send(.GET, "/v1/state").status == 401)
        #expect(try await served.send(.GET, "/v1/state", token: served.importer).status == 403)

        let whole = try await served.send(.GET, "/v1/state", token: served.auditor)
        #expect(whole.status == 200, "\(whole.text)")
        #expect(whole.headers.first(name: "Content-Type") == "application/json")
        #expect(whole.body == (try Self.expectedState(served, cutoff: .everything)))
        let groups = try #require(whole.json["groups"]?.objectValue)
        #expect(groups.members.count > 1)
        let group = try #require(groups.members.first?.key)

        let one = try await served.send(.GET, "/v1/state?group=\(group)", token: served.auditor)
        #expect(one.status == 200)
        #expect(one.json["groups"]?.objectValue?.members.map(\.key) == [group])
        #expect(one.body == (try Self.expectedState(served, cutoff: .everything, group: group)))

        let early = try await served.send(.GET, "/v1/state?at=40", token: served.auditor)
        #expect(early.status == 200)
        #expect(early.body == (try Self.expectedState(served, cutoff: .seq(40))))
        #expect(early.body != whole.body)
        let dated = try await served.send(.GET, "/v1/state?at=2026-11-02", token: served.auditor)
        #expect(dated.status == 200, "\(dated.text)")

        #expect(try await served.send(.GET, "/v1/state?group=g-none", token: served.auditor).status == 404)
        let bad = try await served.send(.GET, "/v1/state?at=yesterday", token: served.auditor)
        #expect(bad.status == 400)
        #expect(bad.json["error"]?.stringValue?.contains("at yesterday") == true)
        #expect(try await served.send(.GET, "/v1/state?at=999999", token: served.auditor).status == 404)
        #expect(try await served.send(.POST, "/v1/state", token: served.auditor, body: [0x7b]).status == 405)
        try await served.stop()
    }

    @Test func anAuditorGetsTheAuditInEveryFormatAndLanguage() async throws {
        let served = try await Self.province("audit")
        #expect(try await served.send(.GET, "/v1/audit", token: served.importer).status == 403)

        let json = try await served.send(.GET, "/v1/audit", token: served.auditor)
        #expect(json.status == 200, "\(json.text)")
        var checker = RuleChecker(configuration: .default)
        try RecordSource.read(LedgerReader(root: served.root), size: served.ledger.size, cutoff: .everything) {
            checker.apply($0)
        }
        let expected = AuditReport(result: checker.result(), clock: RuleConfiguration.default.displayTime)
        #expect(json.body == JCS.serialize(expected.json(.vi)) + [0x0a])
        let findings = try #require(json.json["findings"]?.arrayValue)
        #expect(findings.contains { $0["rule"]?.stringValue?.hasPrefix("R7a") == true })

        let html = try await served.send(.GET, "/v1/audit?format=html&lang=en", token: served.auditor)
        #expect(html.status == 200)
        #expect(html.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
        #expect(html.headers.first(name: "Content-Security-Policy")?.hasPrefix("default-src 'none'") == true)
        #expect(html.headers.first(name: "X-Content-Type-Options") == "nosniff")
        #expect(html.text.contains("<html"))

        let csv = try await served.send(.GET, "/v1/audit?format=csv&table=directives", token: served.auditor)
        #expect(csv.status == 200)
        #expect(csv.headers.first(name: "Content-Type") == "text/csv; charset=utf-8")
        let text = try await served.send(.GET, "/v1/audit?format=text&to=2026-11-03", token: served.auditor)
        #expect(text.status == 200)
        #expect(text.text != (try await served.send(.GET, "/v1/audit?format=text", token: served.auditor)).text)

        #expect(try await served.send(.GET, "/v1/audit?format=pdf", token: served.auditor).status == 400)
        #expect(try await served.send(.GET, "/v1/audit?lang=fr", token: served.auditor).status == 400)
        #expect(try await served.send(.GET, "/v1/audit?table=people", token: served.auditor).status == 400)
        #expect(try await served.send(.GET, "/v1/audit?to=soon", token: served.auditor).status == 400)
        #expect(try await served.send(.GET, "/v1/audit?group=g-none", token: served.auditor).status == 404)
        try await served.stop()
    }

    /// Readers cannot take every core from the commits: past the replays allowed at once, 503 with `Retry-After`
    /// (here none are allowed, so that the refusal does not depend on timing), and appends still land.
    @Test func replaysPastTheLimitAreRefusedWith503() async throws {
        let served = try await Served.start("replay-limit") { $0.maxReplays = 0 }
        for path in ["/v1/state", "/v1/audit"] {
            let refused = try await served.send(.GET, path, token: served.auditor)
            #expect(refused.status == 503)
            #expect(refused.headers.first(name: "Retry-After") == "1")
        }
        let posted = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(["busy"]))
        #expect(posted.status == 200)
        try await served.stop()
    }
}
