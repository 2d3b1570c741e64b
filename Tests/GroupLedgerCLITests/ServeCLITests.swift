import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `groupledger serve` as an operator runs it: the real binary, its `listening on` line, a request, SIGTERM.
@Suite struct ServeCLITests {
    /// Reads standard output until the `listening on http://HOST:PORT` line, for at most 60 s; returns the port.
    static func listeningPort(_ pipe: Pipe) throws -> Int {
        let handle = pipe.fileHandleForReading
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("\n"), Date() < deadline {
            let data = PipeRead.some(handle, until: deadline)
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        let line = seen.split(separator: "\n").first.map(String.init) ?? ""
        let prefix = "listening on http://127.0.0.1:"
        guard line.hasPrefix(prefix), let port = Int(line.dropFirst(prefix.count)) else {
            throw RawHTTP.Failure(description: "serve printed \(seen.debugDescription), not the listening line")
        }
        return port
    }

    @Test func serveHoldsTheWriterAnswersAfterTheCommitAndExitsZeroOnSIGTERM() throws {
        let scratch = Scratch("serve")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/serve"]).status == 0)
        let added = try CLI.run(["token", "add", "--ledger", ledger, "--role", "importer", "--name", "sidecar-1"])
        #expect(added.status == 0)
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("glt_"))
        let listed = try CLI.run(["token", "list", "--ledger", ledger])
        #expect(listed.stdout.contains("sidecar-1\timporter"))
        #expect(!listed.stdout.contains(token))

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--ledger", ledger, "--listen", "127.0.0.1:0"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let port = try ServeCLITests.listeningPort(out)

        let body = Array((Line.post("served-1") + "\n" + Line.post("served-2") + "\n").utf8)
        let answer = try RawHTTP.request(
            port: port,
            "POST",
            "/v1/events",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/x-ndjson"],
            body: body
        )
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.text.contains(#""appended":2"#))

        // The writer lock is the server's: a CLI append is refused with 75 and pointed at the HTTP API.
        let append = try CLI.run(["append", "--ledger", ledger, "-"], stdin: Data((Line.post("cli-1") + "\n").utf8))
        #expect(append.status == 75)
        #expect(append.stderr.contains("POST /v1/events"))

        kill(process.processIdentifier, SIGTERM)
        // Bounded: the process is killed by the deferred SIGKILL if it hangs past the wait.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning)
        if !process.isRunning {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
        }
        let log = try String(contentsOfFile: ledger + "/access.jsonl", encoding: .utf8)
        #expect(log.contains(#""token":"sidecar-1""#))
        // The events are in the ledger, and the ledger is whole.
        let shown = try CLI.run(["verify", "--ledger", ledger])
        #expect(shown.status == 0, "\(shown.stdout)\(shown.stderr)")
        let after = try CLI.run(["append", "--ledger", ledger, "--json", "-"], stdin: Data(body))
        #expect(after.stdout.contains(#""duplicates":2"#))
    }

    @Test func tokensAreRevokedByNameAndBadRolesAndNamesAreRefused() throws {
        let scratch = Scratch("tokens")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/tokens"]).status == 0)
        #expect(try CLI.run(["token", "add", "--ledger", ledger, "--role", "admin", "--name", "a"]).status == 64)
        #expect(
            try CLI.run(["token", "add", "--ledger", ledger, "--role", "auditor", "--name", "a\u{200B}"]).status == 65
        )
        #expect(
            try CLI.run(["token", "add", "--ledger", ledger, "--role", "auditor", "--name", "inspector"]).status == 0
        )
        #expect(
            try CLI.run(["token", "add", "--ledger", ledger, "--role", "auditor", "--name", "inspector"]).status == 65
        )
        #expect(try CLI.run(["token", "revoke", "--ledger", ledger, "nobody"]).status == 66)
        #expect(try CLI.run(["token", "revoke", "--ledger", ledger, "inspector"]).status == 0)
        let listed = try CLI.run(["token", "list", "--ledger", ledger, "--json"])
        #expect(listed.stdout.contains(#""name":"inspector""#) && listed.stdout.contains(#""revoked":"20"#))
        #expect(
            try CLI.run(["token", "add", "--ledger", scratch.path + "/none", "--role", "auditor", "--name", "x"])
                .status == 66
        )
    }

    @Test func aPortInUseExits74AndTheLedgerIsLeftClosed() throws {
        let scratch = Scratch("port")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/port"]).status == 0)
        let listener = try RawHTTP.Listener()
        let result = try CLI.run(["serve", "--ledger", ledger, "--listen", "127.0.0.1:\(listener.port)"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot serve on 127.0.0.1:\(listener.port)"))
        // The writer lock was released: an append works.
        let append = try CLI.run(["append", "--ledger", ledger, "-"], stdin: Data((Line.post("after") + "\n").utf8))
        #expect(append.status == 0)
    }
}
