import Foundation
import LedgerCore
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `groupledger witness serve` and `serve --witness` as operators run them: two processes, the log pushing its
/// checkpoints to the witness over HTTP.
@Suite struct WitnessServeCLITests {
    /// A `groupledger` process that serves until SIGTERM; its standard error goes to a file.
    final class Daemon {
        let process = Process()
        let port: Int
        let stderrPath: String

        init(_ arguments: [String], stderrPath: String) throws {
            self.stderrPath = stderrPath
            guard FileManager.default.createFile(atPath: stderrPath, contents: nil) else {
                throw RawHTTP.Failure(description: "cannot create \(stderrPath)")
            }
            process.executableURL = CLI.binary
            process.arguments = arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle(forWritingAtPath: stderrPath)
            process.standardInput = FileHandle.nullDevice
            try process.run()
            do {
                port = try ServeCLITests.listeningPort(out)
            } catch {
                kill(process.processIdentifier, SIGKILL)
                throw error
            }
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        /// Sends SIGTERM and waits at most 60 s; the exit status, or `nil` when it did not exit.
        func terminate() -> Int32? {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            guard !process.isRunning, process.terminationReason == .exit else { return nil }
            return process.terminationStatus
        }
    }

    @Test func aServedLogIsCosignedByAWitnessServeProcess() throws {
        let scratch = Scratch("witness-serve")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        let witnessDirectory = scratch.path + "/inspectorate"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "daklak.gov.vn/ubnd/zalo-groups"]).status == 0)
        let logKey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let witnessKey = try CLI.run([
            "witness", "init", "--dir", witnessDirectory, "--name", "thanhtra.daklak.gov.vn/witness",
        ]).stdout.trimmingCharacters(in: .newlines)
        let token = try CLI.run(["token", "add", "--ledger", ledger, "--role", "importer", "--name", "sidecar-1"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let keysFile = scratch.write("log-keys", Array("# the office's log\n\(logKey)\n".utf8))

        let witness = try Daemon(
            [
                "witness", "serve", "--witness", witnessDirectory, "--listen", "127.0.0.1:0", "--prefix", "/daklak",
                "--log-vkeys-file", keysFile, "--access-log", scratch.path + "/witness-access.jsonl",
            ],
            stderrPath: scratch.path + "/witness.err"
        )
        let log = try Daemon(
            [
                "serve", "--ledger", ledger, "--listen", "127.0.0.1:0",
                "--witness", "http://127.0.0.1:\(witness.port)/daklak", "--witness-vkey", witnessKey,
                "--witness-quorum", "1",
            ],
            stderrPath: scratch.path + "/serve.err"
        )
        let body = Array((Line.post("witnessed-1") + "\n" + Line.post("witnessed-2") + "\n").utf8)
        let appended = try RawHTTP.request(
            port: log.port,
            "POST",
            "/v1/events",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/x-ndjson"],
            body: body
        )
        #expect(appended.status == 200, "\(appended.text)")
        let size = appended.text.split(separator: ",").first { $0.contains(#""size""#) }
            .flatMap { UInt64($0.split(separator: ":").last?.filter(\.isNumber) ?? "") }

        // The witnessed checkpoint appears at /checkpoint (polled at most 300 times, 100 ms apart).
        var note: Note?
        for _ in 0..<300 {
            let answer = try RawHTTP.request(port: log.port, "GET", "/checkpoint")
            if answer.status == 200, let parsed = try? Note.parse(answer.body),
                let checkpoint = try? Checkpoint(note: parsed), checkpoint.size == size
            {
                note = parsed
                break
            }
            usleep(100_000)
        }
        #expect(
            note != nil,
            "no witnessed checkpoint of size \(size ?? 0); serve: \(log.stderr) witness: \(witness.stderr)"
        )
        if let note {
            let verifier = try CosignatureVerifier(vkey: witnessKey)
            #expect(
                note.signatures.contains {
                    $0.keyID == verifier.keyID && verifier.verify(text: note.textBytes, signature: $0.signature)
                }
            )
        }
        // The witness recorded what it cosigned, and answers other methods with 405.
        #expect(try RawHTTP.request(port: witness.port, "GET", "/daklak/add-checkpoint").status == 405)
        // Its metrics count the cosignatures, and its access log has the requests.
        let metrics = try RawHTTP.request(port: witness.port, "GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains(#"groupledger_witness_add_checkpoint_total{result="cosigned"}"#))
        #expect(log.terminate() == 0)
        #expect(witness.terminate() == 0)
        let accessLog = try String(contentsOfFile: scratch.path + "/witness-access.jsonl", encoding: .utf8)
        #expect(accessLog.contains(#""path":"/daklak/add-checkpoint","status":200"#), "\(accessLog)")
        #expect(accessLog.contains(#""path":"/daklak/add-checkpoint","status":405"#))
        let shown = try CLI.run([
            "witness", "show", "--dir", witnessDirectory, "--origin", "daklak.gov.vn/ubnd/zalo-groups",
        ])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\n\(size ?? 0)\n"))
    }

    @Test func badOptionsAre64AMalformedLogKey65AndAMissingWitnessOrKeysFile66() throws {
        let scratch = Scratch("witness-serve-options")
        defer { scratch.remove() }
        let missing = try CLI.run(["witness", "serve", "--witness", scratch.path + "/none", "--listen", "127.0.0.1:0"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("witness init"))
        let witness = scratch.path + "/witness"
        #expect(try CLI.run(["witness", "init", "--dir", witness, "--name", "example.org/witness"]).status == 0)
        let badKey = try CLI.run([
            "witness", "serve", "--witness", witness, "--listen", "127.0.0.1:0", "--log-vkey", "not-a-key",
        ])
        #expect(badKey.status == 65, "\(badKey.stderr)")
        let noFile = try CLI.run([
            "witness", "serve", "--witness", witness, "--listen", "127.0.0.1:0", "--log-vkeys-file",
            scratch.path + "/absent",
        ])
        #expect(noFile.status == 66, "\(noFile.stderr)")
        for arguments in [
            ["witness", "serve", "--witness", scratch.path, "--listen", "nowhere"],
            ["witness", "serve", "--witness", scratch.path, "--listen", "127.0.0.1:0", "--prefix", "daklak/"],
            ["serve", "--ledger", scratch.path, "--witness", "http://127.0.0.1:1"],
            ["serve", "--ledger", scratch.path, "--witness", "ftp://x", "--witness-vkey", "a+b+c"],
            ["serve", "--ledger", scratch.path, "--witness-quorum", "1"],
        ] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }
}
