import Foundation
import LedgerCore
import Testing

/// `groupledger import`, end to end: fixtures → events → ledger → `log` / `show`.
@Suite struct ImportCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/import").path

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser().parse(text.trimmingCharacters(in: .newlines))
    }

    /// Each line of `log --json`, parsed.
    static func log(_ ledger: String) throws -> [JSONValue] {
        let result = try CLI.run(["log", "--ledger", ledger, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONParser().parse(String($0)) }
    }

    @Test func aRosterNeedsTheTimeItTookEffect() throws {
        let scratch = Scratch("import-roster-as-of")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"]).status == 0)
        let roster = Self.fixture("roster/roster.csv")
        let refused = try CLI.run(["import", "roster-csv", "--ledger", ledger, roster])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--as-of"))
        let dated = try CLI.run(["import", "roster-csv", "--ledger", ledger, roster, "--as-of", "2025-11-02", "--json"])
        #expect(dated.status == 0, "\(dated.stderr)")
        let log = try CLI.run(["log", "--ledger", ledger])
        #expect(log.stdout.contains("2025-11-02T00:00:00+07:00"))
    }

    @Test func everyFormatRoundTripsIntoTheLedgerAndASecondImportAddsNothing() throws {
        let scratch = Scratch("import-round-trip")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"]).status == 0)
        let runs: [(arguments: [String], appended: Int)] = [
            (
                [
                    "roster-csv", Self.fixture("roster/roster.csv"), "--as-of", "2025-11-02T08:00:00+07:00",
                    "--actor", "vp-ubnd",
                ], 12
            ),
            (["zca", Self.fixture("zca/capture.jsonl")], 47),
            (["zalo-web", Self.fixture("zalo-web/store.json"), "--account", "7301000000000000002"], 10),
            (
                [
                    "oa-webhook", Self.fixture("oa-webhook/signed.jsonl"), "--oa-secret-file",
                    Self.fixture("oa-webhook/secret.txt"),
                ],
                9
            ),
        ]
        var size = 1
        for run in runs {
            let result = try CLI.run(["import", "--ledger", ledger, "--json"] + run.arguments)
            #expect(result.status == 0, "\(run.arguments[0]): \(result.stderr)")
            let summary = try Self.json(result.stdout)
            #expect(summary["appended"] == .number(JSONNumber(run.appended)), "\(run.arguments[0]): \(summary)")
            size += run.appended
            #expect(summary["size"] == .number(JSONNumber(size)))
        }
        // The backfill's copy of the live directive was a duplicate; so is everything the second time.
        for run in runs {
            let again = try Self.json(try CLI.run(["import", "--ledger", ledger, "--json"] + run.arguments).stdout)
            #expect(again["appended"] == 0, "\(run.arguments[0]) twice: \(again)")
        }
        #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)

        let records = try Self.log(ledger)
        #expect(records.count == size)
        func events(_ type: String) -> [JSONValue] {
            records.compactMap { $0["event"] }.filter { $0["type"] == .string(type) }
        }
        let group: JSONValue = "g-7301128844556677001"
        #expect(
            events("member.joined").first { $0["group"] == group }?["data"]?["accounts"] == [
                "7301000000000000003", "7301000000000000004",
            ]
        )
        #expect(events("member.left").first { $0["group"] == group }?["data"]?["accounts"] == ["7301000000000000004"])
        #expect(events("group.admin_added").first?["data"]?["accounts"] == ["7301000000000000002"])
        #expect(events("admin.assigned").first?["data"]?["person"] == "p-zalo-7301000000000000002")
        #expect(events("head.assigned").count == 2)
        #expect(events("post.created").filter { $0["group"] == group }.count == 25)
        #expect(events("post.recalled").count == 2)

        // `show` gives a post's text back from the content store.
        let directive = try #require(
            records.first { $0["event"]?["id"] == "zca:7301128844556677001:6001000000000000101" }
        )
        let seq = try #require(directive["seq"]?.numberValue?.text)
        let shown = try CLI.run(["show", "--ledger", ledger, seq])
        #expect(shown.stdout.contains("Đề nghị @Cường Sở NN báo cáo tiến độ"))
        #expect(shown.stdout.contains("\"file_sha256\""))
    }

    @Test func batchedImportsOfAFileAndOfAStreamGiveTheLedgerOneCommitGives() throws {
        let scratch = Scratch("import-batched")
        defer { scratch.remove() }
        let capture = Self.fixture("zca/capture.jsonl")
        func ids(_ arguments: [String], stdin: Data? = nil) throws -> [JSONValue] {
            let ledger = scratch.path + "/ledger-\(arguments.count)-\(stdin == nil)"
            try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
            let result = try CLI.run(["import", "--ledger", ledger, "--json"] + arguments, stdin: stdin)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try Self.json(result.stdout)["appended"] == 47, "\(arguments)")
            let again = try CLI.run(["import", "--ledger", ledger, "--json"] + arguments, stdin: stdin)
            #expect(try Self.json(again.stdout)["appended"] == 0, "\(arguments) twice: \(again.stdout)")
            #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
            return try Self.log(ledger).compactMap { $0["event"]?["id"] }
        }
        let one = try ids(["zca", capture])
        #expect(one.count == 48)
        #expect(try ids(["--batch", "5", "zca", capture]) == one)
        #expect(try ids(["--batch", "5", "zca", "-"], stdin: FileManager.default.contents(atPath: capture)) == one)
    }

    @Test func dryRunPrintsAppendableEventsAndTouchesNothing() throws {
        let scratch = Scratch("import-dry-run")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let before = Scratch.snapshot(ledger)
        let dry = try CLI.run(["import", "--ledger", ledger, "--dry-run", "zca", Self.fixture("zca/capture.jsonl")])
        #expect(dry.status == 0)
        #expect(dry.stdout.split(separator: "\n").count == 48)
        #expect(dry.stderr.contains("dry run: 48 events from 49 units would be appended"))
        #expect(Scratch.snapshot(ledger) == before)
        // What --dry-run prints is what `append` accepts.
        let appended = try CLI.run(["append", "--ledger", ledger, "--json"], stdin: dry.stdoutData)
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(try Self.json(appended.stdout)["appended"] == 47)
    }

    @Test func aTamperedOASignatureIsRejected() throws {
        let scratch = Scratch("import-oa")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let tampered = try CLI.run([
            "import", "--ledger", ledger, "oa-webhook", Self.fixture("oa-webhook/tampered.jsonl"), "--oa-secret",
            "fixture-oa-secret-key-not-real",
        ])
        #expect(tampered.status == 65)
        #expect(
            tampered.stderr.contains(
                "tampered.jsonl line 1 (byte 0): field $.signature: X-ZEvent-Signature does not match"
            )
        )
        let bare = try CLI.run([
            "import", "--ledger", ledger, "oa-webhook", Self.fixture("oa-webhook/bare.jsonl"), "--oa-secret", "x",
        ])
        #expect(bare.status == 65 && bare.stderr.contains("unsigned body"))
        #expect(try Self.log(ledger).count == 1)
    }

    static let good = zcaCLILine("6001")

    static let bad: [(name: String, bytes: [UInt8], words: String)] = [
        (
            "invalid UTF-8", Array(#"{"event":"message","payload":"#.utf8) + [0xc3, 0x28] + Array("}".utf8),
            "invalid UTF-8"
        ),
        ("NUL byte", Array(#"{"event":"#.utf8) + [0] + Array("}".utf8), "control character U+0000"),
        ("duplicate key", Array(#"{"event":"message","event":"undo"}"#.utf8), "duplicate key \"event\""),
        (
            "deep nesting", Array((#"{"event":"message","payload":"# + String(repeating: "[", count: 10_000)).utf8),
            "deeper than"
        ),
        ("RTL override", Array(zcaCLILine("60\\u202E01").utf8), "U+202E"),
        (
            "number id",
            Array(zcaCLILine("6001").replacingOccurrences(of: #""msgId":"6001""#, with: #""msgId":6.001e3"#).utf8),
            "not an integer"
        ),
        (
            "over-long line", Array(#"{"event":""#.utf8) + [UInt8](repeating: 0x61, count: 2 << 20),
            "longer than 1048576 bytes"
        ),
    ]

    /// Each kind of bad input: exit 65 naming file, line, byte and field, nothing appended; with --keep-going the
    /// good lines are appended and the bad one is recorded in the rejects file.
    /// The same with `--batch 1`: the units are all checked (over a file, by a first reading) before any commit.
    @Test(arguments: 0..<bad.count, [[], ["--batch", "1"]])
    func badInputIsRefusedAllOrNothingOrRecordedWithKeepGoing(_ index: Int, _ batch: [String]) throws {
        let (name, bytes, words) = Self.bad[index]
        let scratch = Scratch("import-bad")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let input = scratch.write(
            "bad.jsonl",
            Array((Self.good + "\n").utf8) + bytes + [0x0a] + Array(zcaCLILine("6002").utf8)
        )
        let before = Scratch.snapshot(ledger)
        let refused = try CLI.run(["import", "--ledger", ledger] + batch + ["zca", input])
        #expect(refused.status == 65, "\(name): \(refused.stderr)")
        #expect(refused.stderr.contains("bad.jsonl line 2 (byte "), "\(name): \(refused.stderr)")
        #expect(refused.stderr.contains(words), "\(name): \(refused.stderr)")
        #expect(Scratch.snapshot(ledger) == before, "\(name) changed the ledger")

        let kept = try CLI.run(["import", "--ledger", ledger, "--keep-going", "--json"] + batch + ["zca", input])
        #expect(kept.status == 0, "\(name): \(kept.stderr)")
        let summary = try Self.json(kept.stdout)
        #expect(summary["appended"] == 2 && summary["rejected"] == 1, "\(name): \(summary)")
        let rejects = try String(contentsOfFile: input + ".rejects.jsonl", encoding: .utf8)
        let reject = try JSONParser().parse(rejects.trimmingCharacters(in: .newlines))
        #expect(reject["number"] == 2 && reject["unit"] == "line")
        #expect(reject["error"]?.stringValue?.isEmpty == false)
    }
}

/// A zca capture line of a group text message with id `msgId`.
func zcaCLILine(_ msgId: String) -> String {
    #"{"event":"message","account":"7301000000000000002","payload":{"type":1,"threadId":"7301128844556677001","#
        + #""data":{"msgId":"\#(msgId)","msgType":"webchat","uidFrom":"7301000000000000001","idTo":"7301128844556677001","#
        + #""ts":"1762130712000","content":"Báo cáo"}}}"#
}
