import LedgerCore
import Testing

@testable import LedgerStorage

/// The writer encodes frames from a record's fields straight into its buffer; the bytes must be exactly the frame of
/// ``Record``'s own encoding, which the reader and verifier decode.
@Suite struct FrameEncodingTests {
    let sha = SHA256()

    static let cases: [(flags: Record.Flags, seq: UInt64, time: Int64)] = [
        ([], 0, 0),
        ([.hasContent, .endsBatch], 1_234_567, 1_767_225_600_000),
        ([.ledgerEvent], .max, .min),
    ]

    @Test(arguments: cases.indices)
    func framesMatchTheRecordEncoding(index: Int) {
        let (flags, seq, time) = Self.cases[index]
        let prev = sha.hash(Array("prev".utf8))
        let commitment = flags.contains(.hasContent) ? sha.hash(Array("content".utf8)) : .zero
        let envelope = Array(#"{"actor":"a","id":"e1","time":"2026-01-01T00:00:00Z","type":"post.created"}"#.utf8)
        var out: [UInt8] = [0xAA]  // a frame is appended after what the buffer holds
        let leaf = envelope.withUnsafeBytes { envelope in
            SegmentFormat.appendFrame(
                seq: seq,
                flags: flags,
                appendedAtMillis: time,
                prev: prev,
                contentCommitment: commitment,
                envelope: envelope,
                to: &out,
                sha: sha
            )
        }
        let record = Record(
            seq: seq,
            flags: flags,
            appendedAtMillis: time,
            prev: prev,
            contentCommitment: commitment,
            envelope: envelope
        ).encoded()
        var expected: [UInt8] = [0xAA]
        BigEndian.append(UInt32(record.count), to: &expected)
        expected += record
        sha.leafHash(record).append(to: &expected)
        #expect(out == expected)
        #expect(leaf == sha.leafHash(record))
    }

    /// A batch's salts go into the content store as they are.
    @Test func aBatchDrawsSaltsOfTheContentStoresSize() {
        #expect(PreparedBatch.saltSize == ContentFormat.saltSize)
    }
}
