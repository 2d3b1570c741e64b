import Foundation
import LedgerImport
import LedgerIngest
import LedgerStorage
import Testing

/// Every route into the ledger reports a bad input the same way: `append` of a file, `append --batch`,
/// `append --follow`, `append -` (standard input), `import envelopes` (plain, `--batch`, `--follow`) and the
/// in-process engine a service drives give the same message, naming the same input, line, byte and field, and exit
/// 65 appending nothing of the batch.
@Suite struct OneBehaviourTests {
    /// The message the engine gives in-process for `input` read under `name`.
    private func expected(_ input: [UInt8], name: String, scratch: Scratch) throws -> String {
        let ledger = try Ledger.create(at: scratch.path + "/engine-\(UUID().uuidString)", origin: "example.org/test")
        defer { ledger.close() }
        let ingest = BodyIngest(ledger: ledger, format: .envelopes, maxBodyBytes: 8 << 20)
        do {
            _ = try ingest.submit(name: name, [input])
        } catch {
            guard case .refused(let refused) = error else { return "\(error)" }
            #expect(ledger.size == 1, "the engine appended part of a refused body")
            return refused.description
        }
        Issue.record("the engine accepted a bad input")
        return ""
    }

    @Test(arguments: BadInput.allCases)
    func everyRouteGivesTheSameErrorAndLocation(_ bad: BadInput) throws {
        let scratch = Scratch("one-\(bad)")
        defer { scratch.remove() }
        let good = Array((Line.post("b") + "\n" + Line.post("c") + "\n").utf8)
        let input = bad == .bom ? [0xef, 0xbb, 0xbf] + bad.line + [0x0a] + good : good + bad.line + [0x0a]
        let file = scratch.write("bad.jsonl", input)
        let fromFile = try expected(input, name: file, scratch: scratch)
        let fromStdin = try expected(input, name: "stdin", scratch: scratch)
        #expect(fromFile.contains(bad.expectedWords), "\(fromFile)")

        let routes: [(name: String, arguments: [String], stdin: Data?, message: String, keepsGood: Bool)] = [
            ("append FILE", ["append", file], nil, fromFile, false),
            ("append --batch 1 FILE", ["append", "--batch", "1", file], nil, fromFile, false),
            ("append -", ["append", "-"], Data(input), fromStdin, false),
            ("append --follow FILE", ["append", "--follow", file], nil, fromFile, bad != .bom),
            ("import envelopes FILE", ["import", "envelopes", file], nil, fromFile, false),
            ("import envelopes --batch 1 FILE", ["import", "envelopes", "--batch", "1", file], nil, fromFile, false),
            ("import envelopes -", ["import", "envelopes", "-"], Data(input), fromStdin, false),
            ("import envelopes --follow FILE", ["import", "envelopes", "--follow", file], nil, fromFile, bad != .bom),
        ]
        for route in routes {
            let ledger = scratch.path + "/" + route.name.replacingOccurrences(of: " ", with: "_")
            try CLI.run(["init", "--ledger", ledger, "--origin", "example.org/test"])
            let result = try CLI.run(route.arguments + ["--ledger", ledger], stdin: route.stdin)
            #expect(result.status == 65, "\(route.name): \(result.stderr)")
            #expect(result.stderr.contains("groupledger: " + route.message), "\(route.name): \(result.stderr)")
            // --follow commits the lines before the bad one (each acknowledged); the others append nothing.
            let size = try LedgerReader(root: ledger).head().size
            #expect(size == (route.keepsGood ? 3 : 1), "\(route.name)")
        }
    }
}
