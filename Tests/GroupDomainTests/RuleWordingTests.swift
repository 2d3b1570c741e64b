import GroupDomain
import Testing

/// The decision's words behind each rule, in Vietnamese and English.
@Suite struct RuleWordingTests {
    @Test func everyReportedRuleAndR8HaveTheDecisionsWordsInBothLanguages() throws {
        for rule in RuleTitle.rules + ["R8"] {
            let wording = try #require(RuleWording.of(rule), "\(rule)")
            #expect(!wording.vi.isEmpty && !wording.en.isEmpty, "\(rule)")
            #expect(wording.vi != wording.en, "\(rule) has an English rendering, not the Vietnamese again")
        }
        #expect(RuleWording.of("R7a")?.vi.contains("“Mật”, “Tối mật”, “Tuyệt mật”") == true)
        #expect(RuleWording.of("R2")?.vi.contains("mệnh lệnh hành chính") == true)
        #expect(RuleWording.of("R10") == nil)
    }
}
