import Foundation
import Testing

/// The witness against the real ledger commands: the office publishes checkpoints and consistency proofs, the
/// inspectorate cosigns them, the office stores the cosignatures, and `verify --witness` relies on them.
@Suite struct WitnessLedgerCLITests {
    @Test func theInspectorateWitnessesTheLedgerThroughAKeyRotation() throws {
        let scratch = Scratch("witness-ledger")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        let witness = scratch.path + "/inspectorate"
        var batch = 0
        func append(_ count: Int) throws {
            batch += 1
            let lines = (1...count).map { Line.post("w\(batch)-\($0)") + "\n" }.joined()
            #expect(
                try CLI.run(["append", "--ledger", ledger, scratch.write("b\(batch).jsonl", Array(lines.utf8))]).status
                    == 0
            )
        }
        /// Hands the latest checkpoint and the proof from `old` to the witness, then stores the cosigned note.
        func witnessLatest(from old: UInt64?, _ extra: [String] = []) throws -> CLI.Result {
            let checkpoint = scratch.write("cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
            let proof = scratch.path + "/proof"
            if let old {
                let made = try CLI.run([
                    "prove", "consistency", "--ledger", ledger, "--from", "\(old)", "--output", proof,
                ])
                #expect(made.status == 0, "\(made.stderr)")
            } else {
                _ = scratch.write("proof", [])
            }
            let result = try CLI.run(
                ["witness", "cosign", "--dir", witness, "--checkpoint", checkpoint, "--proof", proof] + extra
            )
            if result.status == 0 {
                let cosigned = scratch.write("cosigned", Array(result.stdout.utf8))
                let stored = try CLI.run(["checkpoint", "--ledger", ledger, "--add", cosigned])
                #expect(stored.status == 0, "\(stored.stderr)")
            }
            return result
        }

        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "daklak.gov.vn/ubnd/zalo-groups"]).status == 0)
        try append(6)
        let logKey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let witnessKey = try CLI.run(["witness", "init", "--dir", witness, "--name", "thanhtra.daklak.gov.vn/witness"])
            .stdout.trimmingCharacters(in: .newlines)

        let first = try witnessLatest(from: nil, ["--log-vkey", logKey])
        #expect(first.status == 0, "\(first.stderr)")
        try append(9)
        let second = try witnessLatest(from: 7)
        #expect(second.status == 0, "\(second.stderr)")

        // The office rotates its key: checkpoints are signed by both keys, so the new key can be pinned.
        let rotated = try CLI.run(["key", "rotate", "--ledger", ledger])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        try append(3)
        let keys = try CLI.run(["vkey", "--ledger", ledger]).stdout.split(separator: "\n").map(String.init)
        #expect(keys.count == 2)
        let size = try #require(
            UInt64(
                try CLI.run(["witness", "show", "--dir", witness, "--json"]).stdout
                    .components(separatedBy: "\"size\":").last?.prefix { $0.isNumber } ?? ""
            )
        )
        #expect(size == 16)
        let third = try witnessLatest(from: size, keys.flatMap { ["--log-vkey", $0] })
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("pinned log key"), "\(third.stderr)")

        let verified = try CLI.run(["verify", "--ledger", ledger, "--witness", witnessKey])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("cosigned by thanhtra.daklak.gov.vn/witness"), "\(verified.stdout)")

        // Replaying the first checkpoint now is a rollback: exit 1.
        let stale = try CLI.run(["checkpoint", "--ledger", ledger, "--size", "7"])
        let replay = try CLI.run([
            "witness", "cosign", "--dir", witness, "--checkpoint", scratch.write("stale", Array(stale.stdout.utf8)),
            "--proof", scratch.write("none", []),
        ])
        #expect(replay.status == 1 && replay.stderr.contains("ROLLBACK"), "\(replay.stderr)")
    }
}
