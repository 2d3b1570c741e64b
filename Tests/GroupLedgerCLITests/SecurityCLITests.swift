import Foundation
import Testing

/// The attacks of SECURITY.md that a user meets at the command line, run against the built binary.
@Suite struct SecurityCLITests {
    private func event(id: String) -> [UInt8] {
        Array(
            (#"{"id":"\#(id)","type":"post.created","time":"2026-11-02T09:05:00+07:00","actor":"u1","group":"g1","#
                + #""data":{"message":"x","kind":"text"}}"# + "\n").utf8
        )
    }

    /// D1 as the review ran it: an event source sends an event under the id of the key's retirement.
    @Test func aReservedIdFromAnEventSourceIsRefusedAndTheLedgerKeepsWorking() throws {
        let scratch = Scratch("d1")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let kid = String(vkey.split(separator: "+")[1])
        let before = Scratch.snapshot(ledger)
        for id in ["ledger:key_retired:\(kid)", "ledger:content_withheld:2", "ledger:key_rotated:\(kid)"] {
            let refused = try CLI.run(["append", "--ledger", ledger, "-"], stdin: Data(event(id: id)))
            #expect(refused.status == 65, "\(refused.stderr)")
            #expect(refused.stderr.contains("line 1"), "\(refused.stderr)")
            #expect(refused.stderr.contains("reserved for events the ledger writes itself"), "\(refused.stderr)")
            #expect(Scratch.snapshot(ledger) == before)
        }
        // The importers build their ids from the source's own ids, under their own prefix; append still works,
        // and so do withhold and key rotation.
        #expect(try CLI.run(["append", "--ledger", ledger, "-"], stdin: Data(event(id: "post-1"))).status == 0)
        let withheld = try CLI.run(["withhold", "--ledger", ledger, "--seq", "1", "--reason", "test", "--actor", "vp"])
        #expect(withheld.status == 65, "post-1 has no content: refused for that, not for the key")
        #expect(withheld.stderr.contains("no content"))
        #expect(try CLI.run(["key", "rotate", "--ledger", ledger]).status == 0)
        #expect(try CLI.run(["verify", "--ledger", ledger]).status == 0)
        // The ledger's own files may not be links, but the inputs a user names may.
        let input = scratch.write("real.jsonl", event(id: "post-2"))
        let link = scratch.path + "/link.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let viaLink = try CLI.run(["append", "--ledger", ledger, link])
        #expect(viaLink.status == 0, "\(viaLink.stderr)")
    }

    /// D10: keys outside the ledger, and an inspection copy without keys.
    @Test func keysLiveOutsideAndCopiesForInspectorsCarryNone() throws {
        let scratch = Scratch("d10")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        let keys = scratch.path + "/keys"
        let created = try CLI.run(["init", "--ledger", ledger, "--key-dir", keys, "--origin", "example.org/test"])
        #expect(created.status == 0)
        #expect(!created.stderr.contains("every copy of the ledger directory carries it"))
        #expect(!FileManager.default.fileExists(atPath: ledger + "/keys"))
        let input = scratch.write("in.jsonl", event(id: "post-1") + event(id: "post-2"))
        let missing = try CLI.run(["append", "--ledger", ledger, input])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("--key-dir"))
        #expect(try CLI.run(["append", "--ledger", ledger, "--key-dir", keys, input]).status == 0)
        let fromEnvironment = try CLI.run(["vkey", "--ledger", ledger], environment: ["GROUPLEDGER_KEY_DIR": keys])
        #expect(fromEnvironment.stdout.hasPrefix("example.org/test+"), "\(fromEnvironment.stderr)")

        // A ledger with its key inside: `init` says so, and `copy` leaves the key behind.
        let inside = scratch.path + "/inside"
        let noted = try CLI.run(["init", "--ledger", inside, "--origin", "example.org/test"])
        #expect(noted.stderr.contains("every copy of the ledger directory carries it"))
        #expect(try CLI.run(["append", "--ledger", inside, input]).status == 0)
        let copy = scratch.path + "/copy"
        let copied = try CLI.run(["copy", "--ledger", inside, copy])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("copied 3 records"))
        #expect(!FileManager.default.fileExists(atPath: copy + "/keys"))
        #expect(try CLI.run(["verify", "--ledger", copy]).status == 0)
        #expect(try CLI.run(["copy", "--ledger", inside, copy]).status == 73)
    }
}
