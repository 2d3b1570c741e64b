import Foundation
import GroupDomain
import LedgerCore
import Testing

/// The demo province (`Fixtures/province/events.jsonl`): every event passes the catalogue, the month has what the
/// demo promises, and the projections and rules behave on it.
@Suite struct ProvinceFixtureTests {
    static let records: [RecordedEvent] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/province/events.jsonl")
        let bytes = Array((try? Data(contentsOf: url)) ?? Data())
        var records: [RecordedEvent] = []
        for line in bytes.split(separator: 0x0A) {
            let seq = UInt64(records.count + 1)
            guard let event = try? EnvelopeDecoder().decode(Array(line), at: "line \(seq)") else { break }
            records.append(RecordedEvent(seq: seq, event: event))
        }
        return records
    }()

    @Test func everyEventPassesTheCatalogue() throws {
        #expect(Self.records.count >= 2000)
        for record in Self.records {
            try EventCatalogue.validate(record.event, at: "events.jsonl line \(record.seq)")
        }
    }

    @Test func theMonthHasWhatTheDemoPromises() throws {
        let state = Projector.replay(Self.records)
        #expect(state.groups.count >= 5)
        #expect(state.persons.count >= 50)
        let times = Self.records.map(\.event.time.unixMillis)
        #expect(times.max()! - times.min()! >= 27 * 86_400_000)
        #expect(state.captures.gaps.count == 1)
        #expect(state.directives.count >= 10)
        let texts = Self.records.compactMap { $0.event.content?["text"]?.stringValue }
        for needle in ["TỐI MẬT", "mật khẩu", "Mật độ", "mật ong", "thân mật", "bảo mật", "bí mật", "GIẢI MẬT", "👨‍👩‍👧"] {
            #expect(texts.contains { $0.contains(needle) }, "\(needle)")
        }
        #expect(texts.contains { $0.unicodeScalars.contains("\u{0323}") }, "an NFD post")
        #expect(Self.records.contains { $0.event.id == "zca:g-7301128844556677002:6001000000000099001" })
    }

    @Test func replayIsDeterministicAndSnapshotsEqualReplayFromScratch() {
        let full = Projector.replay(Self.records)
        let document = full.canonicalDocument()
        #expect(Projector.replay(Self.records).canonicalDocument().bytes == document.bytes)
        for cut in stride(from: 0, through: Self.records.count, by: 250) {
            let snapshot = Projector.replay(Self.records.prefix(cut))
            var resumed = Projector(resuming: snapshot)
            for record in Self.records.dropFirst(cut) { resumed.apply(record) }
            #expect(resumed.state == full, "snapshot at \(cut)")
            #expect(resumed.state.canonicalDocument().hash == document.hash)
            #expect(Projector.replay(Self.records, through: .seq(UInt64(cut))) == snapshot)
        }
    }

    @Test func theRulesFindWhatWasPlanted() {
        let result = RuleChecker.check(Self.recordsStory)
        #expect(result.findings("R1", "no-head").map(\.group) == ["g-7301128844556677006"])
        let notInCharge = result.findings("R1", "head-not-in-charge")
        #expect(notInCharge.map(\.group) == ["g-7301128844556677004"] && notInCharge.map(\.subject) == ["p-004"])
        #expect(result.findings("R1").count == 2, "no other R1 finding")
        #expect(result.findings("R3", "two-admins").map(\.group) == ["g-7301128844556677006"])
        #expect(result.findings("R3", "not-by-head").map(\.group) == ["g-7301128844556677005"])
        #expect(result.findings("R4", "unreported-switch").map(\.subject) == ["7301000000000001031"])
        #expect(result.findings("R4", "unbound-account").map(\.subject) == ["7301999000000000777"])
        #expect(Set(result.findings("R5").compactMap(\.subject)) == ["p-044", "p-052", "p-058"])
        // TỐI MẬT, TUYỆT MẬT, and in an attachment the file name CV_123_TOI_MAT.pdf and "Độ mật: Mật"; none of the
        // false friends.
        #expect(
            result.findings("R7a").flatMap { $0.spans.map(\.text) } == [
                "TỐI MẬT", "TOI_MAT", "Độ mật: Mật", "TUYỆT MẬT",
            ]
        )
        #expect(result.findings("R7a", "post").first?.review?.verdict == "confirmed")
        // The confirmed post is still readable in the story (the CLI demo withholds it): an open obligation.
        #expect(
            result.findings("R7a", "not-withheld").map(\.seqs.first)
                == result.findings("R7a", "post").prefix(1).map(\.seqs.first)
        )
        #expect(
            result.findings("R7b").flatMap { $0.spans.map(\.text) }.first == "http://tin-nong-24h.xyz/sap-nhap-tinh"
        )
        #expect(result.findings("R7c").count == 1)
        #expect(result.findings("R7e").count == 1)
        #expect(result.findings("R7d").count == 6)
        #expect(result.findings("R7d").contains { $0.review?.verdict == "dismissed" })
        #expect(result.findings("R9").contains { !$0.captureGaps.isEmpty })
        #expect(result.directives.contains { $0.status == .cancelled })
        #expect(result.directives.contains { $0.overdue })
        #expect(result.candidates.contains { $0.opener == "yêu cầu" })
    }

    private static var recordsStory: Story { Story(records: records) }
}
