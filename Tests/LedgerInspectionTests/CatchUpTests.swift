import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerReplay
import LedgerStorage
import Testing

/// Catching up commit by commit gives what one replay of every record gives: the state, the findings and the
/// directive table.
@Suite struct CatchUpTests {
    @Test func catchingUpInStepsGivesTheStateAndFindingsOfOneReplay() throws {
        let ledger = try ProvinceLedger("steps")
        defer { ledger.remove() }
        let inspection = Inspection(configuration: .default)
        #expect(inspection.view.size == 0)
        let reader = try ledger.reader()
        var applied: UInt64 = 0
        for size in [1, 40] + ledger.commitSizes {
            applied += try inspection.catchUp(reader: reader, size: size)
            #expect(inspection.view.size == size)
        }
        #expect(applied == ledger.size)
        #expect(try inspection.catchUp(reader: reader, size: ledger.size) == 0)
        #expect(try inspection.catchUp(reader: reader, size: 10) == 0)

        var checker = RuleChecker(configuration: .default)
        for record in try ledger.records() { checker.apply(record) }
        let expected = checker.result()
        let view = inspection.view
        #expect(view.state == Projector.replay(try ledger.records()))
        #expect(view.state == expected.state)
        #expect(view.audit.findings == expected.findings)
        #expect(view.audit.directives == expected.directives)
        #expect(view.audit.evaluatedAt == expected.evaluatedAt)
        #expect(view.audit.findings.count > 10)
        #expect(view.state.withholdings[ledger.classifiedSeq] != nil)
    }

    @Test func aViewTakenBeforeACatchUpStaysAsItWas() throws {
        let ledger = try ProvinceLedger("immutable", commits: 2)
        defer { ledger.remove() }
        let inspection = Inspection(configuration: .default)
        let reader = try ledger.reader()
        try inspection.catchUp(reader: reader, size: ledger.commitSizes[0])
        let early = inspection.view
        let earlyState = early.state
        let earlyProvince = early.province()
        try inspection.catchUp(reader: reader, size: ledger.size)
        #expect(early.size == ledger.commitSizes[0])
        #expect(early.state == earlyState)
        #expect(early.province() == earlyProvince)
        #expect(inspection.view.size == ledger.size)
        #expect(inspection.view.province() != earlyProvince)
    }

    @Test func readersAskWhileTheUpdaterCatchesUp() async throws {
        let ledger = try ProvinceLedger("concurrent", commits: 8)
        defer { ledger.remove() }
        let inspection = Inspection(configuration: .default)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                let reader = try ledger.reader()
                for size in ledger.commitSizes { try inspection.catchUp(reader: reader, size: size) }
            }
            for _ in 0..<4 {
                tasks.addTask {
                    var lastSize: UInt64 = 0
                    while lastSize < ledger.size {
                        let view = inspection.view
                        #expect(view.size >= lastSize)
                        #expect(view.province().size == view.size)
                        #expect(view.search("báo cáo").total <= Int(view.size))
                        lastSize = view.size
                        await Task.yield()
                    }
                }
            }
            try await tasks.waitForAll()
        }
        #expect(inspection.view.size == ledger.size)
    }
}
