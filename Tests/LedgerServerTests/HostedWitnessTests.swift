import Foundation
import LedgerCore
import LedgerServer
import LedgerStorage
import NIOHTTP1
import Testing

/// `serve --witness-dir`: the ledger server also answers another agency's log at `POST <prefix>/add-checkpoint`,
/// without a token, as `witness serve` does, in serve's own access log and metrics.
@Suite struct HostedWitnessTests {
    /// A witness in a new temporary directory; the caller removes `directory`.
    static func witness(_ label: String) throws -> (directory: String, witness: Witness) {
        let directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("groupledger-hosted-witness-\(label)-\(UUID().uuidString)").path
        try Witness.initialize(directory: directory, name: "office.example.gov/witness")
        return (directory, try Witness.open(directory: directory))
    }

    @Test func addCheckpointIsAnsweredWithoutATokenLoggedAndCounted() async throws {
        var log = try WitnessTestLog(origin: "example.org/other-agency")
        log.grow(to: 6)
        let (directory, witness) = try Self.witness("answered")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoint = try WitnessEndpoint(witness: witness, logVerifierKeys: [log.vkey])
        let served = try await Served.start("hosted-witness") {
            $0.witnessHost = HostedWitness(endpoint: endpoint, prefix: "/peer")
        }
        let first = try log.note(4)
        let cosigned = try await served.send(
            .POST,
            "/peer/add-checkpoint",
            contentType: "text/plain",
            body: Array(("old 0\n\n" + first).utf8)
        )
        #expect(cosigned.status == 200, "\(cosigned.text)")
        let note = try Note.parse(Array(first.utf8) + cosigned.body)
        #expect(
            note.signatures.contains {
                $0.name == witness.name && witness.verifier.verify(text: note.textBytes, signature: $0.signature)
            }
        )
        #expect(try witness.state().logs[log.origin]?.checkpoint.size == 4)

        // The next checkpoint with its proof from 4; then a stale old size (409) and a GET (405).
        let next = try await served.send(
            .POST,
            "/peer/add-checkpoint",
            contentType: "text/plain",
            body: Array(("old 4\n" + log.proofLines(4, 6) + "\n" + log.note(6)).utf8)
        )
        #expect(next.status == 200, "\(next.text)")
        let stale = try await served.send(
            .POST,
            "/peer/add-checkpoint",
            contentType: "text/plain",
            body: Array(("old 4\n\n" + log.note(6)).utf8)
        )
        #expect(stale.status == 409 && stale.text == "6\n")
        #expect(try await served.send(.GET, "/peer/add-checkpoint").status == 405)
        #expect(try await served.send(.POST, "/add-checkpoint", body: [0x0a]).status == 404)

        let metrics = try await served.send(.GET, "/metrics").text
        #expect(metrics.contains(#"groupledger_http_requests_total{route="/peer/add-checkpoint",status="200"} 2"#))
        #expect(metrics.contains(#"groupledger_http_requests_total{route="/peer/add-checkpoint",status="409"} 1"#))
        #expect(metrics.contains(#"groupledger_witness_add_checkpoint_total{result="cosigned"} 2"#))
        #expect(metrics.contains(#"groupledger_witness_add_checkpoint_total{result="conflict"} 1"#))
        try await served.stop(removing: false)
        let lines = try String(contentsOfFile: served.root + "/access.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONParser().parse(String($0)) }
        served.remove()
        let entry = lines.first
        #expect(entry?["path"] == "/peer/add-checkpoint")
        #expect(entry?["method"] == "POST")
        #expect(entry?["token"] == "-")
        #expect(entry?["status"]?.numberValue?.int64Value == 200)
        #expect(entry?["bytes_in"]?.numberValue?.int64Value == Int64(("old 0\n\n" + first).utf8.count))
    }

    @Test func aBodyOverTheWitnessLimitIs413AndNothingIsCosigned() async throws {
        var log = try WitnessTestLog(origin: "example.org/other-agency")
        log.grow(to: 3)
        let (directory, witness) = try Self.witness("limit")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoint = try WitnessEndpoint(witness: witness, logVerifierKeys: [log.vkey], maximumBodyBytes: 2048)
        let served = try await Served.start("hosted-witness-limit") {
            $0.witnessHost = HostedWitness(endpoint: endpoint)
        }
        let padding = String(repeating: "x", count: 4096)
        let large = try await served.send(
            .POST,
            "/add-checkpoint",
            contentType: "text/plain",
            body: Array(("old 0\n\n" + log.note(3) + padding).utf8)
        )
        #expect(large.status == 413)
        #expect(try witness.state().logs.isEmpty)
        let metrics = try await served.send(.GET, "/metrics").text
        #expect(metrics.contains(#"groupledger_witness_add_checkpoint_total{result="too_large"} 1"#))
        try await served.stop()
    }
}
