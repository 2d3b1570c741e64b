import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `groupledger serve --read-only` on an inspector's ledger: no writer lock, writes refused, a one-time login link
/// into the web view, and a proof downloaded from it that `proof verify` accepts offline.
@Suite struct ServeReadOnlyCLITests {
    /// Reads standard output until `count` lines arrived, for at most 60 s.
    static func lines(_ pipe: Pipe, count: Int) -> [String] {
        let handle = pipe.fileHandleForReading
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while seen.filter({ $0 == "\n" }).count < count, Date() < deadline {
            let data = PipeRead.some(handle, until: deadline)
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        return seen.split(separator: "\n").map(String.init)
    }

    @Test func anInspectorReadsByTheOneTimeLinkAndTheProofVerifiesOffline() throws {
        let scratch = Scratch("serve-read-only")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/inspection"]).status == 0)
        let events = scratch.write("e.jsonl", Array((1...3).map { Line.post("ro-\($0)") + "\n" }.joined().utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, events]).status == 0)
        let importer = try CLI.run(["token", "add", "--ledger", ledger, "--role", "importer", "--name", "sidecar"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--ledger", ledger, "--read-only", "--listen", "127.0.0.1:0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let lines = Self.lines(out, count: 2)
        try #require(lines.count == 2, "\(lines)")
        let port = try #require(lines[0].split(separator: ":").last.flatMap { Int($0) })
        #expect(lines[0] == "listening on http://127.0.0.1:\(port)")
        let prefix = "login link (once): http://127.0.0.1:\(port)/login/once/"
        try #require(lines[1].hasPrefix(prefix), "\(lines[1])")
        let link = String(lines[1].dropFirst(prefix.count - "/login/once/".count))

        // No writer lock: the office's own CLI still appends; the server refuses every write.
        let more = scratch.write("m.jsonl", Array((Line.post("ro-4") + "\n").utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, more]).status == 0)
        let post = try RawHTTP.request(
            port: port,
            "POST",
            "/v1/events",
            headers: ["Authorization": "Bearer \(importer)", "Content-Type": "application/x-ndjson"],
            body: Array((Line.post("ro-5") + "\n").utf8)
        )
        #expect(post.status == 403)
        #expect(post.text.contains("--read-only"))

        // The web view: a login is needed, the link opens a session once.
        let record = 2
        #expect(
            try RawHTTP.request(port: port, "GET", "/records/\(record)").headers["location"]
                == "/login?next=/records/\(record)"
        )
        let opened = try RawHTTP.request(port: port, "GET", link + "?next=/records/\(record)")
        #expect(opened.status == 303)
        #expect(opened.headers["location"] == "/records/\(record)")
        let cookie = try #require(opened.headers["set-cookie"]?.split(separator: ";").first.map(String.init))
        #expect(try RawHTTP.request(port: port, "GET", link).status == 404, "used once")
        let page = try RawHTTP.request(port: port, "GET", "/records/\(record)", headers: ["Cookie": cookie])
        #expect(page.status == 200)
        #expect(page.text.contains("Chỉ đọc") && page.text.contains("Báo cáo tiến độ"))

        // The proof download verifies offline against the ledger's key.
        let proof = try RawHTTP.request(port: port, "GET", "/records/\(record)/proof", headers: ["Cookie": cookie])
        #expect(proof.status == 200)
        let proofFile = scratch.write("r.proof", proof.body)
        let raw = scratch.path + "/r.bin"
        _ = FileManager.default.createFile(
            atPath: raw,
            contents: try CLI.run(["show", "--ledger", ledger, String(record), "--raw"]).stdoutData
        )
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        let verified = try CLI.run(["proof", "verify", proofFile, "--vkey", vkey, "--record", raw])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("VALID: record \(record) is in example.org/inspection"))

        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning && process.terminationStatus == 0)
    }

    @Test func readOnlyRefusesTheOptionsThatWrite() throws {
        let scratch = Scratch("serve-read-only-options")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        #expect(try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/inspection"]).status == 0)
        let secret = scratch.write("oa.secret", Array("s3cret\n".utf8))
        let refused = try CLI.run([
            "serve", "--ledger", ledger, "--read-only", "--oa-secret-file", secret, "--oa-app-id", "app-1",
        ])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--read-only"))
        #expect(try CLI.run(["serve", "--ledger", scratch.path + "/none", "--read-only"]).status == 66)
    }
}
