import GroupDomain
import LedgerCore
import Testing

@Suite struct RuleConfigurationTests {
    @Test func theBundledDefaultsParse() {
        let configuration = RuleConfiguration.default
        #expect(configuration.severity("R7a", "post") == .critical)
        #expect(configuration.severity("R4", "unbound-account") == .low)
        #expect(configuration.severity("R4", "unreported-switch") == .high)
        #expect(configuration.directiveAcknowledgementHours == 24)
        #expect(configuration.displayTime.offsetMinutes == 420)
        #expect(configuration.emotionPostKinds.contains("sticker"))
    }

    @Test func aFileOnlyChangesWhatItNames() throws {
        let configuration = try RuleConfiguration(
            json: Array(#"{"R9":{"acknowledgement_hours":4},"severity":{"R5":"medium","R9:no-progress":"high"}}"#.utf8)
        )
        #expect(configuration.directiveAcknowledgementHours == 4)
        #expect(configuration.reactionAcknowledges)
        #expect(configuration.severity("R5", "no-acknowledgement") == .medium)
        #expect(configuration.severity("R9", "no-progress") == .high)
        #expect(configuration.severity("R9", "no-acknowledgement") == .medium)
        #expect(configuration.severity("R7a", "post") == .critical)
    }

    @Test(arguments: [
        (#"{"R9":{"acknowledgment_hours":4}}"#, "unknown member \"R9.acknowledgment_hours\""),
        (#"{"R1":{"grace_hours":"72"}}"#, "\"R1.grace_hours\" must be a number"),
        (#"{"R1":{"grace_hours":-1}}"#, "\"R1.grace_hours\" must be a whole number"),
        (#"{"severity":{"R1":"urgent"}}"#, "\"severity.R1\" must be one of"),
        (#"{"R7":{"emotion_post_kinds":"sticker"}}"#, "\"R7.emotion_post_kinds\" must be an array"),
        (#"{"R1":"#, "not valid JSON"),
    ])
    func mistakesAreRefusedNamingTheMember(_ json: String, _ expected: String) {
        do {
            _ = try RuleConfiguration(json: Array(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.code == .badInput)
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
