import Dispatch
import Foundation
import LedgerCore
import Synchronization
import Testing

/// `groupledger witness …` end to end, as the inspectorate would run it.
@Suite struct WitnessCLITests {
    /// A log that signs checkpoints of an in-memory tree; `fork` rewrites history from leaf `forkAt` on.
    struct Log {
        let signer: Ed25519NoteSigner
        var tree = InMemoryTreeHashes()
        let sha = SHA256()
        var origin: String { signer.name }

        init(signer: Ed25519NoteSigner, size: UInt64, fork: String = "", forkAt: UInt64 = 0) {
            self.signer = signer
            for index in 0..<size {
                let text = !fork.isEmpty && index >= forkAt ? "\(fork) \(index)" : "leaf \(index)"
                tree.append(sha.leafHash(Array(text.utf8)), using: sha)
            }
        }

        func note(_ size: UInt64) throws -> [UInt8] {
            let root = try Merkle.rootHash(size: size, reader: tree, sha: sha)
            let checkpoint = try Checkpoint(origin: origin, size: size, rootHash: root)
            return try Note.sign(text: checkpoint.text, signers: [signer]).format()
        }

        func proof(_ old: UInt64, _ new: UInt64) throws -> [UInt8] {
            let hashes = try Merkle.consistencyProof(from: old, to: new, reader: tree, sha: sha)
            return Array(hashes.map { $0.base64 + "\n" }.joined().utf8)
        }
    }

    let scratch = Scratch("witness")
    var dir: String { scratch.path + "/w" }
    let signer: Ed25519NoteSigner

    init() throws {
        signer = try Ed25519NoteSigner.generate(name: "daklak.gov.vn/ubnd/zalo-groups")
    }

    /// Runs `witness cosign` with the checkpoint at `size` and the proof bytes.
    func cosign(_ log: Log, _ size: UInt64, proof: [UInt8], _ extra: [String] = []) throws -> CLI.Result {
        let checkpoint = scratch.write("cp-\(size)-\(UUID().uuidString)", try log.note(size))
        let proofFile = scratch.write("proof-\(UUID().uuidString)", proof)
        return try CLI.run(
            ["witness", "cosign", "--dir", dir, "--checkpoint", checkpoint, "--proof", proofFile] + extra
        )
    }

    @Test func initPrintsTheVerifierKeyAndCosignedCheckpointsVerify() throws {
        defer { scratch.remove() }
        let created = try CLI.run(["witness", "init", "--dir", dir, "--name", "inspectorate.daklak.gov.vn/witness"])
        #expect(created.status == 0, "\(created.stderr)")
        let vkey = created.stdout.trimmingCharacters(in: .newlines)
        let witness = try CosignatureVerifier(vkey: vkey)
        #expect(witness.name == "inspectorate.daklak.gov.vn/witness")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/cosigner.key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.uint16Value == 0o600)
        #expect(try CLI.run(["witness", "init", "--dir", dir, "--name", "x.example/w"]).status == 73)

        let log = Log(signer: signer, size: 1300)
        let first = try cosign(log, 1100, proof: [], ["--log-vkey", signer.vkey])
        #expect(first.status == 0, "\(first.stderr)")
        let note = try Note.parse(Array(first.stdout.utf8))
        _ = try note.verify(using: [signer.verifier, witness], minimumVerified: 2)
        #expect(try Checkpoint(note: note).size == 1100)

        let next = try cosign(log, 1200, proof: try log.proof(1100, 1200), ["--signature-only"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.hasPrefix("\u{2014} inspectorate.daklak.gov.vn/witness "))
        #expect(next.stdout.filter { $0 == "\n" }.count == 1)
        let reassembled = try Note.parse(try log.note(1200) + Array(next.stdout.utf8))
        #expect(try reassembled.verify(using: [witness]).verifiedSignatures.count == 1)

        // show: the vkey, the latest size, and the recorded note exactly.
        let shown = try CLI.run(["witness", "show", "--dir", dir])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(vkey) && shown.stdout.contains("size      1200"), "\(shown.stdout)")
        let raw = try CLI.run(["witness", "show", "--dir", dir, "--origin", signer.name])
        #expect(raw.stdout == String(decoding: reassembled.format(), as: UTF8.self))
        let json = try JSONParser().parse(try CLI.run(["witness", "show", "--dir", dir, "--json"]).stdout)
        #expect(json["vkey"]?.stringValue == vkey)
        #expect(json["logs"]?.arrayValue?.first?["size"]?.numberValue?.int64Value == 1200)
        #expect(try CLI.run(["witness", "show", "--dir", dir, "--origin", "nope.example"]).status == 66)
    }

    @Test func refusalsExit1AndMalformedInputExit65() throws {
        defer { scratch.remove() }
        try CLI.run(["witness", "init", "--dir", dir, "--name", "w.example/w"])
        let log = Log(signer: signer, size: 1300)
        #expect(try cosign(log, 1200, proof: [], ["--log-vkey", signer.vkey]).status == 0)

        let rollback = try cosign(log, 1100, proof: [])
        #expect(rollback.status == 1)
        #expect(
            rollback.stderr.contains("witness has seen size 1200; this checkpoint has size 1100"),
            "\(rollback.stderr)"
        )
        #expect(rollback.stdout.isEmpty)

        let fork = Log(signer: signer, size: 1300, fork: "rewritten", forkAt: 1000)
        let sameSize = try cosign(fork, 1200, proof: [])
        #expect(sameSize.status == 1 && sameSize.stderr.contains("FORK"), "\(sameSize.stderr)")
        let larger = try cosign(fork, 1300, proof: try fork.proof(1200, 1300))
        #expect(larger.status == 1 && larger.stderr.contains("INCONSISTENT"), "\(larger.stderr)")

        let impostor = Log(signer: try Ed25519NoteSigner.generate(name: signer.name), size: 1300)
        let untrusted = try cosign(impostor, 1300, proof: try impostor.proof(1200, 1300))
        #expect(untrusted.status == 1 && untrusted.stderr.contains("UNTRUSTED"), "\(untrusted.stderr)")

        let short = try cosign(log, 1300, proof: Array(try log.proof(1200, 1300).dropFirst(45)))
        #expect(short.status == 65, "\(short.stderr)")
        let garbage = try cosign(log, 1300, proof: Array("not base64\n".utf8))
        #expect(garbage.status == 65 && garbage.stderr.contains("line 1"), "\(garbage.stderr)")
        let notANote = scratch.write("bad-note", Array("hello\n".utf8))
        let empty = scratch.write("empty-proof", [])
        let bad = try CLI.run(["witness", "cosign", "--dir", dir, "--checkpoint", notANote, "--proof", empty])
        #expect(bad.status == 65, "\(bad.stderr)")
        let missing = try CLI.run(
            ["witness", "cosign", "--dir", dir, "--checkpoint", notANote, "--proof", scratch.path + "/absent"]
        )
        #expect(missing.status == 66 && missing.stderr.contains("absent"), "\(missing.stderr)")
        let noWitness = try CLI.run(["witness", "show", "--dir", scratch.path + "/none"])
        #expect(noWitness.status == 66)

        // After all that the witness still stands at 1200 and extends from there.
        #expect(try cosign(log, 1300, proof: try log.proof(1200, 1300)).status == 0)
    }

    @Test func twoProcessesCosigningAtOnceAreSerialised() throws {
        defer { scratch.remove() }
        try CLI.run(["witness", "init", "--dir", dir, "--name", "w.example/w"])
        let log = Log(signer: signer, size: 64)
        #expect(try cosign(log, 10, proof: [], ["--log-vkey", signer.vkey]).status == 0)
        // Each pair of processes races from size 10; exactly one of each pair can win.
        let sizes: [UInt64] = [20, 30]
        let statuses = Mutex<[Int32]>([])
        let runs = try sizes.map { size in
            (
                scratch.write("race-cp-\(size)", try log.note(size)),
                scratch.write("race-proof-\(size)", try log.proof(10, size))
            )
        }
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let (checkpoint, proof) = runs[index]
            let result = try? CLI.run(
                ["witness", "cosign", "--dir", dir, "--checkpoint", checkpoint, "--proof", proof, "--old-size", "10"]
            )
            statuses.withLock { $0.append(result?.status ?? -1) }
        }
        #expect(statuses.withLock { $0.sorted() } == [0, 65])
    }

    @Test(arguments: [["witness"], ["witness", "init"], ["witness", "cosign"], ["witness", "show"]])
    func helpIsAvailable(_ command: [String]) throws {
        defer { scratch.remove() }
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"), "\(result.stdout)")
    }
}
