import Foundation
import Testing

/// `--batch N` over standard input reads it twice through a spool file in the ledger directory instead of holding
/// the checked events in memory, and leaves no spool behind.
@Suite struct BatchStdinTests {
    private func spools(_ ledger: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ledger).filter { $0.hasSuffix(".spool") }
    }

    @Test func standardInputIsSpooledReadTwiceAndRemoved() throws {
        let scratch = Scratch("stdin-batch")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let lines = (1...5).map { Line.post("s\($0)") + "\n" }.joined()
        let result = try CLI.run(
            ["append", "--ledger", ledger, "--batch", "2", "--json", "-"],
            stdin: Data(lines.utf8)
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"{"appended":5,"duplicates":0,"first_seq":1,"size":6}"# + "\n")
        #expect(try spools(ledger).isEmpty)

        // A bad line: nothing appended, every bad line named as stdin, no spool left.
        let bad = Line.post("s6") + "\n" + #"{"id":"x"}"# + "\n"
        let refused = try CLI.run(["append", "--ledger", ledger, "--batch", "2", "-"], stdin: Data(bad.utf8))
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("stdin line 2 (byte"), "\(refused.stderr)")
        #expect(try spools(ledger).isEmpty)
        #expect(try CLI.run(["log", "--ledger", ledger]).stdout.split(separator: "\n").count == 6)

        // A spool that a killed ingest left is removed by the next writer.
        _ = scratch.write("ledger/.ingest-999999-0.spool", Array(lines.utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, "-"], stdin: Data()).status == 0)
        #expect(try spools(ledger).isEmpty)
    }
}
