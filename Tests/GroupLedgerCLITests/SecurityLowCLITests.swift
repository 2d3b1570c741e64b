import Foundation
import LedgerCore
import Testing

/// Issue #11 (D4, D7, D8, D9): the attacks of the security review, run against the built binary.
enum SecurityLow {
    /// A new ledger in `scratch` with `posts` posts (records 1…posts).
    static func ledger(_ scratch: Scratch, posts: Int = 3) throws -> String {
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"]).status == 0)
        let lines = (1...posts).map { Line.post("p\($0)") + "\n" }.joined()
        let appended = try CLI.run(["append", "--ledger", ledger, scratch.write("in.jsonl", Array(lines.utf8))])
        #expect(appended.status == 0, "\(appended.stderr)")
        return ledger
    }
}

/// D8 and D9: invisible characters in identifiers, and times past the year 9999, refused at the door.
@Suite struct InputRangeCLITests {
    /// An account cannot pose as `7301000000000000001` with a soft hyphen (or any other invisible character).
    @Test(arguments: ["\u{00AD}", "\u{200B}", "\u{2060}", "\u{180E}", "\u{3164}", "\u{FE0F}", "\u{E0041}"])
    func anActorWithAnInvisibleCharacterIsRefused(_ invisible: String) throws {
        let scratch = Scratch("d8-actor")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let line = Line.post("poser").replacingOccurrences(
            of: #""actor":"7301000000000000001""#,
            with: #""actor":"73010000000\#(invisible)00000001""#
        )
        let result = try CLI.run([
            "append", "--ledger", ledger, scratch.write("poser.jsonl", Array((line + "\n").utf8)),
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("field \"actor\""), "\(result.stderr)")
    }

    /// `audit --to 9999-12-31T23:59:59-23:59` is in the year 10000 in UTC: refused with a clear message.
    @Test(arguments: ["audit", "state"])
    func aTimePastTheYear9999IsRefused(_ command: String) throws {
        let scratch = Scratch("d9-to")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let option = command == "audit" ? "--to" : "--at"
        let result = try CLI.run([command, "--ledger", ledger, option, "9999-12-31T23:59:59-23:59"])
        #expect(result.status == 64 || result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("0001 to 9999"), "\(result.stderr)")
        #expect(!result.stdout.contains("10000-01-0 "))
    }

    /// The last instant the range allows gives a valid `evaluated_at`.
    @Test func theLastInstantGivesAValidEvaluatedAt() throws {
        let scratch = Scratch("d9-last")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let result = try CLI.run(["audit", "--ledger", ledger, "--to", "9999-12-31T23:59:59Z", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser().parse(Array(result.stdoutData.dropLast()))
        #expect(report["evaluated_at"] == "9999-12-31T23:59:59.000Z")
        let text = try CLI.run(["audit", "--ledger", ledger, "--to", "9999-12-31T23:59:59Z", "--lang", "en"])
        #expect(text.stdout.contains("evaluated at 10000-01-01 06:59 +07:00"), "\(text.stdout)")
    }

    /// An event whose time is in the year 10000 in UTC is refused at append.
    @Test func appendRefusesATimePastTheYear9999() throws {
        let scratch = Scratch("d9-append")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let line = Line.post("late").replacingOccurrences(
            of: "2026-11-03T07:45:12+07:00",
            with: "9999-12-31T23:59:59-23:59"
        )
        let result = try CLI.run(["append", "--ledger", ledger, scratch.write("late.jsonl", Array((line + "\n").utf8))])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("field \"time\""), "\(result.stderr)")
    }
}
