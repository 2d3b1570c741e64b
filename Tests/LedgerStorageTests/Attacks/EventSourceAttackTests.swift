import Foundation
import LedgerCore
import Testing

@testable import LedgerStorage

/// SECURITY.md, attacker "event source": whatever it sends, it cannot pose as one of the ledger's own events
/// (a key change, a withholding) nor stop the writer (D1).
@Suite struct EventSourceAttackTests {
    /// An input event under the id of a key's retirement, as the attack in the issue sends it.
    private func decoy(_ id: String) -> EventEnvelope {
        EventEnvelope(
            id: id,
            type: "post.created",
            time: Timestamp("2026-11-02T09:05:00+07:00")!,
            actor: "u1",
            group: "g1",
            data: .object(JSONObject(members: [("message", .string("x")), ("kind", .string("text"))])),
            content: .object(JSONObject(members: [("text", .string("x"))]))
        )
    }

    private func keyID(_ ledger: Ledger) throws -> String {
        String(try #require(ledger.verifierKeys.first?.split(separator: "+").dropFirst().first))
    }

    @Test(arguments: ["ledger:key_retired:", "ledger:key_rotated:", "LEDGER:key_retired:", "Ledger:content_withheld:"])
    func anInputEventCannotTakeAReservedId(prefix: String) throws {
        let fixture = try LedgerFixture("reserved-id", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        defer { ledger.close() }
        let id = prefix + (try keyID(ledger))
        let before = TemporaryDirectory.snapshot(fixture.root).filter { !$0.key.hasPrefix("lock") }
        let plain = #expect(throws: LedgerError.self) { try ledger.append([Events.post(2), decoy(id)]) }
        #expect(plain?.code == .badInput)
        #expect(plain?.message.contains("event 2 of the batch") == true)
        #expect(plain?.message.contains("reserved") == true)
        let staged = try ledger.beginStagedAppend()
        let stagedError = #expect(throws: LedgerError.self) { try staged.add([PreparedEvent(decoy(id))]) }
        #expect(stagedError?.code == .badInput)
        #expect(ledger.size == 2)
        #expect(TemporaryDirectory.snapshot(fixture.root).filter { !$0.key.hasPrefix("lock") } == before)
        // And the decoder that every input line goes through says which field.
        let line = Array(
            #"{"id":"\#(id)","type":"post.created","time":"2026-11-02T09:05:00+07:00","actor":"u1","data":{}}"#.utf8
        )
        let decoded = #expect(throws: LedgerError.self) { try EnvelopeDecoder().decode(line, at: "in.jsonl line 1") }
        #expect(decoded?.message.contains(#"in.jsonl line 1: field "id""#) == true)
    }

    @Test func aLedgerEventTypeIsRefusedAtTheLibraryBoundary() throws {
        let fixture = try LedgerFixture("reserved-type", batches: [])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        defer { ledger.close() }
        var forged = decoy("anything")
        forged.type = "ledger.key_retired"
        let error = #expect(throws: LedgerError.self) { try ledger.append([forged]) }
        #expect(error?.code == .badInput)
        #expect(ledger.size == 1)
    }

    /// A ledger written before the rule may hold a decoy under a reserved id (written here through the writer's
    /// own path, as the old `append` did): recovery must not take it for a retirement, and the key must keep signing.
    @Test func aDecoyRetirementFromAnOldLedgerDoesNotRemoveTheKey() throws {
        let fixture = try LedgerFixture("decoy-retired", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        let vkey = ledger.verifierKeys[0]
        _ = try ledger.appendOwn([decoy("ledger:key_retired:" + (try keyID(ledger)))])
        ledger.close()

        let reopened = try Ledger.open(at: fixture.root)
        #expect(reopened.recovery.finishedKeyChanges.isEmpty)
        #expect(reopened.verifierKeys == [vkey])
        _ = try reopened.append([Events.post(2)])
        // A real rotation and retirement still work: the retirement event moves to an id of its own.
        let newKey = try reopened.rotateKey(actor: "vp-ubnd")
        try reopened.retireKey(vkey: vkey, actor: "vp-ubnd")
        #expect(reopened.verifierKeys == [newKey])
        reopened.close()
        let reader = try LedgerReader(root: fixture.root)
        let retirement = try reader.ownEvent(
            "ledger:key_retired:" + String(vkey.split(separator: "+")[1]),
            type: .ledgerKeyRetired
        )
        guard case .recorded(_, let event) = retirement else {
            Issue.record("the retirement was not recorded")
            return
        }
        #expect(event.id == "ledger:key_retired:\(vkey.split(separator: "+")[1])/2")
        #expect(try Verifier(root: fixture.root).run().isIntact)
    }

    /// The decoy under a withholding's id: `withhold` must neither report the decoy as its record nor destroy the
    /// content without writing its event.
    @Test func aDecoyWithholdingIsNotTakenForTheRealOne() throws {
        let fixture = try LedgerFixture("decoy-withheld", batches: [[Events.post(1)], [Events.post(2)]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.appendOwn([decoy(OwnEvent.withholdingId(of: 2))])
        #expect(try LedgerReader(root: fixture.root).withholding(of: 2) == nil)
        let eventSeq = try ledger.withhold(seq: 2, reason: "R7a-classified", actor: "vp-ubnd")
        ledger.close()
        #expect(eventSeq == 4)
        let reader = try LedgerReader(root: fixture.root)
        let found = try #require(try reader.withholding(of: 2))
        #expect(found.seq == 4 && found.reason == "R7a-classified")
        #expect(try reader.entry(4).envelope.type == "ledger.content_withheld")
        let report = try Verifier(root: fixture.root).run()
        #expect(report.isIntact, "\(report.problem?.message ?? "")")
        #expect(report.withheld == 1)
    }

    /// A decoy announcement plus a key file slipped into keys/: the key is not announced, so it is refused.
    @Test func aDecoyAnnouncementDoesNotMakeASlippedInKeyTrusted() throws {
        let fixture = try LedgerFixture("decoy-rotated", batches: [[Events.post(1)]])
        defer { fixture.remove() }
        let layout = LedgerLayout(root: fixture.root)
        let intruder = try LogKeys.make(origin: "example.org/test")
        let ledger = try Ledger.open(at: fixture.root)
        _ = try ledger.appendOwn([decoy(Ledger.rotationId(of: intruder))])
        ledger.close()
        try LogKeys.store(intruder, in: layout)
        let error = #expect(throws: LedgerError.self) { try Ledger.open(at: fixture.root) }
        #expect(error?.code == .refused)
        #expect(error?.message.contains(LogKeys.fileName(intruder)) == true)
    }
}
