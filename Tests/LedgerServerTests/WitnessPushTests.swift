import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `serve --witness`: checkpoints pushed after commits through real sockets, `/checkpoint` serving the newest one
/// that met the quorum, misbehaving witnesses, and acknowledgements that never wait for a witness.
@Suite struct WitnessPushTests {
    /// Two requests per witness and round, quickly given up.
    static let quick = WitnessRetryPolicy(
        attempts: 2,
        requestTimeout: .milliseconds(500),
        firstBackoff: .milliseconds(10),
        maximumBackoff: .milliseconds(10),
        budget: .seconds(5)
    )

    /// Checks `condition` every 50 ms, at most 400 times.
    static func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<400 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RawFailure("\(what) did not happen within 400 checks 50 ms apart")
    }

    /// The value of the witness results counter with `result` (0 when absent).
    static func pushes(_ served: Served, result: String) async throws -> Double {
        let text = try await served.send(.GET, "/metrics").text
        let line = text.split(separator: "\n").first {
            $0.hasPrefix("groupledger_witness_pushes_total{") && $0.contains("result=\"\(result)\"")
        }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } ?? 0
    }

    /// A new witness in a temporary directory (the caller removes `directory`).
    static func witness(_ label: String) throws -> (witness: Witness, directory: String) {
        let directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("groupledger-\(label)-\(UUID().uuidString)")
            .path
        try Witness.initialize(directory: directory, name: "inspectorate.example.gov/witness")
        return (try Witness.open(directory: directory), directory)
    }

    /// A served ledger pushing to `fake` with quorum 1. A round that missed the quorum is tried again after
    /// `retryInterval`: a round can miss it on a loaded machine (its 5-second budget spent), and a test waiting for a
    /// cosigned checkpoint must not then wait for the next commit.
    static func served(
        _ label: String,
        _ fake: FakeWitness,
        vkey: String,
        policy: WitnessRetryPolicy = quick,
        retryInterval: Duration = .seconds(1)
    ) async throws -> Served {
        try await Served.start(label) {
            $0.witnesses = WitnessSettings(
                peers: [try! WitnessPeer(url: fake.url, vkey: vkey)],
                quorum: 1,
                policy: policy,
                retryInterval: retryInterval
            )
        }
    }

    /// Appends `ids` and returns the ledger's size after the commit.
    static func append(_ served: Served, _ ids: [String]) async throws -> UInt64 {
        let answer = try await served.send(.POST, "/v1/events", token: served.importer, body: Events.body(ids))
        #expect(answer.status == 200, "\(answer.text)")
        return UInt64(answer.int("size") ?? 0)
    }

    /// The checkpoint `/checkpoint` serves, once its size is `size`.
    static func published(_ served: Served, size: UInt64) async throws -> Note {
        var note: Note?
        try await eventually("a witnessed checkpoint of size \(size)") {
            let answer = try await served.send(.GET, "/checkpoint")
            guard answer.status == 200, let parsed = try? Note.parse(answer.body),
                try Checkpoint(note: parsed).size == size
            else { return false }
            note = parsed
            return true
        }
        return note!
    }

    /// Whether `note` carries a cosignature of `witness` that verifies.
    static func cosigned(_ note: Note, by witness: Witness) -> Bool {
        note.signatures.contains {
            $0.name == witness.name && $0.keyID == witness.verifier.keyID
                && witness.verifier.verify(text: note.textBytes, signature: $0.signature)
        }
    }

    @Test func theCheckpointCarriesTheWitnessCosignatureOnceTheQuorumIsMet() async throws {
        let (witness, directory) = try Self.witness("push-ok")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fake = try await FakeWitness.start(.status(404, contentType: nil, body: ""))
        let served = try await Self.served("witnessed", fake, vkey: witness.vkey)
        // Nothing met the quorum yet: no unwitnessed checkpoint is served in its place.
        let early = try await served.send(.GET, "/checkpoint")
        #expect(early.status == 503)
        #expect(early.headers.first(name: "Retry-After") != nil)

        fake.set(.endpoint(try WitnessEndpoint(witness: witness, logVerifierKeys: served.ledger.verifierKeys)))
        let size = try await Self.append(served, ["w-1", "w-2"])
        let note = try await Self.published(served, size: size)
        #expect(Self.cosigned(note, by: witness))
        let logKey = try Ed25519NoteVerifier(vkey: served.ledger.verifierKeys[0])
        #expect(note.signatures.contains { logKey.verify(text: note.textBytes, signature: $0.signature) })
        let answer = try await served.send(.GET, "/checkpoint")
        #expect(answer.headers.first(name: "Cache-Control") == "max-age=2")
        #expect(try await Self.pushes(served, result: "ok") >= 1)
        #expect(try await served.send(.GET, "/metrics").text.contains("groupledger_witness_push_seconds_count{"))
        #expect(
            try await served.send(.GET, "/metrics").text.contains(
                "groupledger_witness_published_size_records \(Double(size))"
            )
        )
        try await served.stop()
        try await fake.stop()
    }

    enum Misbehaviour: String, CaseIterable, Sendable {
        case conflict, serverError, timeout, wrongKey, redirect, oversizedAnswer

        /// The metrics label its result gets.
        var label: String {
            switch self {
            case .conflict: "conflict"
            case .serverError, .timeout, .redirect, .oversizedAnswer: "error"
            case .wrongKey: "bad_signature"
            }
        }
    }

    @Test(arguments: Misbehaviour.allCases)
    func aMisbehavingWitnessLeavesTheLastCheckpointThatMetTheQuorum(_ misbehaviour: Misbehaviour) async throws {
        let (witness, directory) = try Self.witness("push-\(misbehaviour.rawValue)")
        let (impostor, impostorDirectory) = try Self.witness("impostor-\(misbehaviour.rawValue)")
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: impostorDirectory)
        }
        let fake = try await FakeWitness.start(.status(404, contentType: nil, body: ""))
        let served = try await Self.served("misbehaving", fake, vkey: witness.vkey)
        let logKeys = served.ledger.verifierKeys
        fake.set(.endpoint(try WitnessEndpoint(witness: witness, logVerifierKeys: logKeys)))
        let first = try await Self.append(served, ["m-1"])
        let witnessed = try await Self.published(served, size: first)

        let before = try await Self.pushes(served, result: misbehaviour.label)
        var redirected: FakeWitness?
        switch misbehaviour {
        case .conflict:
            fake.set(.status(409, contentType: "text/x.tlog.size", body: "1000000\n"))
        case .serverError:
            fake.set(.status(500, contentType: nil, body: ""))
        case .timeout:
            fake.set(.hold)
        case .wrongKey:
            // Another witness with the same name: its lines carry another key ID.
            fake.set(.endpoint(try WitnessEndpoint(witness: impostor, logVerifierKeys: logKeys)))
        case .redirect:
            // Sent elsewhere, to a witness that would cosign: the client does not follow.
            let elsewhere = try await FakeWitness.start(
                .endpoint(try WitnessEndpoint(witness: witness, logVerifierKeys: logKeys))
            )
            redirected = elsewhere
            fake.set(.redirect(to: elsewhere.url + "/add-checkpoint"))
        case .oversizedAnswer:
            // An answer far past the 64 KiB read limit: not read to its end, not taken as cosignatures.
            fake.set(.status(200, contentType: "text/plain", body: String(repeating: "— x y\n", count: 20_000)))
        }
        let second = try await Self.append(served, ["m-2", "m-3"])
        #expect(second > first)
        try await Self.eventually("a \(misbehaviour.label) result") {
            try await Self.pushes(served, result: misbehaviour.label) > before
        }
        let kept = try await served.send(.GET, "/checkpoint")
        #expect(kept.status == 200)
        let note = try Note.parse(kept.body)
        #expect(note == witnessed)
        #expect(try Checkpoint(note: note).size == first)
        #expect(Self.cosigned(note, by: witness))
        #expect(!Self.cosigned(note, by: impostor))
        #expect(redirected?.received ?? 0 == 0)
        try await served.stop()
        try await fake.stop()
        try await redirected?.stop()
    }

    @Test func aMissedQuorumIsTriedAgainWithoutANewCommit() async throws {
        let (witness, directory) = try Self.witness("push-retry")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fake = try await FakeWitness.start(.status(500, contentType: nil, body: ""))
        let served = try await Self.served("retry", fake, vkey: witness.vkey, retryInterval: .milliseconds(100))
        let size = try await Self.append(served, ["q-1"])
        // Both rounds (at start, and for the commit) ended without a cosignature.
        try await Self.eventually("a failed round for the last commit") {
            guard fake.sizes.contains(size) else { return false }
            return try await Self.pushes(served, result: "error") >= 2
        }
        // The witness is back; nothing more is appended.
        fake.set(.endpoint(try WitnessEndpoint(witness: witness, logVerifierKeys: served.ledger.verifierKeys)))
        let note = try await Self.published(served, size: size)
        #expect(Self.cosigned(note, by: witness))
        try await served.stop()
        try await fake.stop()
    }

    @Test func anAppendIsAnsweredWhileTheWitnessRequestIsStillBlocked() async throws {
        let (witness, directory) = try Self.witness("push-slow")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fake = try await FakeWitness.start(.hold)
        // One request per round, and a timeout far longer than the test: the witness answers only when released.
        let patient = WitnessRetryPolicy(attempts: 1, requestTimeout: .seconds(120), budget: .seconds(120))
        let served = try await Self.served(
            "slow-witness",
            fake,
            vkey: witness.vkey,
            policy: patient,
            retryInterval: .seconds(600)
        )
        let start = served.ledger.size
        try await Self.eventually("the first round reaching the witness") { fake.received == 1 }

        // Three commits while the witness holds the round's request: each is acknowledged.
        var size: UInt64 = 0
        for batch in 0..<3 { size = try await Self.append(served, ["slow-\(batch)"]) }
        #expect(fake.answered == 0, "the acknowledgements came while the witness request was still unanswered")
        #expect(try await served.send(.GET, "/checkpoint").status == 503)

        // Released, the witness gets one more round, with the newest checkpoint: the commits were coalesced.
        fake.release()
        try await Self.eventually("the coalesced round") { fake.answered == 2 }
        #expect(fake.sizes == [start, size])
        try await served.stop()
        try await fake.stop()
    }
}
