import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) during `append`: the run stops after the chunk in hand, cuts what it staged back out of the files
/// and exits 130 — no torn tail for the next open to quarantine; with `--batch`, the batches committed before stay.
@Suite(.serialized) struct InterruptCLITests {
    /// A ledger with 3 events and a file of `count` more.
    static func prepared(_ scratch: Scratch, count: Int) throws -> (ledger: String, input: String) {
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/interrupt"])
        let first = scratch.write("first.jsonl", Array((1...3).map { Line.post("f\($0)") + "\n" }.joined().utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, first]).status == 0)
        var text = ""
        text.reserveCapacity(count * 230)
        for n in 0..<count { text += Line.post("i\(n)") + "\n" }
        return (ledger, scratch.write("many.jsonl", Array(text.utf8)))
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? -1
    }

    /// Starts `arguments`, waits until `file` grows past its size (at most 120 s), sends SIGINT and waits for the
    /// exit; returns the status and standard error.
    static func interrupt(_ arguments: [String], whenGrows file: String) throws -> (Process, String) {
        let before = size(file)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, size(file) <= before, Date() < deadline { usleep(5_000) }
        #expect(process.isRunning, "the append ended before it was interrupted: make the input larger")
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process, stderr)
    }

    @Test func anInterruptedSingleCommitLeavesTheLedgerAsItWas() throws {
        let scratch = Scratch("interrupt-one")
        defer { scratch.remove() }
        let (ledger, input) = try Self.prepared(scratch, count: 300_000)
        let segment = ledger + "/segments/00000000000000000000.seg"
        let content = ledger + "/content/00000000000000000000.content"
        let files = [segment, content, ledger + "/head"].map { ($0, Self.size($0)) }
        let (process, stderr) = try Self.interrupt(["append", "--ledger", ledger, input], whenGrows: segment)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted: nothing was appended"), "\(stderr)")
        for (path, size) in files { #expect(Self.size(path) == size, "\(path) is as it was") }
        let verify = try CLI.run(["verify", "--ledger", ledger, "--json"])
        #expect(verify.status == 0 && verify.stdout.contains(#""records":4"#), "\(verify.stdout)")
        #expect(verify.stdout.contains(#""torn_records":0"#), "no torn tail left: \(verify.stdout)")
        let next = try CLI.run([
            "append", "--ledger", ledger, scratch.write("one.jsonl", Array((Line.post("after") + "\n").utf8)),
        ])
        #expect(next.status == 0 && next.stderr.isEmpty, "no recovery to do: \(next.stderr)")
        let quarantine = (try? FileManager.default.contentsOfDirectory(atPath: ledger + "/quarantine")) ?? []
        #expect(quarantine.isEmpty)
    }

    @Test func anInterruptedBatchedAppendKeepsTheBatchesCommittedBefore() throws {
        let scratch = Scratch("interrupt-batch")
        defer { scratch.remove() }
        let (ledger, input) = try Self.prepared(scratch, count: 100_000)
        let segment = ledger + "/segments/00000000000000000000.seg"
        let (process, stderr) = try Self.interrupt(
            ["append", "--ledger", ledger, "--batch", "1000", input],
            whenGrows: segment
        )
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(stderr)")
        let verify = try CLI.run(["verify", "--ledger", ledger, "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
        let records = try CLI.run(["log", "--ledger", ledger]).stdout.split(separator: "\n").count
        #expect(records > 4 && records < 100_004, "some batches, not all: \(records)")
        #expect(records % 1000 == 4, "whole batches of 1,000 only: \(records)")
        #expect(stderr.contains("the ledger holds \(records) records"), "\(stderr)")
    }
}
