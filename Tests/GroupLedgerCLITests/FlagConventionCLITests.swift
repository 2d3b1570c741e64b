import Foundation
import Testing

/// One spelling for one thing across commands (`--seq` for a record number, key files as files), with the older
/// spellings still working for scripts.
@Suite struct FlagConventionCLITests {
    @Test func aRecordNumberIsSeqEverywhereAndKeysMayComeFromFiles() throws {
        let scratch = Scratch("flag-conventions")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let lines = scratch.write("a.jsonl", Array((1...6).map { Line.post("a\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", ledger, lines])

        let positional = try CLI.run(["show", "--ledger", ledger, "4", "--json"])
        let option = try CLI.run(["show", "--ledger", ledger, "--seq", "4", "--json"])
        #expect(positional.status == 0 && option.stdoutData == positional.stdoutData)
        #expect(try CLI.run(["show", "--ledger", ledger]).status == 64)
        #expect(try CLI.run(["show", "--ledger", ledger, "3", "--seq", "4"]).status == 64)

        let bySeq = scratch.path + "/seq.proof"
        let byIndex = scratch.path + "/index.proof"
        #expect(try CLI.run(["prove", "inclusion", "--ledger", ledger, "--seq", "4", "--output", bySeq]).status == 0)
        #expect(
            try CLI.run(["prove", "inclusion", "--ledger", ledger, "--index", "4", "--output", byIndex]).status == 0
        )
        #expect(FileManager.default.contents(atPath: bySeq) == FileManager.default.contents(atPath: byIndex))

        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout
        let keyFile = scratch.write("log.vkey", Array(vkey.utf8))
        let record = scratch.path + "/r4.bin"
        _ = FileManager.default.createFile(
            atPath: record,
            contents: try CLI.run(["show", "--ledger", ledger, "--seq", "4", "--raw"]).stdoutData
        )
        let verified = try CLI.run(["proof", "verify", bySeq, "--vkey-file", keyFile, "--record", record])
        #expect(verified.status == 0, "\(verified.stderr)")
        let anchored = try CLI.run(["verify", "--ledger", ledger, "--vkey-file", keyFile])
        #expect(anchored.status == 0, "\(anchored.stderr)")
    }

    @Test func auditTakesARecordNumberAsThatRecordsTimeAsLogAndStateDo() throws {
        let scratch = Scratch("flag-audit-seq")
        defer { scratch.remove() }
        let ledger = try Province.ledger(in: scratch)
        let line = try CLI.run(["log", "--ledger", ledger, "--from", "400", "--to", "400"]).stdout
        let time = try #require(line.split(separator: "\t").dropFirst().first.map(String.init))
        let byTime = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--from", time, "--to", time])
        let bySeq = try CLI.run(["audit", "--ledger", ledger, "--format", "json", "--from", "400", "--to", "400"])
        #expect(byTime.status == 0 && bySeq.status == 0, "\(bySeq.stderr)")
        #expect(bySeq.stdoutData == byTime.stdoutData)
        #expect(
            bySeq.stdoutData != (try CLI.run(["audit", "--ledger", ledger, "--format", "json"])).stdoutData,
            "record 400 is not the last group event"
        )
        let past = try CLI.run(["audit", "--ledger", ledger, "--to", "99999999"])
        #expect(past.status != 0 && past.stderr.contains("the ledger holds records 0..<"))
    }
}
