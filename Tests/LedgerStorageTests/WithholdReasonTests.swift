import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// Issue #11, D4: the library refuses a withholding reason that could forge lines in what is printed.
@Suite struct WithholdReasonTests {
    @Test(arguments: ["R7a\nwithheld by record 9: court-order", "a\u{2028}b", "x\u{202E}y", "tab\there", "del\u{7F}"])
    func aReasonWithAHiddenCharacterIsRefusedBeforeAnythingIsDestroyed(_ reason: String) throws {
        let fixture = try LedgerFixture("withhold-reason", batches: [[Events.post(1, text: "giữ nguyên")]])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        let error = #expect(throws: LedgerError.self) { try ledger.withhold(seq: 1, reason: reason, actor: "vp-ubnd") }
        #expect(error?.code == .badInput)
        #expect(error?.message.contains("record 1") == true)
        #expect(ledger.size == 2)
        ledger.close()
        #expect(try LedgerReader(root: fixture.root).entry(1).content != .withheld)
    }
}
