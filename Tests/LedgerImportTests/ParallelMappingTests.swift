import Foundation
import LedgerCore
import LedgerImport
import Testing

/// A large chunk is mapped on several threads; what comes out must not depend on how many, nor on how the input
/// was cut into chunks.
@Suite struct ParallelMappingTests {
    /// 1,000 zca lines: group messages, a 1:1 message (skipped), and bad lines (rejected) spread through.
    static let capture: [UInt8] = {
        var lines: [String] = []
        for n in 0..<1000 {
            switch n % 97 {
            case 13: lines.append(#"{"event":"message","payload":{"type":1},"account":"7301000000000000002"}"#)
            case 41:
                lines.append(
                    zcaLine("message", zcaMessage("").replacingOccurrences(of: #""type":1"#, with: #""type":0"#))
                )
            case 77: lines.append("{not json")
            default:
                lines.append(
                    zcaLine(
                        "message",
                        zcaMessage(#","mentions":[]"#).replacingOccurrences(of: "6001", with: "\(6001 + n)")
                    )
                )
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }()

    /// Every outcome as text: events by their canonical bytes, rejections and skips by their messages.
    static func summary(_ decoded: Decoded) -> [String] {
        decoded.events.map {
            String(decoding: $0.canonicalChainBytes() + ($0.canonicalContentBytes() ?? []), as: UTF8.self)
        }
            + decoded.rejected.map(\.description) + decoded.skipped
    }

    @Test func oneThreadOrFourGiveTheSameOutcomesAsLineSizedChunks() throws {
        var serial = ZcaDecoder(source: ImportSource(name: "capture.jsonl"))
        serial.threads = 1
        let expected = Self.summary(serial.decode(Self.capture, chunk: 700))
        #expect(expected.count == 1000)

        for threads in [1, 2, 4] {
            var decoder = ZcaDecoder(source: ImportSource(name: "capture.jsonl"))
            decoder.threads = threads
            let decoded = decoder.decode(Self.capture)
            #expect(decoded.units == 1000)
            #expect(decoded.rejected.count == 21)
            #expect(decoded.skipped.count == 10)
            #expect(Self.summary(decoded) == expected, "with \(threads) threads")
        }
    }

    /// What `consume(_:reducing:)` keeps, in order: for events their canonical bytes, otherwise the message.
    static func kept(_ outcome: ImportOutcome) -> [String] {
        switch outcome {
        case .events(let events, _):
            events.map { String(decoding: $0.chainBytes + ($0.contentBytes ?? []), as: UTF8.self) }
        case .rejected(let error): [error.description]
        case .skipped(_, let reason): [reason]
        }
    }

    @Test func reducingOnTheDecodingThreadsKeepsOrderAndContent() throws {
        var plain = ZcaDecoder(source: ImportSource(name: "capture.jsonl"))
        plain.threads = 1
        let expected = plain.decodeAll(Self.capture).flatMap(Self.kept)

        for threads in [1, 2, 4] {
            var decoder = ZcaDecoder(source: ImportSource(name: "capture.jsonl"))
            decoder.threads = threads
            var kept = Self.capture.withUnsafeBytes { decoder.consume($0, reducing: Self.kept) }
            kept += decoder.finish(reducing: Self.kept)
            #expect(kept.count == 1000)
            #expect(kept.flatMap { $0 } == expected, "with \(threads) threads")
        }
    }
}
