import Foundation
import LedgerCore
import TestSupport
import Testing

/// `--follow` through a pipe, as a capture sidecar drives it: acknowledgements per durable commit, SIGTERM commits
/// what was read and exits 0, and a resent tail adds no duplicates.
@Suite struct ImportFollowCLITests {
    /// Collects a process's standard output line by line on a thread of its own, which reads the pipe with
    /// blocking `read(2)` calls until the end of the stream. (Foundation's `readabilityHandler`, a dispatch read
    /// source, was used before; one full run crashed inside libdispatch's event loop while tests like this one ran.)
    final class LineCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        private var partial = ""
        private var ended = false

        init(_ handle: FileHandle) {
            Thread { [self] in
                while true {
                    let data = PipeRead.some(handle)
                    lock.lock()
                    defer { lock.unlock() }
                    if data.isEmpty {
                        ended = true
                        return
                    }
                    partial += String(decoding: data, as: UTF8.self)
                    while let newline = partial.firstIndex(of: "\n") {
                        lines.append(String(partial[..<newline]))
                        partial = String(partial[partial.index(after: newline)...])
                    }
                }
            }.start()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }

        /// Every line, once the output has ended (the process exited and its last line was read), waiting up to
        /// `seconds`.
        func waitForEnd(seconds: Double = 20) -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                lock.lock()
                let done = ended
                lock.unlock()
                if done { break }
                usleep(10_000)
            }
            return all
        }

        /// Waits up to `seconds` until `count` lines arrived.
        func wait(for count: Int, seconds: Double = 20) -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while all.count < count && Date() < deadline { usleep(10_000) }
            return all
        }
    }

    static func lines(_ range: ClosedRange<Int>) -> Data {
        Data(range.map { zcaCLILine("70\($0)") + "\n" }.joined().utf8)
    }

    /// Waits until the process has read everything written to `pipe`: a fixed sleep is too short on a busy machine,
    /// and a SIGTERM before the read would rightly commit nothing of it. (Linux counts the bytes still in a pipe
    /// on either end; the test keeps only the writing one.)
    static func waitUntilRead(_ pipe: Pipe, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var unread: Int32 = 0
        repeat {
            try #require(ioctl(pipe.fileHandleForWriting.fileDescriptor, UInt(FIONREAD), &unread) == 0)
            if unread == 0 { return }
            usleep(5_000)
        } while Date() < deadline
        Issue.record("the process did not read its input within \(seconds) s")
    }

    static func follow(_ ledger: String, _ command: [String]) throws -> (Process, Pipe, LineCollector) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments =
            command + ["--ledger", ledger, "--follow", "--commit-every", "5", "--commit-interval-ms", "100"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let collector = LineCollector(output.fileHandleForReading)
        try process.run()
        return (process, input, collector)
    }

    @Test func followAcknowledgesCommitsAndStopsCleanlyOnSIGTERM() throws {
        let scratch = Scratch("follow")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])

        let (process, input, acks) = try Self.follow(ledger, ["import", "zca", "-"])
        input.fileHandleForWriting.write(Self.lines(1...12))
        // 5 and 5 by count, then the last 2 after the 100 ms interval.
        let first = acks.wait(for: 3)
        #expect(first.count == 3, "\(first)")
        #expect(first.first?.hasPrefix("ack 1: 5 events (5 appended, 0 duplicates) through stdin line 5") == true)
        #expect(first.last?.contains("through stdin line 12") == true)
        // A line still waiting for its newline when SIGTERM arrives is not committed; the full lines before are.
        input.fileHandleForWriting.write(Self.lines(13...14) + Data(zcaCLILine("7099").utf8))
        try Self.waitUntilRead(input)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        // The collector may still be reading the last line after the process exited.
        let all = acks.waitForEnd()
        #expect(all.count == 4 && all.last?.contains("through stdin line 14") == true, "\(all)")

        // The sidecar resends from an earlier point: nothing is stored twice.
        let (again, resend, moreAcks) = try Self.follow(ledger, ["import", "zca", "-"])
        resend.fileHandleForWriting.write(Self.lines(10...20))
        try resend.fileHandleForWriting.close()
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
        let resent = moreAcks.waitForEnd()
        #expect(resent.contains { $0.contains("5 duplicates") }, "\(resent)")
        let ids = try CLI.run(["log", "--ledger", ledger]).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t").last! }
        #expect(ids.count == 20 && Set(ids).count == 20)
    }

    @Test func appendFollowsTooAndStopsAtABadLineAfterCommittingTheOnesBefore() throws {
        let scratch = Scratch("append-follow")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        let (process, input, acks) = try Self.follow(ledger, ["append", "-"])
        input.fileHandleForWriting.write(Data((Line.post("a") + "\n" + Line.post("b") + "\n{\"id\":7}\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 65)
        #expect(acks.wait(for: 1).first?.contains("2 events (2 appended, 0 duplicates) through stdin line 2") == true)
        #expect(try CLI.run(["log", "--ledger", ledger]).stdout.split(separator: "\n").count == 3)
    }
}
