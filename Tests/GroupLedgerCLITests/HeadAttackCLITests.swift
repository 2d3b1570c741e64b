import Foundation
import LedgerCore
import Testing

/// Security issue #11, D2 and D9 (verify side), end to end: an office holding the files but not the key lowers the
/// head or empties its checkpoint; `verify` and the readers must say what they found.
@Suite struct HeadAttackCLITests {
    /// A ledger of 6 records: genesis, 2 posts (size 3), 3 posts (size 6). Returns its path, the head file bytes at
    /// size 3, the checkpoint files at sizes 3 and 6, and the log's verifier key.
    private func sixRecords(_ scratch: Scratch) throws -> (ledger: String, head3: [UInt8], cp6: String, vkey: String) {
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let first = scratch.write("a.jsonl", Array((1...2).map { Line.post("a\($0)") + "\n" }.joined().utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, first]).status == 0)
        let head3 = Array(try Data(contentsOf: URL(fileURLWithPath: ledger + "/head")))
        let second = scratch.write("b.jsonl", Array((1...3).map { Line.post("b\($0)") + "\n" }.joined().utf8))
        #expect(try CLI.run(["append", "--ledger", ledger, second]).status == 0)
        let cp6 = scratch.write("cp6.note", Array(try CLI.run(["checkpoint", "--ledger", ledger]).stdout.utf8))
        let vkey = try CLI.run(["vkey", "--ledger", ledger]).stdout.trimmingCharacters(in: .newlines)
        return (ledger, head3, cp6, vkey)
    }

    /// The head file with the checkpoint line of both slots emptied and their check lines recomputed: no key needed.
    private func emptyingCheckpoints(_ head: [UInt8]) -> [UInt8] {
        let slotSize = 8192
        var out: [UInt8] = []
        for slot in 0..<2 {
            let bytes = head[(slot * slotSize)..<((slot + 1) * slotSize)]
            let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            var lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("check ") }
            lines = lines.map { $0.hasPrefix("checkpoint ") ? "checkpoint " : $0 }
            let body = Array((lines.joined(separator: "\n") + "\n").utf8)
            var slotBytes = body + Array("check \(SHA256().hash(body).hex)\n".utf8)
            slotBytes += [UInt8](repeating: 0, count: slotSize - slotBytes.count)
            out += slotBytes
        }
        return out
    }

    /// Attack 1 with the genuinely signed old head put back: verify is INTACT but says plainly that 3 records lie
    /// past the head and proves the size-6 checkpoint against them; `log`, `state`, `audit` and `show` show all 6
    /// records (before the fix they showed 3, hiding the tail from an inspection) and warn on standard error.
    @Test func loweredHeadHidesNothingFromVerifyOrTheReaders() throws {
        let scratch = Scratch("lowered-head")
        defer { scratch.remove() }
        let (ledger, head3, cp6, vkey) = try sixRecords(scratch)
        try Data(head3).write(to: URL(fileURLWithPath: ledger + "/head"))

        let verify = try CLI.run(["verify", "--ledger", ledger, "--checkpoint", cp6, "--vkey", vkey])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("PAST THE HEAD: 3 records (3..<6) that the writer adopts when it next opens"))
        #expect(
            verify.stdout.contains(
                "note: 3 records past the head (the head was not advanced: a crash, or the head was lowered); the "
                    + "writer adopts them when it next opens"
            )
        )
        #expect(verify.stdout.contains("ANCHORED up to size 6"))
        let json = try CLI.run(["verify", "--ledger", ledger, "--json"]).stdout
        #expect(
            json.contains(#""past_head":3"#) && json.contains(#""adopted_size":6"#) && json.contains(#""head_size":3"#)
        )

        let warning = "warning: 3 records past the head (records 3..<6) are included"
        let log = try CLI.run(["log", "--ledger", ledger])
        #expect(log.status == 0)
        #expect(log.stdout.split(separator: "\n").count == 6)
        #expect(log.stderr.contains(warning))
        let show = try CLI.run(["show", "--ledger", ledger, "5"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stderr.contains(warning))
        let state = try CLI.run(["state", "--ledger", ledger])
        #expect(state.stdout.hasPrefix("state through record 5"), "\(state.stdout)")
        #expect(state.stderr.contains(warning))
        let audit = try CLI.run(["audit", "--ledger", ledger, "--format", "json"])
        #expect(audit.stdout.contains(#""records":6"#), "\(audit.stdout.prefix(300))")
        #expect(audit.stderr.contains(warning))

        // The writer adopts them; afterwards nobody warns.
        let empty = scratch.write("empty.jsonl", [])
        #expect(try CLI.run(["append", "--ledger", ledger, empty]).status == 0)
        let after = try CLI.run(["log", "--ledger", ledger])
        #expect(after.stdout.split(separator: "\n").count == 6)
        #expect(after.stderr.isEmpty)
    }

    /// Attack 1 with the lowered head's checkpoint emptied: `verify --checkpoint cp6 --vkey V` said INTACT and
    /// "ANCHORED up to size 6"; now it is DAMAGED (exit 1) and names the head.
    @Test func headWithoutItsCheckpointIsDamaged() throws {
        let scratch = Scratch("head-no-checkpoint")
        defer { scratch.remove() }
        let (ledger, head3, cp6, vkey) = try sixRecords(scratch)
        try Data(emptyingCheckpoints(head3)).write(to: URL(fileURLWithPath: ledger + "/head"))

        let verify = try CLI.run(["verify", "--ledger", ledger, "--checkpoint", cp6, "--vkey", vkey])
        #expect(verify.status == 1)
        #expect(verify.stdout.hasPrefix("DAMAGED: "))
        #expect(verify.stdout.contains("the head records 3 records but carries no signed checkpoint"))
        #expect(verify.stdout.contains("at file head, record 2"))
        #expect(verify.stdout.contains("checked 6 records before stopping"))
        #expect(!verify.stdout.contains("ANCHORED"))
        let json = try CLI.run(["verify", "--ledger", ledger, "--json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains(#""kind":"head-checkpoint-missing""#))

        let log = try CLI.run(["log", "--ledger", ledger])
        #expect(log.stdout.split(separator: "\n").count == 6)
        #expect(log.stderr.contains("warning: the head records 3 records but carries no signed checkpoint"))
    }

    /// D9: a FIFO named like a segment made `verify` block forever; it is refused with its path, at once.
    @Test func fifoInSegmentsIsRefusedWithoutBlocking() throws {
        let scratch = Scratch("fifo")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let name = "segments/\(String(repeating: "0", count: 18))99.seg"
        #expect(mkfifo(ledger + "/" + name, 0o644) == 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["verify", "--ledger", ledger]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Not `timeout(1)`: a child of Process inherits blocked signals, so only SIGKILL stops a blocked verify.
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let blocked = process.isRunning
        if blocked { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(!blocked, "verify blocked on the FIFO")
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1, "\(stdout)")
        #expect(stdout.contains("\(name) is a FIFO (named pipe), not a regular file"))
    }

    /// D9: "checked 0 records before stopping" was printed after records had been checked.
    @Test func damagedRecordReportsTheRecordsCheckedBeforeIt() throws {
        let scratch = Scratch("count")
        defer { scratch.remove() }
        let (ledger, _, _, _) = try sixRecords(scratch)
        let segment = ledger + "/segments/" + String(repeating: "0", count: 20) + ".seg"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: segment)))
        // Damage the id "b2" of record 4.
        let needle = Array(#""id":"b2""#.utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + needle.count, bytes.count)]) == needle })
        bytes[at + needle.count - 2] = UInt8(ascii: "9")
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let verify = try CLI.run(["verify", "--ledger", ledger])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("record 4 is damaged"))
        #expect(verify.stdout.contains("checked 4 records before stopping; nothing was repaired"), "\(verify.stdout)")
    }
}
