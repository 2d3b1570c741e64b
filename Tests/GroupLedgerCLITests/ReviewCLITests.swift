import Foundation
import LedgerCore
import Testing

/// `groupledger review` and `groupledger directive confirm`: the catalogue events a clerk used to write by hand.
@Suite struct ReviewCLITests {
    private func audit(_ ledger: String, _ extra: [String] = []) throws -> JSONValue {
        let result = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--lang", "en"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONParser().parse(Array(result.stdoutData.dropLast()))
    }

    @Test func aReviewIsRecordedAndADismissedFindingIsNotOpen() throws {
        let scratch = Scratch("review")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let before = try audit(ledger)
        let findings = try #require(before["findings"]?.arrayValue)
        let target = try #require(
            findings.first { $0["rule"] == "R7d" && $0["review"] == nil }?["id"]?.stringValue
        )
        let openBefore = before["summary"]?["by_rule"]?["R7d"]?["open"]?.numberValue?.int64Value
        let review = try CLI.run([
            "review", "--ledger", ledger, target, "--verdict", "dismissed", "--reviewer", "p-001",
            "--note", "biểu tượng trong trích dẫn",
        ])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("recorded the review of \(target) (dismissed)"))
        let after = try audit(ledger)
        let reviewed = after["findings"]?.arrayValue?.first { $0["id"] == .string(target) }
        #expect(reviewed?["review"]?["verdict"] == "dismissed")
        let openAfter = after["summary"]?["by_rule"]?["R7d"]?["open"]?.numberValue?.int64Value
        #expect(openBefore.map { $0 - 1 } == openAfter)
        #expect(after["evaluated_at"] == before["evaluated_at"], "a review does not move the evaluation point")

        let unknown = try CLI.run([
            "review", "--ledger", ledger, "R7d:post:1", "--verdict", "dismissed", "--reviewer", "p-1",
        ])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--unchecked"))
        let bad = try CLI.run(["review", "--ledger", ledger, target, "--verdict", "maybe", "--reviewer", "p-1"])
        #expect(bad.status == 64)
    }

    @Test func aCandidateIsConfirmedAsADirective() throws {
        let scratch = Scratch("directive-confirm")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let before = try audit(ledger)
        let candidates = try #require(before["candidates"]?.arrayValue)
        let candidate = try #require(candidates.first)
        let seq = try #require(candidate["seq"]?.numberValue?.int64Value)
        let confirm = try CLI.run([
            "directive", "confirm", "--ledger", ledger, "\(seq)", "--id", "CD-TEST-1", "--assignee", "p-010",
            "p-011", "--due", "2026-11-30", "--confirmed-by", "p-001",
        ])
        #expect(confirm.status == 0, "\(confirm.stderr)")
        let after = try audit(ledger)
        #expect(after["candidates"]?.arrayValue?.contains { $0["seq"] == candidate["seq"] } == false)
        let rows = after["directives"]?.arrayValue?.filter { $0["directive"] == "CD-TEST-1" } ?? []
        #expect(rows.count == 2)
        #expect(rows.first?["due"]?.stringValue?.hasPrefix("2026-11-30") == true)
        let again = try CLI.run([
            "directive", "confirm", "--ledger", ledger, "\(seq)", "--id", "CD-TEST-1", "--assignee", "p-010",
            "--due", "2026-11-30", "--confirmed-by", "p-001",
        ])
        #expect(again.status == 65, "no longer a candidate")
    }

    @Test func plainDatesAreAccepted() throws {
        let scratch = Scratch("plain-dates")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let byDate = try audit(ledger, ["--to", "2026-11-19"])
        let byTime = try audit(ledger, ["--to", "2026-11-19T23:59:59.999+07:00"])
        #expect(byDate["evaluated_at"] == byTime["evaluated_at"])
        let state = try CLI.run(["state", "--ledger", ledger, "--at", "2026-11-15"])
        #expect(state.status == 0, "\(state.stderr)")
        #expect(state.stdout.contains("  head       ") && state.stdout.contains("state through record"))
        let vi = try CLI.run(["state", "--ledger", ledger, "--at", "2026-11-15", "--lang", "vi"])
        #expect(vi.stdout.contains("Trưởng Nhóm") && vi.stdout.contains("trạng thái đến bản ghi"))
        let log = try CLI.run(["log", "--ledger", ledger, "--from", "2026-11-15", "--to", "2026-11-15"])
        #expect(log.status == 0, "\(log.stderr)")
        let times = log.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(!times.isEmpty)
        #expect(times.allSatisfy { $0.hasPrefix("2026-11-15") || $0.hasPrefix("2026-11-14T") && $0.hasSuffix("Z") })
        let bySeq = try CLI.run(["log", "--ledger", ledger, "--from", "3", "--to", "5"])
        #expect(bySeq.stdout.split(separator: "\n").count == 3, "record numbers still work")
    }
}
