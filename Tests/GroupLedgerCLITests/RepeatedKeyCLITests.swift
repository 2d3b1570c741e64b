import Foundation
import Testing

/// D8: a key given twice is one key; an invisible character cannot make an origin read as another.
@Suite struct RepeatedKeyCLITests {
    /// The same `--vkey` twice is one key: a healthy ledger stays INTACT.
    @Test func aRepeatedVkeyIsOneKey() throws {
        let scratch = Scratch("d8-vkey")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let result = try CLI.run(["verify", "--ledger", ledger, "--vkey", vkey, "--vkey", vkey])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("DAMAGED"))
    }

    /// The same `--witness` twice is one witness: a cosigned checkpoint still anchors the ledger, and the default
    /// quorum is the number of distinct witnesses.
    @Test func aRepeatedWitnessIsOneWitness() throws {
        let scratch = Scratch("d8-witness")
        defer { scratch.remove() }
        let ledger = try SecurityLow.ledger(scratch)
        let witness = scratch.path + "/witness"
        let witnessKey = try CLI.run(["witness", "init", "--dir", witness, "--name", "thanhtra.example.org/w"])
            .stdout.trimmingCharacters(in: .newlines)
        let logKey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let checkpoint = scratch.write("cp", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let cosigned = try CLI.run([
            "witness", "cosign", "--dir", witness, "--checkpoint", checkpoint, "--proof", scratch.write("proof", []),
            "--log-vkey", logKey,
        ])
        #expect(cosigned.status == 0, "\(cosigned.stderr)")
        let stored = try CLI.run([
            "checkpoint", "--ledger", ledger, "--add", scratch.write("cosigned", Array(cosigned.stdout.utf8)),
        ])
        #expect(stored.status == 0, "\(stored.stderr)")
        let once = try CLI.run(["verify", "--ledger", ledger, "--witness", witnessKey])
        #expect(once.status == 0, "\(once.stdout)")
        let twice = try CLI.run(["verify", "--ledger", ledger, "--witness", witnessKey, "--witness", witnessKey])
        #expect(twice.status == 0, "\(twice.stdout)\(twice.stderr)")
        #expect(twice.stdout.contains("cosigned by thanhtra.example.org/w"), "\(twice.stdout)")
    }

    /// A bidirectional control in `--origin` would make a checkpoint's first line read as another log's.
    @Test(arguments: ["example.org/\u{202E}gol", "example.org/\u{2066}x", "example\u{00AD}.org/log", "ex\u{200B}.org"])
    func initRefusesAnInvisibleCharacterInTheOrigin(_ origin: String) throws {
        let scratch = Scratch("d8-origin")
        defer { scratch.remove() }
        let result = try CLI.run(["init", "--ledger", scratch.path + "/ledger", "--origin", origin])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("the origin contains"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/ledger/LEDGER"))
    }
}
