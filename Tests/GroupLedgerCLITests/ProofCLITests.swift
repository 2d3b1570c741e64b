import Foundation
import Testing

@Suite struct ProofCLITests {
    @Test func inclusionAndConsistencyProofsVerifyOfflineAndTamperedOnesDoNot() throws {
        let scratch = Scratch("proofs")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let first = scratch.write("a.jsonl", Array((1...6).map { Line.post("a\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", ledger, first])
        let old = scratch.write("old.cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let second = scratch.write("b.jsonl", Array((1...9).map { Line.post("b\($0)") + "\n" }.joined().utf8))
        try CLI.run(["append", "--ledger", ledger, second])
        let new = scratch.write("new.cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)

        let proofPath = scratch.path + "/p.proof"
        #expect(
            try CLI.run(["prove", "inclusion", "--ledger", ledger, "--index", "4", "--output", proofPath]).status == 0
        )
        let record = scratch.path + "/r4.bin"
        _ = FileManager.default.createFile(
            atPath: record,
            contents: try CLI.run(["show", "--ledger", ledger, "4", "--raw"]).stdoutData
        )
        let valid = try CLI.run(["proof", "verify", proofPath, "--vkey", vkey, "--record", record])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(valid.stdout.hasPrefix("VALID: record 4 is in example.org/test at size 16"))

        // Another record, another key, a flipped proof hash: each is INVALID with exit 1.
        let other = scratch.path + "/r5.bin"
        _ = FileManager.default.createFile(
            atPath: other,
            contents: try CLI.run(["show", "--ledger", ledger, "5", "--raw"]).stdoutData
        )
        #expect(try CLI.run(["proof", "verify", proofPath, "--vkey", vkey, "--record", other]).status == 1)
        let stranger = scratch.path + "/stranger"
        try CLI.run(["init", "--ledger", stranger, "--origin", "example.org/test"])
        let strangerKey = try CLI.run(["vkey", "--ledger", stranger]).stdout.trimmingCharacters(in: .newlines)
        let wrongKey = try CLI.run(["proof", "verify", proofPath, "--vkey", strangerKey, "--record", record])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stdout.contains("not signed by the given log key"))
        var lines = try String(contentsOfFile: proofPath, encoding: .utf8).components(separatedBy: "\n")
        var hash = Array(Data(base64Encoded: lines[2])!)
        hash[7] ^= 0x20
        lines[2] = Data(hash).base64EncodedString()
        let tampered = scratch.write("t.proof", Array(lines.joined(separator: "\n").utf8))
        #expect(try CLI.run(["proof", "verify", tampered, "--vkey", vkey, "--record", record]).status == 1)

        let consistency = scratch.path + "/c.txt"
        #expect(
            try CLI.run(["prove", "consistency", "--ledger", ledger, "--from", "7", "--output", consistency]).status
                == 0
        )
        let extends = try CLI.run([
            "proof", "verify-consistency", "--old", old, "--new", new, "--proof", consistency,
            "--vkey", vkey,
        ])
        #expect(extends.status == 0, "\(extends.stdout)\(extends.stderr)")
        #expect(extends.stdout == "VALID: example.org/test at size 16 extends size 7\n")
        let backwards = try CLI.run([
            "proof", "verify-consistency", "--old", new, "--new", old, "--proof", consistency,
            "--vkey", vkey,
        ])
        #expect(backwards.status == 1)

        // An auditor's saved checkpoint anchors verify; a wrong --vkey does not.
        let anchored = try CLI.run(["verify", "--ledger", ledger, "--checkpoint", old, "--vkey", vkey])
        #expect(anchored.status == 0)
        #expect(anchored.stdout.contains("ANCHORED up to size 7"))
        #expect(try CLI.run(["verify", "--ledger", ledger, "--checkpoint", old, "--vkey", strangerKey]).status == 1)
        #expect(try CLI.run(["verify", "--ledger", ledger]).stdout.contains("UNANCHORED"))
    }
}
