import Foundation
import Testing

/// `groupledger` on the ledger of `Fixtures/ledger-v1/`, written by the code before appends could span segments
/// (commit 433ee71): `verify` passes, an `append` goes on from the old writer's segment, `verify` passes again, and
/// the checkpoint the old code signed is proved consistent with the new one.
@Suite struct LedgerV1FixtureCLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/ledger-v1").path

    @Test func aLedgerWrittenBeforeSpanningAppendsVerifiesTakesAnAppendAndProvesConsistency() throws {
        let scratch = Scratch("ledger-v1")
        defer { scratch.remove() }
        // A ledger directory of its own: git keeps neither empty directories nor modes.
        let ledger = scratch.path + "/ledger"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: ledger)
        try FileManager.default.removeItem(atPath: ledger + "/README.md")
        try FileManager.default.createDirectory(atPath: ledger + "/quarantine", withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: ledger + "/keys")
        for key in try FileManager.default.contentsOfDirectory(atPath: ledger + "/keys") {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: ledger + "/keys/" + key)
        }

        let before = try CLI.run(["verify", "--ledger", ledger])
        #expect(before.status == 0, "\(before.stdout)\(before.stderr)")
        #expect(before.stdout.contains("27 records"), "\(before.stdout)")
        let old = scratch.write("old.cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)

        let events = scratch.write("more.jsonl", Array((1...5).map { Line.post("v1-more-\($0)") + "\n" }.joined().utf8))
        let appended = try CLI.run(["append", "--ledger", ledger, events])
        #expect(appended.status == 0, "\(appended.stdout)\(appended.stderr)")
        let after = try CLI.run(["verify", "--ledger", ledger])
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stdout.contains("32 records"), "\(after.stdout)")

        let new = scratch.write("new.cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let proof = scratch.path + "/c.txt"
        let proved = try CLI.run(["prove", "consistency", "--ledger", ledger, "--from", "27", "--output", proof])
        #expect(proved.status == 0, "\(proved.stderr)")
        let extends = try CLI.run([
            "proof", "verify-consistency", "--old", old, "--new", new, "--proof", proof, "--vkey", vkey,
        ])
        #expect(extends.status == 0, "\(extends.stdout)\(extends.stderr)")
        #expect(extends.stdout == "VALID: fixture.example/ledger-v1 at size 32 extends size 27\n")
        let anchored = try CLI.run(["verify", "--ledger", ledger, "--checkpoint", old, "--vkey", vkey])
        #expect(anchored.status == 0, "\(anchored.stdout)\(anchored.stderr)")
        #expect(anchored.stdout.contains("ANCHORED up to size 27"), "\(anchored.stdout)")
    }
}
