import Foundation
import LedgerCore
import LedgerImport
import LedgerIngest
import LedgerStorage
import Testing

/// The engine as a service drives it, without HTTP: many bodies at once, each appended exactly once, all or nothing.
@Suite struct BodyIngestTests {
    /// A ledger in a fresh temporary directory.
    final class Scratch {
        let path: String
        let ledger: Ledger

        init(_ label: String) throws {
            path =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("groupledger-ingest-\(label)-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            ledger = try Ledger.create(at: path + "/ledger", origin: "example.org/test")
        }

        deinit {
            ledger.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func line(_ id: String) -> String {
        #"{"id":"\#(id)","type":"post.created","time":"2026-11-03T07:45:12+07:00","actor":"7301000000000000001","#
            + #""group":"g-1","data":{"kind":"text","message":"m-\#(id)"},"content":{"text":"Báo cáo \#(id)"}}"#
            + "\n"
    }

    static func body(_ ids: [String]) -> [UInt8] { Array(ids.map(line).joined().utf8) }

    /// A thread-safe list of what the submitters saw.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var outcomes: [(ids: [String], outcome: BodyIngest.Outcome)] = []
        private(set) var failures: [String] = []

        func add(_ ids: [String], _ outcome: BodyIngest.Outcome) {
            lock.withLock { outcomes.append((ids, outcome)) }
        }

        func fail(_ text: String) { lock.withLock { failures.append(text) } }
    }

    @Test func concurrentSubmittersEachHaveExactlyTheirEventsAppended() throws {
        let scratch = try Scratch("concurrent")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let results = Results()
        let vkey = scratch.ledger.verifierKeys[0]
        // 64 submitters, each sending 1-event and 10-event bodies in turn, and one of its bodies twice (a retry).
        DispatchQueue.concurrentPerform(iterations: 64) { submitter in
            for round in 0..<4 {
                let count = round.isMultiple(of: 2) ? 1 : 10
                let ids = (0..<count).map { "s\(submitter):r\(round):\($0)" }
                do {
                    // Fed in uneven chunks, as a socket delivers them.
                    let bytes = BodyIngestTests.body(ids)
                    let cut = bytes.count / 3
                    let chunks = [Array(bytes[..<cut]), Array(bytes[cut...])]
                    results.add(ids, try ingest.submit(name: "request \(submitter)-\(round)", chunks))
                    if round == 1 {
                        let retry = try ingest.submit(name: "retry \(submitter)", [bytes])
                        if retry.appended != 0 || retry.duplicates != count { results.fail("retry appended again") }
                    }
                } catch {
                    results.fail("\(error)")
                }
            }
        }
        #expect(results.failures.isEmpty, "\(results.failures.prefix(3))")
        #expect(results.outcomes.count == 64 * 4)
        // Every record but the genesis belongs to exactly one body, at the seqs that body was told.
        let reader = LedgerReader(layout: scratch.ledger.layout, metadata: scratch.ledger.metadata)
        var idsBySeq: [UInt64: String] = [:]
        try reader.forEach(from: 1, through: scratch.ledger.size - 1) { entry in
            idsBySeq[entry.record.seq] = entry.envelope.id
        }
        #expect(idsBySeq.count == 64 * (1 + 10 + 1 + 10))
        for (ids, outcome) in results.outcomes {
            #expect(outcome.appended == ids.count && outcome.duplicates == 0)
            let first = try #require(outcome.firstSeq)
            #expect(ids.enumerated().allSatisfy { idsBySeq[first + UInt64($0.offset)] == $0.element })
            // The checkpoint it landed in covers it and is the ledger's.
            let note = try Note.open(try #require(outcome.checkpoint), using: [NoteVerifierKey.parse(vkey)])
            #expect(try Checkpoint(note: note.note).size >= outcome.size)
        }
        #expect(try Verifier(root: scratch.ledger.layout.root).run().isIntact)
    }

    @Test func aRefusedBodyAppendsNothingAndSaysWhere() throws {
        let scratch = try Scratch("refused")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 1 << 20)
        let good = BodyIngestTests.body(["a", "b"])
        let bad = Array(#"{"id":"c","type":"post.created","time":"yesterday","actor":"u1","data":{}}"#.utf8)
        let error = #expect(throws: BodyIngest.Failure.self) {
            try ingest.submit(name: "request 1", [good + bad + [0x0a]])
        }
        guard case .refused(let refused) = error else {
            Issue.record("expected a refused unit, got \(String(describing: error))")
            return
        }
        #expect(refused.location.number == 3)
        #expect(refused.byteOffset == good.count)
        #expect(refused.description.hasPrefix("request 1 line 3 (byte \(good.count)): "))
        #expect(refused.description.contains("\"time\""))
        #expect(scratch.ledger.size == 1)
    }

    @Test func anUnfinishedBodyAppendsNothingAndAnOversizedOneIsRefused() throws {
        let scratch = try Scratch("cancelled")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .envelopes, maxBodyBytes: 4096)
        do {
            var cancelled = ingest.begin(name: "request gone")
            try cancelled.feed(BodyIngestTests.body(["x", "y"]))
            // The client disconnects: the submission is dropped without finish.
        }
        #expect(scratch.ledger.size == 1)
        var large = ingest.begin(name: "request large")
        let tooLarge = #expect(throws: BodyIngest.Failure.self) {
            for n in 0..<100 { try large.feed(BodyIngestTests.body(["big-\(n)"])) }
        }
        #expect(tooLarge == .tooLarge(limit: 4096))
        #expect(throws: BodyIngest.Failure.self) { try large.finish() }
        #expect(scratch.ledger.size == 1)
        // And a body within the limit still goes through.
        #expect(try ingest.submit(name: "request small", [BodyIngestTests.body(["ok"])]).appended == 1)
    }

    @Test func anImporterFormatGoesThroughTheSameEngine() throws {
        let scratch = try Scratch("zca")
        let ingest = BodyIngest(ledger: scratch.ledger, format: .source(.zca), maxBodyBytes: 1 << 20)
        let refused = #expect(throws: BodyIngest.Failure.self) {
            try ingest.submit(name: "capture", [Array(#"{"event":"message","payload":{}}"#.utf8) + [0x0a]])
        }
        guard case .refused(let error) = refused else {
            Issue.record("expected a refused unit")
            return
        }
        #expect(error.location.name == "capture" && error.location.number == 1)
        #expect(scratch.ledger.size == 1)
    }
}
