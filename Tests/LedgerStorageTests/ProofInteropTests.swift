import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// Our proofs and checkpoints checked by independent implementations: the PyPI packages `tlog-scales`
/// (C2SP checkpoints and signed notes, RFC 9162 proof verification) and `cryptography` (Ed25519).
@Suite struct ProofInteropTests {
    static let script = #"""
        import base64, hashlib, json, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        from tlog_scales import signing, tlog

        case = json.load(open(sys.argv[1]))
        vkey = signing.Vkey.from_string(case["vkey"])
        checked = 0
        for item in case["checkpoints"]:
            text = open(item["note"]).read()
            cp = tlog.Checkpoint.from_text(text)
            cp.verify(vkey)  # raises if the signature does not verify
            # The same signature once more with pyca/cryptography alone: sig = keyid(4) || ed25519(64).
            body, sigs = text.split("\n\n", 1)
            raw = base64.b64decode(sigs.split("\n")[0].split(" ")[2])
            pub = base64.b64decode(case["vkey"].split("+", 2)[2])[1:]
            Ed25519PublicKey.from_public_bytes(pub).verify(raw[4:], (body + "\n").encode())
            assert cp.size == item["size"] and cp.root_hash.hex() == item["root"], item
            checked += 1
        roots = {c["size"]: bytes.fromhex(c["root"]) for c in case["checkpoints"]}
        for p in case["inclusion"]:
            lines = open(p["proof"]).read().split("\n")
            assert lines[0] == "c2sp.org/tlog-proof@v1" and lines[1] == "index %d" % p["index"], lines[:2]
            path = []
            for line in lines[2:]:
                if line == "":
                    break
                path.append(base64.b64decode(line))
            record = open(p["record"], "rb").read()
            leaf = hashlib.sha256(b"\x00" + record).digest()
            tlog.InclusionProof(p["index"], p["size"], path).check(leaf, roots[p["size"]])
            checked += 1
        for c in case["consistency"]:
            hashes = [base64.b64decode(l) for l in open(c["proof"]).read().split("\n") if l]
            tlog.ConsistencyProof(c["old"], c["new"], hashes).check(roots[c["old"]], roots[c["new"]])
            checked += 1
        print("checked", checked)
        """#

    @Test func proofsAndCheckpointsVerifyWithTlogScalesAndCryptography() throws {
        if let reason = PythonOracles.missing(for: "ProofInteropTests") {
            print(reason)
            return
        }

        let fixture = try LedgerFixture("interop", batches: [])
        defer { fixture.remove() }
        let ledger = try Ledger.open(at: fixture.root)
        var checkpoints: [(size: UInt64, note: [UInt8])] = []
        for n in 1...20 {
            _ = try ledger.append([Events.post(2 * n), Events.joined(2 * n + 1)])
            checkpoints.append((ledger.size, ledger.checkpoint))
        }
        let vkey = ledger.verifierKeys[0]
        ledger.close()

        let reader = try LedgerReader(root: fixture.root)
        let builder = try ProofBuilder(reader: reader)
        let work = fixture.dir.path
        var checkpointItems: [[String: Any]] = []
        for (size, note) in checkpoints {
            let path = "\(work)/cp-\(size).note"
            try Data(note).write(to: URL(fileURLWithPath: path))
            let checkpoint = try Checkpoint(note: Note.parse(note))
            checkpointItems.append(["size": size, "root": checkpoint.rootHash.hex, "note": path])
        }
        var inclusion: [[String: Any]] = []
        for (size, note) in checkpoints where size % 3 == 0 || size == checkpoints.last!.size {
            for index in 0..<size {
                let proof = try builder.inclusionProof(index: index, checkpointNote: note)
                let proofPath = "\(work)/inc-\(size)-\(index).proof"
                let recordPath = "\(work)/rec-\(index).bin"
                try Data(proof.format()).write(to: URL(fileURLWithPath: proofPath))
                try Data(try reader.entry(index).record.encoded()).write(to: URL(fileURLWithPath: recordPath))
                inclusion.append(["index": index, "size": size, "proof": proofPath, "record": recordPath])
            }
        }
        var consistency: [[String: Any]] = []
        for (old, _) in checkpoints {
            for (new, note) in checkpoints where new >= old {
                let hashes = try builder.consistencyProof(from: old, checkpointNote: note)
                let path = "\(work)/cons-\(old)-\(new).txt"
                try Data(hashes.map { $0.base64 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
                consistency.append(["old": old, "new": new, "proof": path])
            }
        }
        let casePath = "\(work)/case.json"
        let caseJSON: [String: Any] = [
            "vkey": vkey, "checkpoints": checkpointItems, "inclusion": inclusion, "consistency": consistency,
        ]
        try JSONSerialization.data(withJSONObject: caseJSON).write(to: URL(fileURLWithPath: casePath))
        let scriptPath = "\(work)/check.py"
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: scriptPath))

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scriptPath, casePath]
        let out = Pipe()
        let err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(errors)")
        let expected = checkpointItems.count + inclusion.count + consistency.count
        #expect(output == "checked \(expected)\n")
    }
}
