import Foundation
import Testing

@Suite struct CrashCLITests {
    /// A writer killed with SIGKILL at random moments never loses an acknowledged event nor stores one twice.
    @Test func killedWritersLoseNoAcknowledgedEvent() throws {
        let scratch = Scratch("kill")
        defer { scratch.remove() }
        let ledger = scratch.path + "/ledger"
        try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var attempted: Set<String> = []
        var kills = 0
        var round = 0
        // Kill at a random moment within about one and a half times what an append of a round's shape (40 events,
        // commits of 7) takes on this machine right now, so that some appends finish and most are cut, however
        // loaded the machine is.
        let warmup = (0..<40).map { "warmup:\($0)" }
        attempted.formUnion(warmup)
        let started = Date()
        try CLI.run([
            "append", "--ledger", ledger, "--batch", "7",
            scratch.write("warmup.jsonl", Array(warmup.map { Line.post($0) + "\n" }.joined().utf8)),
        ])
        var window = max(UInt32(Date().timeIntervalSince(started) * 1.5e6), 20_000)
        while kills < 50 && round < 400 {
            round += 1
            // Each round resends the previous round's events too, as a source does after a crash.
            let ids =
                (0..<20).map { "kill:\(round):\($0)" } + (round > 1 ? (0..<20).map { "kill:\(round - 1):\($0)" } : [])
            attempted.formUnion(ids)
            let file = scratch.write("round.jsonl", Array(ids.map { Line.post($0) + "\n" }.joined().utf8))
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["append", "--ledger", ledger, "--batch", "7", file]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0..<window, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                acknowledged.append(contentsOf: ids)
            } else {
                #expect(process.terminationReason == .uncaughtSignal, "append failed: \(process.terminationStatus)")
                kills += 1
                // The machine got slower than the warm-up measured: widen the window until appends finish again.
                if acknowledged.isEmpty && kills % 8 == 0 { window = min(window * 2, 20_000_000) }
            }
        }
        #expect(kills >= 50)
        #expect(
            !acknowledged.isEmpty,
            "no append finished before its kill: the delays are too short to test acknowledgement"
        )
        let verify = try CLI.run(["verify", "--ledger", ledger])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let log = try CLI.run(["log", "--ledger", ledger])
        #expect(log.status == 0)
        var counts: [String: Int] = [:]
        for line in log.stdout.split(separator: "\n").dropFirst() {
            counts[String(line.split(separator: "\t").last!), default: 0] += 1
        }
        for id in Set(acknowledged) {
            #expect(counts[id] == 1, "acknowledged \(id) is stored \(counts[id] ?? 0) times")
        }
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(Set(counts.keys).subtracting(attempted).isEmpty, "stored events that were never sent")
    }
}
