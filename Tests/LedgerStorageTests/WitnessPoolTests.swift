import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// The log side of tlog-witness: a `WitnessPool` on a real ledger pushing through an in-memory transport to real
/// `WitnessEndpoint`s in witness directories, and to witnesses that misbehave in the ways the network does.
@Suite struct WitnessPoolTests {
    static let urls = ["https://a.example/w", "https://b.example/w", "https://c.example/w"]

    @Test func aRoundCosignsAtEveryWitnessAndPublishesWithTheQuorum() async throws {
        let fixture = try PoolFixture("quorum")
        defer { fixture.remove() }
        let witnesses = try ["a", "b", "c"].map { try fixture.witness($0) }
        let transport = MemoryTransport()
        for (url, witness) in zip(Self.urls, witnesses) {
            transport.route(url, MemoryTransport.serving(witness.endpoint))
        }
        let peers = try zip(Self.urls, witnesses).map { try WitnessPeer(url: $0.0, vkey: $0.1.witness.vkey) }
        let pool = try fixture.pool(peers, quorum: 2, transport: transport)
        #expect(try pool.published() == nil)

        let first = try fixture.grow(by: 5)
        let round = try await pool.push(checkpointNote: first)
        #expect(round.results.map(\.label) == ["ok", "ok", "ok"])
        #expect(round.metQuorum && round.cosigned == 3)
        let published = try #require(round.published)
        let verifiers: [any NoteVerifier] =
            [try Ed25519NoteVerifier(vkey: fixture.logVkey)] + witnesses.map { $0.witness.verifier }
        #expect(try published.verify(using: verifiers, minimumVerified: 4).verifiedSignatures.count == 4)
        #expect(try pool.published() == published)
        #expect(published.text == (try Note.parse(first)).text)

        // The next round starts each witness from the size it cosigned, remembered on disk by a new pool.
        let second = try fixture.grow(by: 7)
        let again = try fixture.pool(peers, quorum: 2, transport: transport)
        let next = try await again.push(checkpointNote: second)
        #expect(next.metQuorum && next.results.allSatisfy { $0.attempts == 1 })
        for url in Self.urls {
            let requests = try transport.requests(to: url)
            #expect(requests.map(\.oldSize) == [0, 6], "\(url)")
            #expect(requests[1].proof.count > 0 && requests[1].checkpointNote == second)
        }
        #expect(try Checkpoint(note: #require(try again.published())).size == 13)
        let state = try JSONParser().parse(Bytes.read(fixture.root + "/witnesses/state.json"))
        #expect(state["witnesses"]?.arrayValue?.compactMap { $0["size"]?.numberValue?.int64Value } == [13, 13, 13])
    }

    @Test func aWitnessAheadAnswers409AndTheRetryFromItsSizeSucceeds() async throws {
        let fixture = try PoolFixture("conflict")
        defer { fixture.remove() }
        let (witness, endpoint) = try fixture.witness("a")
        let early = try fixture.grow(by: 4)
        // The witness cosigned size 5 some other way (another process, a lost pool state): the pool does not know.
        try witness.cosign(checkpointNote: early, proof: [], logVerifierKeys: [fixture.logVkey])
        let transport = MemoryTransport([Self.urls[0]: MemoryTransport.serving(endpoint)])
        let pool = try fixture.pool(
            [try WitnessPeer(url: Self.urls[0], vkey: witness.vkey)],
            quorum: 1,
            transport: transport
        )

        let round = try await pool.push(checkpointNote: try fixture.grow(by: 6))
        let result = round.results[0]
        #expect(result.label == "ok" && result.attempts == 2 && result.witnessSize == 11)
        #expect(try transport.requests(to: Self.urls[0]).map(\.oldSize) == [0, 5])
        #expect(try witness.state().logs["example.org/test"]?.checkpoint.size == 11)
    }

    @Test func conflictsAreReportedAndNotRetried() async throws {
        let fixture = try PoolFixture("conflicts")
        defer { fixture.remove() }
        let checkpoint = try fixture.grow(by: 3)
        let url = Self.urls[0]
        let vkey = try fixture.witness("a").witness.vkey
        let sizeType = WitnessResponse.sizeContentType
        let cases: [(MemoryTransport.Handler, String, Int)] = [
            // Ahead of this checkpoint: the witness saw a larger tree.
            ({ _, _ in (409, sizeType, Array("99\n".utf8)) }, "conflict", 1),
            // 409 again with another size after the retry.
            ({ call, _ in (409, sizeType, Array("\(call)\n".utf8)) }, "conflict", 2),
            // 409 without a size: an earlier revision's fork answer.
            ({ _, _ in (409, nil, []) }, "conflict", 1),
            ({ _, _ in (422, nil, []) }, "conflict", 1),
            ({ _, _ in (404, nil, []) }, "error", 1),
            ({ _, _ in (403, nil, []) }, "error", 1),
            ({ _, _ in (400, nil, []) }, "error", 1),
            // A malformed size body is no size.
            ({ _, _ in (409, sizeType, Array("07\n".utf8)) }, "conflict", 1),
        ]
        for (index, (handler, label, attempts)) in cases.enumerated() {
            let transport = MemoryTransport([url: handler])
            let sleeps = RecordedSleeps()
            let pool = try fixture.pool(
                [try WitnessPeer(url: url, vkey: vkey)],
                quorum: 1,
                transport: transport,
                sleeps: sleeps
            )
            let round = try await pool.push(checkpointNote: checkpoint)
            #expect(round.results[0].label == label && round.results[0].attempts == attempts, "case \(index)")
            #expect(!round.metQuorum && round.published == nil && sleeps.recorded.isEmpty, "case \(index)")
        }
    }

    @Test func transientFailuresAreRetriedWithBoundedBackoff() async throws {
        let fixture = try PoolFixture("transient")
        defer { fixture.remove() }
        let (witness, endpoint) = try fixture.witness("a")
        let serving = MemoryTransport.serving(endpoint)
        let url = Self.urls[0]
        let peer = try WitnessPeer(url: url, vkey: witness.vkey)
        let checkpoint = try fixture.grow(by: 3)

        // 500, then a timeout, then the answer: cosigned on the third request after waits of 250 and 500 ms.
        let flaky = MemoryTransport([
            url: { call, body in
                switch call {
                case 1: return (500, nil, [])
                case 2: throw MemoryTransport.TimedOut()
                default: return try serving(call, body)
                }
            }
        ])
        let sleeps = RecordedSleeps()
        let round = try await fixture.pool([peer], quorum: 1, transport: flaky, sleeps: sleeps).push(
            checkpointNote: checkpoint
        )
        #expect(round.results[0].label == "ok" && round.results[0].attempts == 3 && round.metQuorum)
        #expect(sleeps.recorded == [.milliseconds(250), .milliseconds(500)])

        // A witness that never answers: given up after the policy's count of requests, each with its timeout.
        let dead = MemoryTransport([url: MemoryTransport.timingOut])
        let waits = RecordedSleeps()
        let policy = WitnessRetryPolicy(
            attempts: 5,
            requestTimeout: .seconds(1),
            firstBackoff: .milliseconds(100),
            maximumBackoff: .milliseconds(300),
            budget: .seconds(60)
        )
        let gaveUp = try await fixture.pool([peer], quorum: 1, transport: dead, sleeps: waits, policy: policy).push(
            checkpointNote: checkpoint
        )
        #expect(
            gaveUp.results[0].label == "error" && gaveUp.results[0].attempts == 5 && gaveUp.results[0].status == nil
        )
        #expect(waits.recorded == [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300)])
        #expect(dead.bodies(to: url).count == 5)

        // The time bound: with 1 s timeouts and a 2.5 s budget only two requests fit (1 + 0.1 + 1 s).
        let short = WitnessRetryPolicy(
            attempts: 10,
            requestTimeout: .seconds(1),
            firstBackoff: .milliseconds(100),
            budget: .milliseconds(2_500)
        )
        let bounded = try await fixture.pool(
            [peer],
            quorum: 1,
            transport: MemoryTransport([url: MemoryTransport.timingOut]),
            policy: short
        ).push(checkpointNote: checkpoint)
        #expect(bounded.results[0].attempts == 2)

        // 503 and 429 are transient too.
        for status in [503, 429] {
            let busy = MemoryTransport([url: { call, body in call == 1 ? (status, nil, []) : try serving(call, body) }])
            let result = try await fixture.pool([peer], quorum: 1, transport: busy).push(checkpointNote: checkpoint)
            #expect(result.results[0].label == "ok" && result.results[0].attempts == 2, "\(status)")
        }
    }

    @Test func aCosignatureByAnotherKeyIsRejectedAndNotCounted() async throws {
        let fixture = try PoolFixture("wrong-key")
        defer { fixture.remove() }
        let expected = try fixture.witness("a")
        let other = try fixture.witness("b")
        let url = Self.urls[0]
        let checkpoint = try fixture.grow(by: 3)
        let peer = try WitnessPeer(url: url, vkey: expected.witness.vkey)

        // Another witness answers at the URL: its valid cosignature is by a key the pool does not trust for it.
        let impostor = MemoryTransport([url: MemoryTransport.serving(other.endpoint)])
        let round = try await fixture.pool([peer], quorum: 1, transport: impostor).push(checkpointNote: checkpoint)
        #expect(round.results[0].label == "bad_signature" && round.cosigned == 0 && !round.metQuorum)
        #expect(
            round.published == nil
                && !FileManager.default.fileExists(atPath: fixture.root + "/witnesses/published.note")
        )

        // A line with the right name and key ID whose signature does not verify (forged, or for another checkpoint).
        let genuine = MemoryTransport.serving(expected.endpoint)
        let forged = MemoryTransport([
            url: { call, body in
                var reply = try genuine(call, body)
                let line = try Note.parse(Array("x\n\n".utf8) + reply.body).signatures[0]
                var bytes = line.signature
                bytes[bytes.count - 1] ^= 1
                reply.body = Array(try NoteSignature(name: line.name, keyID: line.keyID, signature: bytes).line.utf8)
                return reply
            }
        ])
        let tampered = try await fixture.pool([peer], quorum: 1, transport: forged).push(checkpointNote: checkpoint)
        #expect(tampered.results[0].label == "bad_signature" && tampered.published == nil)
        #expect(tampered.results[0].witnessSize == nil)

        // Beside a good line, lines by unknown keys are ignored and not published.
        let extra = MemoryTransport([
            url: { call, body in
                var reply = try genuine(call, body)
                let stranger = other.endpoint.respond(to: body)
                if reply.status == 200 && stranger.status == 200 { reply.body = stranger.body + reply.body }
                return reply
            }
        ])
        let mixed = try await fixture.pool([peer], quorum: 1, transport: extra).push(
            checkpointNote: try fixture.grow(by: 1)
        )
        #expect(mixed.results[0].label == "ok" && mixed.results[0].attempts == 2)
        let published = try #require(mixed.published)
        #expect(published.signatures.map(\.name) == ["example.org/test", "a.example/witness"])
    }

    @Test func whenTheQuorumIsNotMetThePublishedCheckpointStaysTheLastThatMetIt() async throws {
        let fixture = try PoolFixture("not-met")
        defer { fixture.remove() }
        let a = try fixture.witness("a")
        let b = try fixture.witness("b")
        let transport = MemoryTransport([
            Self.urls[0]: MemoryTransport.serving(a.endpoint), Self.urls[1]: MemoryTransport.serving(b.endpoint),
        ])
        let peers = [
            try WitnessPeer(url: Self.urls[0], vkey: a.witness.vkey),
            try WitnessPeer(url: Self.urls[1], vkey: b.witness.vkey),
        ]
        let policy = WitnessRetryPolicy(attempts: 2)
        let pool = try fixture.pool(peers, quorum: 2, transport: transport, policy: policy)

        let met = try await pool.push(checkpointNote: try fixture.grow(by: 4))
        let published = try #require(met.published)
        #expect(met.metQuorum)

        // Witness b goes down: the newer checkpoint has one cosignature of two, and is not published.
        transport.route(Self.urls[1], MemoryTransport.timingOut)
        let missed = try await pool.push(checkpointNote: try fixture.grow(by: 4))
        #expect(!missed.metQuorum && missed.cosigned == 1 && missed.results.map(\.label) == ["ok", "error"])
        #expect(missed.published == published)
        #expect(try pool.published() == published)
        #expect(Bytes.read(fixture.root + "/witnesses/published.note") == published.format())

        // A pool started afresh (a restarted server) still serves it.
        #expect(try fixture.pool(peers, quorum: 2, transport: transport).published() == published)

        // b comes back: it is brought up to date from the size it last cosigned, and the newest checkpoint is published.
        transport.route(Self.urls[1], MemoryTransport.serving(b.endpoint))
        let latest = try fixture.grow(by: 2)
        let back = try await pool.push(checkpointNote: latest)
        #expect(back.metQuorum)
        #expect(try Checkpoint(note: #require(back.published)).size == 11)
        #expect(try transport.requests(to: Self.urls[1]).last?.oldSize == 5)

        // Pushing an older checkpoint again gets conflicts (the witnesses are ahead) and changes nothing.
        let stale = try await pool.push(checkpointNote: published.format())
        #expect(stale.results.map(\.label) == ["conflict", "conflict"])
        #expect(try Checkpoint(note: #require(stale.published)).size == 11)
    }

    @Test func aPoolThatCannotBeMetIsRefused() throws {
        let fixture = try PoolFixture("config")
        defer { fixture.remove() }
        let vkey = try fixture.witness("a").witness.vkey
        let peer = try WitnessPeer(url: Self.urls[0], vkey: vkey)
        let twice = try WitnessPeer(url: Self.urls[1], vkey: vkey)
        let configurations: [([WitnessPeer], Int)] = [([peer], 2), ([peer], 0), ([], 1), ([peer, twice], 1)]
        for (peers, quorum) in configurations {
            #expect(throws: LedgerError(.badInput, "")) {
                try fixture.pool(peers, quorum: quorum, transport: MemoryTransport())
            }
        }
        #expect(throws: LedgerError(.badInput, "")) { try WitnessPeer(url: Self.urls[0], vkey: fixture.logVkey) }
    }

    @Test func aLinkInPlaceOfTheWitnessesDirectoryIsRefused() async throws {
        let fixture = try PoolFixture("link")
        defer { fixture.remove() }
        let (witness, endpoint) = try fixture.witness("a")
        let transport = MemoryTransport([Self.urls[0]: MemoryTransport.serving(endpoint)])
        let pool = try fixture.pool(
            [try WitnessPeer(url: Self.urls[0], vkey: witness.vkey)],
            quorum: 1,
            transport: transport
        )
        // The attack: witnesses/ points at a directory of the attacker's, to receive or to supply the pool's files.
        let elsewhere = fixture.dir.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/witnesses", withDestinationPath: elsewhere)
        let checkpoint = try fixture.grow(by: 2)
        await #expect(throws: LedgerError(.refused, "")) { try await pool.push(checkpointNote: checkpoint) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        // A published note planted there is not served either.
        Bytes.write(checkpoint, elsewhere + "/published.note")
        #expect(throws: LedgerError(.refused, "")) { try pool.published() }
    }

    @Test func damagedPoolFilesAreReportedWithWhatToDo() async throws {
        let fixture = try PoolFixture("damaged")
        defer { fixture.remove() }
        let (witness, endpoint) = try fixture.witness("a")
        let transport = MemoryTransport([Self.urls[0]: MemoryTransport.serving(endpoint)])
        let pool = try fixture.pool(
            [try WitnessPeer(url: Self.urls[0], vkey: witness.vkey)],
            quorum: 1,
            transport: transport
        )
        let checkpoint = try fixture.grow(by: 2)
        _ = try await pool.push(checkpointNote: checkpoint)
        for name in ["state.json", "published.note"] {
            let path = fixture.root + "/witnesses/" + name
            let intact = Bytes.read(path)
            Bytes.write(Array("{\"format\":".utf8), path)
            do {
                _ = try await pool.push(checkpointNote: checkpoint)
                Issue.record("a damaged \(name) was not reported")
            } catch {
                #expect(error.code == .corrupt && error.message.contains("delete it"), "\(error)")
            }
            Bytes.write(intact, path)
        }
        #expect(try await pool.push(checkpointNote: checkpoint).metQuorum)
    }
}
