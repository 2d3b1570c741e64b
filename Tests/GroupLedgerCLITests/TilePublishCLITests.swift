import Foundation
import Testing

@Suite struct TilePublishCLITests {
    @Test func publishesTheLatestCheckpointAndOnlyWhatChanged() throws {
        let scratch = Scratch("publish")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        let out = scratch.path + "/www/log"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let first = scratch.write("a.jsonl", Array((1...299).map { Line.post("a\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", ledger, first])

        // OUTDIR's parent must exist; OUTDIR itself is created.
        let missingParent = try CLI.run(["publish", "--ledger", ledger, out])
        #expect(missingParent.status == 74)
        try FileManager.default.createDirectory(atPath: scratch.path + "/www", withIntermediateDirectories: false)

        let published = try CLI.run(["publish", "--ledger", ledger, out])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.hasPrefix("published size 300 (first publication) to \(out)"))
        #expect(published.stdout.contains("wrote 3 hash tile(s), 2 entry bundle(s) and the checkpoint"))
        let checkpoint = try CLI.run(["checkpoint", "--ledger", ledger]).stdout
        #expect(try String(contentsOfFile: out + "/checkpoint", encoding: .utf8) == checkpoint)
        #expect(FileManager.default.fileExists(atPath: out + "/tile/entries/001.p/44"))

        let again = try CLI.run(["publish", "--ledger", ledger, out])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already publishes this checkpoint (size 300); nothing written"))

        let second = scratch.write("b.jsonl", Array((1...10).map { Line.post("b\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", ledger, second])
        let json = try CLI.run(["publish", "--ledger", ledger, out, "--json"])
        #expect(json.status == 0)
        #expect(
            json.stdout == #"{"checkpoint_written":true,"entry_bundles_written":1,"hash_tiles_written":1,"#
                + #""partial_tiles_removed":0,"previous_size":300,"size":310,"warnings":[]}"# + "\n"
        )

        // Another ledger of the same origin cannot take over the directory: exit 65, nothing changed.
        let other = scratch.path + "/other"
        try CLI.run(["init", "--ledger", other, "--origin", "example.org/test"])
        let third = scratch.write("c.jsonl", Array((1...400).map { Line.post("c\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", other, third])
        let refused = try CLI.run(["publish", "--ledger", other, out])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("forked"))
        #expect(try String(contentsOfFile: out + "/checkpoint", encoding: .utf8).contains("\n310\n"))

        let help = try CLI.run(["publish", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: groupledger publish [--ledger <ledger>] <outdir> [--json]"))
    }
}
