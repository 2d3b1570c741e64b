import LedgerCore
import TestSupport
import Testing

@testable import LedgerImport

/// A bulk ingest takes each chunk's outcomes packed (``SourceDecoder/consumePacked(_:)``): the events' bytes in one
/// buffer, written straight into it by the envelope direct path. What comes out must be exactly what the unit-by-unit
/// outcomes give — the same units, the same record and content bytes, the same id hashes, and a content commitment
/// to a salt and the content — whatever the chunking of the input and the number of decoding threads.
@Suite struct PackedOutcomesTests {
    /// Each unit of one reading, with its events as text: the id hash, the record bytes and the content bytes.
    static func view(_ runs: [PackedOutcomes]) -> [String] {
        var out: [String] = []
        for run in runs {
            var next = 0
            for unit in run.units {
                switch unit {
                case .events(let count):
                    for entry in run.events.entries[next..<next + count] {
                        let bytes = run.events.bytes
                        let chain = String(decoding: bytes[entry.chainStart..<entry.chainEnd], as: UTF8.self)
                        // Content comes after its salt, under a commitment to both.
                        let salted = Array(bytes[entry.chainEnd..<entry.contentEnd])
                        #expect(entry.contentCommitment == (entry.hasContent ? SHA256().hash(salted) : .zero))
                        let content =
                            entry.hasContent
                            ? String(decoding: salted.dropFirst(PreparedBatch.saltSize), as: UTF8.self) : "-"
                        out.append("\(entry.idHash.hex) \(entry.isFlagged) \(chain) \(content)")
                    }
                    next += count
                case .rejected(let error): out.append(error.description)
                case .skipped(let reason): out.append("skipped: \(reason)")
                }
            }
            #expect(next == run.events.count, "a run holds exactly its units' events")
        }
        return out
    }

    /// The unit-by-unit outcomes of the general path (no direct path, one thread, one chunk), packed afterwards.
    static func reference(_ bytes: [UInt8]) -> [String] {
        var decoder = EnvelopeLinesDecoder(name: "events.jsonl")
        decoder.threads = 1
        decoder.directPath = false
        return view([PackedOutcomes(decoder.decodeAll(bytes))])
    }

    /// The packed outcomes of the direct path, `threads` decoding threads, the input fed `chunk` bytes at a time.
    static func packed(_ bytes: [UInt8], threads: Int, chunk: Int) -> [String] {
        var decoder = EnvelopeLinesDecoder(name: "events.jsonl")
        decoder.threads = threads
        var runs: [PackedOutcomes] = []
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            runs += bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { decoder.consumePacked($0) }
        }
        runs += decoder.finishPacked()
        return view(runs)
    }

    static func expectSame(_ lines: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let expected = reference(bytes)
        #expect(expected.count >= lines.count / 2, sourceLocation: sourceLocation)
        for (threads, chunk) in [(1, bytes.count + 1), (2, bytes.count + 1), (2, 4096), (1, 97)] {
            let got = packed(bytes, threads: threads, chunk: chunk)
            #expect(
                got.count == expected.count,
                "\(threads) threads, \(chunk)-byte chunks",
                sourceLocation: sourceLocation
            )
            for (number, (want, have)) in zip(expected, got).enumerated() where want != have {
                Issue.record(
                    "unit \(number + 1), \(threads) threads, \(chunk)-byte chunks:\n general: \(want)\n packed:  \(have)",
                    sourceLocation: sourceLocation
                )
                break
            }
        }
    }

    @Test(arguments: ["../demo/events.jsonl", "../province/events.jsonl"])
    func theFixturesPackAsTheGeneralPathDecodesThem(name: String) {
        Self.expectSame(String(decoding: Fixture.bytes(name), as: UTF8.self).split(separator: "\n").map(String.init))
    }

    @Test(arguments: [11 as UInt64, 12, 13])
    func randomLinesPackAsTheGeneralPathDecodesThem(seed: UInt64) {
        var generator = SeededRandom(seed: seed)
        let lines = (0..<3000).map { _ in EnvelopeDirectLineRandomTests.line(&generator) }
        Self.expectSame(lines)
        #expect(EnvelopeDirectLineTests.claimed(lines) > 600, "the direct path must take part")
    }

    /// Lines the direct path declines after writing part of their bytes (a content past its limit, an object key
    /// beyond U+FFFF) leave nothing behind in the batch.
    @Test func aLineDeclinedMidwayLeavesNothingInTheBatch() {
        let big = String(repeating: "a", count: EnvelopeRules.maxContentBytes)
        let lines = [
            #"{"id":"e1","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","data":{"kind":"text","message":"m1"},"content":{"text":"ok"}}"#,
            #"{"id":"e2","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","data":{"kind":"text","message":"m2"},"content":{"text":"\#(big)"}}"#,
            #"{"id":"e3","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","data":{"kind":"text","message":"m3"},"content":{"😀":1,"a":2}}"#,
            #"{"id":"e4","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","data":{"kind":"text","message":"m4"}}"#,
        ]
        Self.expectSame(lines)
        let packed = Self.packed(Array(lines.joined(separator: "\n").utf8), threads: 1, chunk: 1 << 20)
        #expect(packed.count == 4)
        #expect(packed[0].hasSuffix(#" {"text":"ok"}"#))
        #expect(packed[2].hasSuffix(#" {"a":2,"😀":1}"#))
        #expect(packed[3].hasSuffix(" -"))
    }

    /// Every content gets its own salt, on either path into the batch, of the content store's size.
    @Test func everyContentHasItsOwnSalt() {
        let lines = (0..<600).map { n in
            #"{"id":"e\#(n)","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","data":{"kind":"text","message":"m\#(n)"},"content":{"text":"same"}}"#
        }
        var decoder = EnvelopeLinesDecoder(name: "events.jsonl")
        decoder.threads = 2
        var runs = Array(lines.joined(separator: "\n").utf8).withUnsafeBytes { decoder.consumePacked($0) }
        runs += decoder.finishPacked()
        runs.append(PackedOutcomes(EnvelopeLinesDecoder.general(lines.prefix(300))))
        var salts = Set<[UInt8]>()
        for run in runs {
            for entry in run.events.entries {
                salts.insert(Array(run.events.bytes[entry.chainEnd..<entry.chainEnd + PreparedBatch.saltSize]))
            }
        }
        #expect(salts.count == 900)
    }

    /// Formats without a direct path into the batch pack each unit's outcome on the thread that decoded it: the same
    /// as packing the outcomes afterwards, with any number of threads.
    @Test func otherFormatsPackTheirOutcomesOnTheDecodingThreads() {
        let bytes = Array(ZcaDirectMessageRandomTests.lines(seed: 5, count: 2000).joined(separator: "\n").utf8)
        var plain = ZcaDecoder(source: ZcaDirectMessageTests.file)
        plain.threads = 1
        let expected = Self.view([PackedOutcomes(plain.decodeAll(bytes))])
        for threads in [1, 2, 3] {
            var decoder = ZcaDecoder(source: ZcaDirectMessageTests.file)
            decoder.threads = threads
            var runs = bytes.withUnsafeBytes { decoder.consumePacked($0) }
            runs += decoder.finishPacked()
            #expect(Self.view(runs) == expected, "\(threads) threads")
        }
    }
}

extension EnvelopeLinesDecoder {
    /// The unit-by-unit outcomes of `lines` on the general path.
    static func general(_ lines: some Sequence<String>) -> [ImportOutcome] {
        var decoder = EnvelopeLinesDecoder(name: "events.jsonl")
        decoder.threads = 1
        decoder.directPath = false
        return decoder.decodeAll(Array(lines.joined(separator: "\n").utf8))
    }
}
