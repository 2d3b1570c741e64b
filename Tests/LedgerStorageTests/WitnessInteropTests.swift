import Foundation
import LedgerCore
import LedgerStorage
import Synchronization
import Testing

/// The add-checkpoint exchange checked by an independent implementation, the PyPI package `tlog-scales`
/// (C2SP checkpoints, signed notes, tlog-cosignature verification, RFC 9162 consistency proofs): the requests our
/// pool sends, the cosignatures our witness returns, the published checkpoint; and a request built by
/// `tlog-scales` for a log of its own, answered by our endpoint.
@Suite struct WitnessInteropTests {
    static let script = #"""
        import base64, hashlib, json, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from tlog_scales import signing, tlog

        def parse_request(body):
            # c2sp.org/tlog-witness: "old N", proof lines, an empty line, the checkpoint. Every line ends in \n.
            first, rest = body.split("\n", 1)
            word, old = first.split(" ")
            assert word == "old" and old == str(int(old)), first
            proof = []
            while not rest.startswith("\n"):
                line, rest = rest.split("\n", 1)
                proof.append(base64.b64decode(line, validate=True))
                assert len(proof[-1]) == 32
            assert len(proof) <= 63
            return int(old), proof, rest[1:]

        def check_cosignatures(text, cp, vkey):
            lines = text.split("\n")
            assert lines[-1] == "" and len(lines) >= 2, repr(text)
            verifier = vkey.get_verifier()
            for line in lines[:-1]:
                sig = signing.NoteSignature.from_line(line)
                assert vkey.match(sig), line
                verifier.verify_note(sig, cp)  # raises if it does not verify
                assert signing.Ed25519CosignatureVerifier.get_timestamp(sig.payload) > 0
            return len(lines) - 1

        mode, path = sys.argv[1], sys.argv[2]
        case = json.load(open(path))
        if mode == "make":
            # A log of tlog-scales's own, one leaf, and the add-checkpoint body for its first checkpoint.
            key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
            signer = signing.PlainEd25519Signer("python.example/log", key)
            root = hashlib.sha256(b"\x00" + b"leaf 0").digest()
            cp = tlog.Checkpoint.make_signed("python.example/log", 1, root, [signer])
            open(case["body"], "w").write("old 0\n\n" + cp.serialize())
            open(case["vkey"], "w").write(signer.vkey.serialize())
            print("made")
            sys.exit(0)
        log = signing.Vkey.from_string(case["log_vkey"])
        witness = signing.Vkey.from_string(case["witness_vkey"])
        roots = {0: hashlib.sha256(b"").digest()}
        checked = 0
        for exchange in case["exchanges"]:
            old, proof, note = parse_request(open(exchange["request"]).read())
            cp = tlog.Checkpoint.from_text(note)
            cp.verify(log)
            if old == 0:
                assert proof == [], "the proof from 0 must be empty"
            else:
                tlog.ConsistencyProof(old, cp.size, proof).check(roots[old], cp.root_hash)
            roots[cp.size] = cp.root_hash
            checked += check_cosignatures(open(exchange["response"]).read(), cp, witness)
        published = tlog.Checkpoint.from_text(open(case["published"]).read())
        valid = signing.VkeySet(log, witness).verify(published.signatures, published)
        assert len(valid) == 2, valid
        theirs = tlog.Checkpoint.from_text(open(case["theirs"]["checkpoint"]).read())
        checked += check_cosignatures(open(case["theirs"]["response"]).read(), theirs, witness)
        print("checked", checked)
        """#

    /// Runs the script in `mode` on the case file: exit status, standard output, standard error.
    static func python(_ mode: String, _ scriptPath: String, _ casePath: String) throws -> (Int32, String, String) {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scriptPath, mode, casePath]
        let out = Pipe()
        let err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        return (python.terminationStatus, output, errors)
    }

    @Test func requestsCosignaturesAndThePublishedCheckpointVerifyWithTlogScales() async throws {
        if let reason = PythonOracles.missing(for: "WitnessInteropTests") {
            print(reason)
            return
        }

        let fixture = try PoolFixture("interop")
        defer { fixture.remove() }
        let work = fixture.dir.path
        let scriptPath = work + "/check.py"
        let casePath = work + "/case.json"
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: scriptPath))

        // tlog-scales makes a request for its own log; our endpoint, configured with its key, answers it.
        let theirs: [String: String] = [
            "body": work + "/theirs.body", "vkey": work + "/theirs.vkey", "checkpoint": work + "/theirs.note",
            "response": work + "/theirs.response",
        ]
        try JSONSerialization.data(withJSONObject: theirs).write(to: URL(fileURLWithPath: casePath))
        let made = try Self.python("make", scriptPath, casePath)
        #expect(made.0 == 0 && made.1 == "made\n", "\(made.2)")
        let (witness, _) = try fixture.witness("a")
        let theirKey = String(decoding: Bytes.read(theirs["vkey"]!), as: UTF8.self)
        let answer = try WitnessEndpoint(witness: witness, logVerifierKeys: [theirKey])
            .respond(to: Bytes.read(theirs["body"]!))
        #expect(answer.status == 200, "\(answer.message)")
        Bytes.write(answer.body, theirs["response"]!)
        Bytes.write(try AddCheckpointRequest.parse(Bytes.read(theirs["body"]!)).checkpointNote, theirs["checkpoint"]!)

        // Our pool pushes three checkpoints of our ledger to the same witness, through its endpoint.
        let url = "https://a.example/w"
        let endpoint = try WitnessEndpoint(witness: witness, logVerifierKeys: [fixture.logVkey])
        let transport = MemoryTransport()
        let answers = Mutex<[[UInt8]]>([])
        transport.route(url) { _, body in
            let response = endpoint.respond(to: body)
            answers.withLock { $0.append(response.body) }
            return (response.status, response.contentType, response.body)
        }
        var exchanges: [[String: String]] = []
        let pool = try fixture.pool([try WitnessPeer(url: url, vkey: witness.vkey)], quorum: 1, transport: transport)
        for count in [3, 1, 9] {
            let round = try await pool.push(checkpointNote: try fixture.grow(by: count))
            #expect(round.metQuorum)
            let index = exchanges.count
            let request = work + "/request-\(index)"
            let response = work + "/response-\(index)"
            Bytes.write(transport.bodies(to: url)[index], request)
            Bytes.write(answers.withLock { $0[index] }, response)
            exchanges.append(["request": request, "response": response])
        }
        let published = work + "/published.note"
        Bytes.write(try #require(try pool.published()).format(), published)
        let caseJSON: [String: Any] = [
            "log_vkey": fixture.logVkey, "witness_vkey": witness.vkey, "exchanges": exchanges,
            "published": published, "theirs": theirs,
        ]
        try JSONSerialization.data(withJSONObject: caseJSON).write(to: URL(fileURLWithPath: casePath))
        let checked = try Self.python("check", scriptPath, casePath)
        #expect(checked.0 == 0, "\(checked.2)")
        #expect(checked.1 == "checked 4\n", "\(checked.2)")
    }
}
