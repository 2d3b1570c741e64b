import Foundation
import LedgerCore
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Two agencies' `groupledger serve` processes witnessing each other (issue #14): each pushes its checkpoints to
/// the other's `add-checkpoint` (`--witness URL`) and answers the other's (`--witness-dir`) on its own listener.
@Suite struct MutualWitnessCLITests {
    /// One agency: its ledger, its log key, its witness directory and that witness's key, an importer token.
    struct Agency {
        let name: String
        let origin: String
        let ledger: String
        let logKey: String
        let witnessDirectory: String
        let witnessKey: String
        let token: String

        init(_ name: String, in scratch: Scratch) throws {
            self.name = name
            origin = "\(name).gov.vn/ubnd/zalo-groups"
            ledger = scratch.path + "/\(name)-ledger"
            witnessDirectory = scratch.path + "/\(name)-witness"
            guard try CLI.run(["init", "--ledger", ledger, "--origin", origin]).status == 0 else {
                throw RawHTTP.Failure(description: "cannot init the ledger of \(name)")
            }
            logKey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
            witnessKey = try CLI.run([
                "witness", "init", "--dir", witnessDirectory, "--name", "thanhtra.\(name).gov.vn/witness",
            ]).stdout.trimmingCharacters(in: .newlines)
            token = try CLI.run(["token", "add", "--ledger", ledger, "--role", "importer", "--name", "sidecar"])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// `serve` on `port`, witnessing `other`'s log at /peer and pushing to `other`'s witness on `otherPort`.
        func serve(port: Int, other: Agency, otherPort: Int, scratch: Scratch) throws -> WitnessServeCLITests.Daemon {
            try WitnessServeCLITests.Daemon(
                [
                    "serve", "--ledger", ledger, "--listen", "127.0.0.1:\(port)",
                    "--witness-dir", witnessDirectory, "--witness-log-vkey", other.logKey, "--witness-prefix", "/peer",
                    "--witness", "http://127.0.0.1:\(otherPort)/peer", "--witness-vkey", other.witnessKey,
                ],
                stderrPath: scratch.path + "/\(name).err"
            )
        }

        /// Appends `ids` over HTTP; the ledger's size after the commit.
        func append(_ ids: [String], port: Int) throws -> UInt64 {
            let body = Array(ids.map { Line.post($0) + "\n" }.joined().utf8)
            let answer = try RawHTTP.request(
                port: port,
                "POST",
                "/v1/events",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/x-ndjson"],
                body: body
            )
            guard answer.status == 200, let size = try JSONParser().parse(answer.body)["size"]?.numberValue?.int64Value
            else {
                throw RawHTTP.Failure(description: "\(name): append answered \(answer.status) \(answer.text)")
            }
            return UInt64(size)
        }

        /// The size this agency's witness last cosigned for `other`'s log, from `witness show --json`.
        func witnessedSize(of other: Agency) throws -> UInt64? {
            let shown = try CLI.run(["witness", "show", "--dir", witnessDirectory, "--json"])
            guard case .array(let logs)? = try JSONParser().parse(Array(shown.stdout.utf8))["logs"] else { return nil }
            let log = logs.first { $0["origin"] == .string(other.origin) }
            return log?["size"]?.numberValue?.int64Value.map(UInt64.init)
        }
    }

    /// Two ports that were free a moment ago (a listener bound to port 0, then closed).
    static func freePorts() throws -> (Int, Int) {
        let first = try RawHTTP.Listener()
        let second = try RawHTTP.Listener()
        return (first.port, second.port)
    }

    /// `/checkpoint` of the server on `port` once it is of `size` and carries a cosignature that verifies with
    /// `witnessKey`; polled at most 600 times, 100 ms apart. `nil` when it never did.
    static func cosignedCheckpoint(port: Int, size: UInt64, witnessKey: String) throws -> Note? {
        let verifier = try CosignatureVerifier(vkey: witnessKey)
        for _ in 0..<600 {
            let answer = try RawHTTP.request(port: port, "GET", "/checkpoint")
            if answer.status == 200, let note = try? Note.parse(answer.body),
                let checkpoint = try? Checkpoint(note: note), checkpoint.size == size,
                note.signatures.contains(where: {
                    $0.keyID == verifier.keyID && verifier.verify(text: note.textBytes, signature: $0.signature)
                })
            {
                return note
            }
            usleep(100_000)
        }
        return nil
    }

    @Test func twoServeProcessesWitnessEachOther() throws {
        let scratch = Scratch("mutual-witness")
        defer { scratch.remove() }
        let a = try Agency("daklak", in: scratch)
        let b = try Agency("gialai", in: scratch)

        // Each must know the other's port before it starts: take two free ports, and try again with others (at most
        // 3 times) if one was taken meanwhile.
        var pair: (a: WitnessServeCLITests.Daemon, b: WitnessServeCLITests.Daemon)?
        var problems: [String] = []
        for _ in 0..<3 where pair == nil {
            let (portA, portB) = try Self.freePorts()
            do {
                let daemonA = try a.serve(port: portA, other: b, otherPort: portB, scratch: scratch)
                do {
                    pair = (daemonA, try b.serve(port: portB, other: a, otherPort: portA, scratch: scratch))
                } catch {
                    _ = daemonA.terminate()
                    throw error
                }
            } catch {
                problems.append("\(error)")
            }
        }
        guard let pair else {
            Issue.record("the two servers did not start: \(problems)")
            return
        }
        // On a failed expectation below, the daemons are killed when they go out of scope.
        let (serverA, serverB) = pair

        // Two rounds: the second is cosigned from the sizes of the first (a consistency proof each way).
        for (round, ids) in [(1, ["a1", "a2"]), (2, ["a3", "a4", "a5"])] {
            let sizeA = try a.append(ids.map { "\(a.name)-\($0)" }, port: serverA.port)
            let sizeB = try b.append(ids.dropLast().map { "\(b.name)-\($0)" }, port: serverB.port)
            let noteA = try Self.cosignedCheckpoint(port: serverA.port, size: sizeA, witnessKey: b.witnessKey)
            #expect(
                noteA != nil,
                "round \(round): A's size \(sizeA) not cosigned by B; A: \(serverA.stderr) B: \(serverB.stderr)"
            )
            let noteB = try Self.cosignedCheckpoint(port: serverB.port, size: sizeB, witnessKey: a.witnessKey)
            #expect(
                noteB != nil,
                "round \(round): B's size \(sizeB) not cosigned by A; A: \(serverA.stderr) B: \(serverB.stderr)"
            )
            // Each witness recorded the other's size before its answer went back.
            #expect(try b.witnessedSize(of: a) == sizeA)
            #expect(try a.witnessedSize(of: b) == sizeB)
        }

        // The add-checkpoint requests are in each server's own access log and metrics.
        let metrics = try RawHTTP.request(port: serverA.port, "GET", "/metrics").text
        #expect(metrics.contains(#"groupledger_witness_add_checkpoint_total{result="cosigned"}"#))
        #expect(metrics.contains(#"groupledger_http_requests_total{route="/peer/add-checkpoint",status="200"}"#))
        #expect(serverA.terminate() == 0)
        #expect(serverB.terminate() == 0)
        let accessLog = try String(contentsOfFile: b.ledger + "/access.jsonl", encoding: .utf8)
        #expect(accessLog.contains(#""path":"/peer/add-checkpoint","status":200"#), "\(accessLog)")
    }

    @Test func witnessHostOptionsWithoutADirectoryAre64AndAMissingDirectory66() throws {
        let scratch = Scratch("mutual-witness-options")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/options"]).status == 0)
        for arguments in [
            ["--witness-log-vkey", "a+b+c"],
            ["--witness-prefix", "/peer"],
            ["--witness-dir", scratch.path, "--witness-prefix", "peer/"],
            ["--witness-dir", scratch.path, "--witness-lock-timeout", "0"],
        ] {
            let result = try CLI.run(["serve", "--ledger", ledger, "--listen", "127.0.0.1:0"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let missing = try CLI.run([
            "serve", "--ledger", ledger, "--listen", "127.0.0.1:0", "--witness-dir", scratch.path + "/none",
        ])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("witness init"))
    }
}
