import Dispatch
import Foundation
import LedgerCore
import LedgerStorage
import Synchronization
import Testing

/// `WitnessEndpoint` against every row of the C2SP tlog-witness `add-checkpoint` status table, with request bodies
/// written out by hand (not by `AddCheckpointRequest.encoded()`), and its durability and evidence rules.
@Suite struct WitnessEndpointTests {
    /// A request body as the specification spells it: the old line, proof lines, an empty line, the note.
    static func body(old: String, proof: [String] = [], note: [UInt8]) -> [UInt8] {
        Array(("old \(old)\n" + proof.map { $0 + "\n" }.joined() + "\n").utf8) + note
    }

    static func body(old: UInt64, proof: [Hash] = [], note: [UInt8]) -> [UInt8] {
        body(old: "\(old)", proof: proof.map(\.base64), note: note)
    }

    /// The cosignature lines of a 200 answer, checked against the witness's key on `note`.
    static func verifiedCosignatures(_ response: WitnessResponse, note: [UInt8], witness: Witness) throws -> Int {
        let text = try Note.parse(note).text
        let answer = try Note.parse(Array(text.utf8) + [0x0A] + response.body)
        return try answer.verify(using: [witness.verifier]).verifiedSignatures.count
    }

    @Test func everyRowOfTheStatusTable() throws {
        let fixture = try WitnessFixture("endpoint-table")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 20)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        func status(_ body: [UInt8]) -> Int { endpoint.respond(to: body).status }

        // 400: bodies that are not old line, proof lines, empty line, checkpoint.
        let note10 = try log.note(10)
        for malformed in [
            Self.body(old: "01", note: note10),  // leading zero
            Self.body(old: "-1", note: note10),
            Self.body(old: "", note: note10),
            Self.body(old: "1 ", note: note10),
            Array("Old 0\n\n".utf8) + note10,
            Array("old 0".utf8),  // no newline at all
            Array("old 0\n".utf8) + note10,  // no empty line before the note
            Self.body(old: "0", proof: ["not base64"], note: note10),
            Self.body(old: "0", proof: [Hash.zero.base64 + "="], note: note10),
            Self.body(old: "0", proof: Array(repeating: Hash.zero.base64, count: 64), note: note10),
            Self.body(old: "0", note: Array("example.org/ledger\n10\n".utf8)),  // unsigned
            Self.body(
                old: "0",
                note: Array("not a checkpoint\n\n".utf8) + Array(note10.split(separator: 0x0A)[3]) + [0x0A]
            ),
        ] {
            let response = endpoint.respond(to: malformed)
            #expect(response.status == 400, "\(String(decoding: malformed.prefix(80), as: UTF8.self))")
            #expect(response.body.isEmpty && response.contentType == nil)
        }

        // 404: an origin the witness neither pinned nor was configured with.
        var stranger = try TestLog(origin: "stranger.example/log")
        stranger.grow(to: 3)
        #expect(status(Self.body(old: 0, note: try stranger.note(3))) == 404)

        // 403: signed only by a key of the right name that the witness does not trust (ignored, so none verifies)…
        let impostor = try Ed25519NoteSigner.generate(name: log.origin)
        #expect(status(Self.body(old: 0, note: try log.note(10, signedBy: [impostor]))) == 403)
        // …and a trusted key's signature that does not verify, even beside a good one.
        var tampered = try Note.parse(note10)
        let bad = tampered.signatures[0]
        tampered = try Note(
            text: tampered.text,
            signatures: [
                try NoteSignature(name: bad.name, keyID: bad.keyID, signature: Array(bad.signature.reversed()))
            ]
        )
        #expect(status(Self.body(old: 0, note: tampered.format())) == 403)

        // 400: an old size larger than the checkpoint's, before the 409 check.
        #expect(status(Self.body(old: 11, note: note10)) == 400)

        // 409: old size other than what the witness cosigned (0 so far), with that size as text/x.tlog.size.
        let stale = endpoint.respond(to: Self.body(old: 5, proof: try log.proof(5, 10), note: note10))
        #expect(stale.status == 409)
        #expect(stale.contentType == "text/x.tlog.size" && stale.body == Array("0\n".utf8))

        // 422: a size-0 checkpoint whose root is not SHA-256(""), and a proof that must be empty but is not.
        let zero = try Note.sign(
            text: Checkpoint(origin: log.origin, size: 0, rootHash: Hash.zero).text,
            signers: [log.signer]
        )
        #expect(status(Self.body(old: 0, note: zero.format())) == 422)
        #expect(status(Self.body(old: 0, proof: [try log.root(4)], note: note10)) == 422)

        // 200: one cosignature line by the witness's key, which verifies on the checkpoint.
        let first = endpoint.respond(to: Self.body(old: 0, note: note10))
        #expect(first.status == 200 && first.contentType == "text/plain; charset=utf-8")
        #expect(String(decoding: first.body, as: UTF8.self).hasPrefix("\u{2014} \(fixture.witness.name) "))
        #expect(first.body.filter { $0 == 0x0A }.count == 1 && first.body.last == 0x0A)
        #expect(try Self.verifiedCosignatures(first, note: note10, witness: fixture.witness) == 1)

        // 409 now tells the log the size the witness cosigned.
        let behind = endpoint.respond(to: Self.body(old: 0, note: try log.note(20)))
        #expect(behind.status == 409 && behind.body == Array("10\n".utf8))

        // 422: a proof from 10 that does not verify; a fork at the witness's size (old = size, roots differ).
        var proof = try log.proof(10, 20)
        proof[0] = Hash.zero
        #expect(status(Self.body(old: 10, proof: proof, note: try log.note(20))) == 422)
        var forked = try log.forked(at: 7)
        forked.grow(to: 20)
        #expect(status(Self.body(old: 10, note: try forked.note(10))) == 422)
        // A fork larger than the witness's size: its proof from 10 cannot verify either.
        #expect(status(Self.body(old: 10, proof: try forked.proof(10, 20), note: try forked.note(20))) == 422)

        // 200 again at the same size and root (a fresh cosignature), then for the extension with its proof.
        #expect(status(Self.body(old: 10, note: note10)) == 200)
        #expect(status(Self.body(old: 10, proof: try log.proof(10, 20), note: try log.note(20))) == 200)
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == 20)

        // 413: a body over the limit, before anything is parsed.
        let small = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey], maximumBodyBytes: 64)
        #expect(small.respond(to: Self.body(old: 20, note: try log.note(20))).status == 413)
        #expect(WitnessEndpoint.defaultMaximumBodyBytes == 16_384)
    }

    @Test func theResponseComesAfterTheStateIsOnDisk() throws {
        let fixture = try WitnessFixture("endpoint-durable")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 30)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        var old: UInt64 = 0
        for size: UInt64 in [3, 8, 30] {
            let response = try endpoint.respond(
                to: Self.body(old: old, proof: log.proof(old, size), note: log.note(size))
            )
            #expect(response.status == 200)
            // What a restarted witness reads from disk is the checkpoint just answered, with that very cosignature.
            let recorded = try #require(try fixture.reopened().state().logs[log.origin])
            #expect(recorded.checkpoint.size == size)
            #expect(recorded.note.signatures.last?.line == String(decoding: response.body, as: UTF8.self))
            old = size
        }
    }

    @Test func noCosignatureWhenTheStateCannotBeWritten() throws {
        let fixture = try WitnessFixture("endpoint-unwritable")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 4)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        // The attack on durability: the temporary file the new state goes through cannot be created.
        try FileManager.default.createDirectory(
            atPath: fixture.path + "/state.json.tmp",
            withIntermediateDirectories: false
        )
        let response = endpoint.respond(to: Self.body(old: 0, note: try log.note(4)))
        #expect(response.status == 500 && response.body.isEmpty)
        #expect(try fixture.state().logs.isEmpty)
    }

    @Test func aHeldLockIsA503WithRetryAfter() throws {
        let fixture = try WitnessFixture("endpoint-busy", lockTimeout: .milliseconds(50))
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 4)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        let holder = try WitnessLockTests.holdLock(fixture.path)
        let busy = endpoint.respond(to: Self.body(old: 0, note: try log.note(4)))
        holder.close()
        #expect(busy.status == 503 && busy.retryAfterSeconds == 1)
        #expect(endpoint.respond(to: Self.body(old: 0, note: try log.note(4))).status == 200)
    }

    @Test func racingRequestsFromOneOldSizeGiveOne200AndOthers409() throws {
        let fixture = try WitnessFixture("endpoint-race")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 40)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        #expect(endpoint.respond(to: Self.body(old: 0, note: try log.note(8))).status == 200)
        // The race of the specification: requests for N and N+K checked against the same state.
        let bodies = try (UInt64(9)...40).map { size in
            (size, Self.body(old: 8, proof: try log.proof(8, size), note: try log.note(size)))
        }
        let statuses = Mutex<[UInt64: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            let status = endpoint.respond(to: bodies[index].1).status
            statuses.withLock { $0[bodies[index].0] = status }
        }
        let results = statuses.withLock { $0 }
        let winners = results.filter { $0.value == 200 }.map(\.key)
        #expect(winners.count == 1, "\(results)")
        #expect(results.values.allSatisfy { $0 == 200 || $0 == 409 }, "\(results)")
        #expect(try fixture.state().logs[log.origin]?.checkpoint.size == winners.first)
    }

    @Test func validlySignedRefusalsAreEvidenceAndUnknownSignatureLinesDoNotMultiplyThem() throws {
        let fixture = try WitnessFixture("endpoint-evidence")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 12)
        let endpoint = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        #expect(endpoint.respond(to: Self.body(old: 0, note: try log.note(12))).status == 200)
        var fork = try log.forked(at: 5)
        fork.grow(to: 12)
        let forked = try Note.parse(try fork.note(12))

        // The attack: one forked checkpoint resent with ever new signature lines of unknown keys (which a witness
        // ignores), each variant hoping for an evidence file of its own.
        for variant in 0..<20 {
            let junk = try Ed25519NoteSigner.generate(name: "junk.example/\(variant)")
            let note = try forked.signed(by: [junk])
            #expect(endpoint.respond(to: Self.body(old: 12, note: note.format())).status == 422)
        }
        let evidence = try FileManager.default.contentsOfDirectory(atPath: fixture.witness.layout.evidenceDirectory)
        #expect(evidence.count == 1 && evidence[0].hasPrefix("fork-12-"), "\(evidence)")
        // The file holds the fork with the log's own signature only: proof of a fork for anyone with the log key.
        let json = try JSONParser().parse(Bytes.read(fixture.witness.layout.evidenceDirectory + "/" + evidence[0]))
        let kept = try Note.parse(Array(try #require(json["refused_checkpoint"]?.stringValue).utf8))
        #expect(kept == forked)
        // An unsigned or stranger's request is no evidence: 403 leaves nothing.
        let impostor = try Ed25519NoteSigner.generate(name: log.origin)
        #expect(endpoint.respond(to: Self.body(old: 12, note: try fork.note(12, signedBy: [impostor]))).status == 403)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.witness.layout.evidenceDirectory).count == 1
        )
    }

    @Test func configuredKeysPinOnFirstUseAndAConfiguredNewKeyIsPinnedOnlyBesideAPinnedOne() throws {
        let fixture = try WitnessFixture("endpoint-keys")
        defer { fixture.remove() }
        var log = try TestLog()
        log.grow(to: 9)
        let next = try Ed25519NoteSigner.generate(name: log.origin)
        let before = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey])
        #expect(before.respond(to: Self.body(old: 0, note: try log.note(3))).status == 200)

        // The operator adds the log's next key. A checkpoint signed by it alone is not trusted yet…
        let after = try WitnessEndpoint(witness: fixture.witness, logVerifierKeys: [log.vkey, next.vkey])
        let alone = Self.body(old: 3, proof: try log.proof(3, 5), note: try log.note(5, signedBy: [next]))
        #expect(after.respond(to: alone).status == 403)
        // …one signed by the pinned key alone still is (the new key did not sign, and is not pinned)…
        #expect(after.respond(to: Self.body(old: 3, proof: try log.proof(3, 5), note: try log.note(5))).status == 200)
        #expect(try fixture.state().logs[log.origin]?.logKeys == [log.vkey])
        // …and one signed by both pins it, after which it is trusted alone, even once no longer configured.
        let both = Self.body(old: 5, proof: try log.proof(5, 7), note: try log.note(7, signedBy: [log.signer, next]))
        #expect(after.respond(to: both).status == 200)
        #expect(try fixture.state().logs[log.origin]?.logKeys == [log.vkey, next.vkey])
        let nextAlone = Self.body(old: 7, proof: try log.proof(7, 9), note: try log.note(9, signedBy: [next]))
        #expect(try WitnessEndpoint(witness: fixture.witness).respond(to: nextAlone).status == 200)
        // A witness configured with nothing still knows the logs it pinned, and no others.
        let other = try TestLog(origin: "other.example/log").note(0)
        #expect(try WitnessEndpoint(witness: fixture.witness).respond(to: Self.body(old: 0, note: other)).status == 404)
    }
}
