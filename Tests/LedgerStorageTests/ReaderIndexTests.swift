import Foundation
import LedgerCore
import LedgerStorage
import Testing

/// `LedgerReader.entry` reads one index entry and the record's own content entry, not whole files; the index is
/// derived data, so a wrong or short one only makes it scan, never read another record's content.
@Suite struct ReaderIndexTests {
    static func ledger(_ label: String) throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory(label)
        let root = directory.path + "/ledger"
        let ledger = try Ledger.create(at: root, origin: "example.org/reader-index")
        _ = try ledger.append((1...30).map { Events.post($0, text: "Nội dung \($0)") })
        ledger.close()
        return (directory, root)
    }

    static func text(_ entry: LedgerReader.Entry) -> String? {
        guard case .present(_, let bytes) = entry.content else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func eachRecordReadsItsOwnContent() throws {
        let (directory, root) = try Self.ledger("reader-own")
        defer { directory.remove() }
        let reader = try LedgerReader(root: root)
        for seq in UInt64(1)...30 {
            #expect(Self.text(try reader.entry(seq))?.contains("Nội dung \(seq)\"") == true, "record \(seq)")
        }
    }

    @Test func aBatchReadsWhatEachRecordReadsAcrossSegments() throws {
        let directory = TemporaryDirectory("reader-batch")
        defer { directory.remove() }
        let root = directory.path + "/ledger"
        var options = LedgerOptions()
        options.segmentRollBytes = 2_000
        let ledger = try Ledger.create(at: root, origin: "example.org/reader-batch", options: options)
        for batch in 0..<6 { _ = try ledger.append((1...5).map { Events.post(batch * 5 + $0, text: "Nội dung") }) }
        ledger.close()
        let reader = try LedgerReader(root: root)
        #expect(try SegmentList.read(reader.layout).count > 2, "records in several segments")
        let seqs: [UInt64] = [30, 1, 17, 17, 5, 0, 29]
        let batch = try reader.entries(seqs)
        #expect(batch.map(\.record.seq) == seqs)
        for (seq, entry) in zip(seqs, batch) {
            let one = try reader.entry(seq)
            #expect(entry.leafHash == one.leafHash && entry.content == one.content && entry.location == one.location)
        }
        #expect(try reader.entries([]).isEmpty)
        let error = #expect(throws: LedgerError.self) { try reader.entries([3, 31]) }
        #expect(error?.code == .notFound && error?.message.contains("record 31 does not exist") == true)
    }

    @Test func aWrongOrShortIndexOnlyMakesTheReaderScan() throws {
        let (directory, root) = try Self.ledger("reader-wrong-index")
        defer { directory.remove() }
        let index = root + "/index/\(LedgerLayout.stem(0)).idx"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        // Record 7's content offset now points at record 3's entry; record 9's frame offset at record 2's frame.
        let entry = RecordIndex.entrySize
        bytes.replaceSubrange(7 * entry + 20..<7 * entry + 24, with: bytes[3 * entry + 20..<3 * entry + 24])
        bytes.replaceSubrange(9 * entry + 16..<9 * entry + 20, with: bytes[2 * entry + 16..<2 * entry + 20])
        try bytes.write(to: URL(fileURLWithPath: index))
        let reader = try LedgerReader(root: root)
        #expect(Self.text(try reader.entry(7))?.contains("Nội dung 7\"") == true)
        // The frame found is not record 9's: said, not served.
        #expect(throws: LedgerError.self) { try reader.entry(9) }
        try Data(bytes.prefix(5 * entry)).write(to: URL(fileURLWithPath: index))
        for seq in UInt64(5)...30 {
            #expect(Self.text(try reader.entry(seq))?.contains("Nội dung \(seq)\"") == true, "record \(seq)")
        }
    }
}
