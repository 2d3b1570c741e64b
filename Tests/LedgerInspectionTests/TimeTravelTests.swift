import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerReplay
import LedgerStorage
import Testing

/// A group's state at a record or a time is what a replay with that cutoff gives.
@Suite struct TimeTravelTests {
    @Test func aGroupAtAnyRecordOrTimeIsWhatAReplayWithThatCutoffGives() throws {
        let subject = try IndexTests.subject("travel")
        defer { subject.ledger.remove() }
        let view = subject.view
        let reader = try subject.ledger.reader()
        let times = subject.records.map(\.event.time.unixMillis).sorted()
        var cutoffs: [StateCutoff] = [.everything]
        for step in stride(from: 0, to: subject.records.count, by: 97) { cutoffs.append(.seq(UInt64(step))) }
        for fraction in 0...12 {
            let millis = times[min(times.count - 1, times.count * fraction / 12)]
            cutoffs.append(.eventTime(Timestamp(Timestamp.format(unixMillis: millis))!))
            cutoffs.append(.eventTime(Timestamp(Timestamp.format(unixMillis: millis - 1))!))
        }
        let appended = subject.records.compactMap(\.appendedAtMillis).sorted()
        if let first = appended.first, let last = appended.last { cutoffs += [.appendTime(first), .appendTime(last)] }
        for cutoff in cutoffs {
            let expected = Projector.replay(subject.records, through: cutoff)
            for group in view.state.groups.keys.sorted() {
                let found = try view.groupState(group, at: cutoff, reader: reader)
                #expect(found == expected.groups[group], "\(group) at \(cutoff)")
            }
        }
        #expect(try view.groupState("g-none", at: .everything, reader: reader) == nil)
    }

    @Test func aBackfilledRecordIsTakenWhereItsTimePutsIt() throws {
        let ledger = try ProvinceLedger("backfill", commits: 1)
        defer { ledger.remove() }
        let writer = try Ledger.open(at: ledger.root)
        let group = "g-7301128844556677001"
        let late = EventEnvelope(
            id: "backfill:member:1",
            type: "member.joined",
            time: Timestamp("2026-11-03T08:00:00+07:00")!,
            actor: "7301000000000000040",
            group: group,
            data: ["accounts": ["7309999999999999999"]]
        )
        _ = try writer.append([late])
        let size = writer.size
        writer.close()
        let inspection = Inspection(configuration: .default)
        let reader = try LedgerReader(root: ledger.root)
        try inspection.catchUp(reader: reader, size: size)
        let records = try ledger.records(size: size)
        for text in ["2026-11-02T12:00:00+07:00", "2026-11-03T08:00:00+07:00", "2026-11-20T00:00:00+07:00"] {
            let cutoff = StateCutoff.eventTime(Timestamp(text)!)
            let found = try inspection.view.groupState(group, at: cutoff, reader: reader)
            #expect(found == Projector.replay(records, through: cutoff).groups[group], "\(text)")
        }
        let afterBackfill = try inspection.view.groupState(
            group,
            at: .eventTime(Timestamp("2026-11-20T00:00:00+07:00")!),
            reader: reader
        )
        #expect(afterBackfill?.members["7309999999999999999"] != nil)
    }
}
