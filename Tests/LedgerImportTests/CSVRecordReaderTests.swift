import Testing

@testable import LedgerImport

@Suite struct CSVRecordReaderTests {
    static func read(_ bytes: [UInt8], chunk: Int, max: Int = 1000) -> [Result<CSVRecord, ImportError>] {
        var reader = CSVRecordReader(name: "r.csv", maxRecordBytes: max)
        var out: [Result<CSVRecord, ImportError>] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            out += bytes[start..<end].withUnsafeBytes { reader.feed($0) }
            start = end
        }
        return out + reader.finish()
    }

    static let sample: [UInt8] =
        [0xef, 0xbb, 0xbf] + Array("a,b,c\r\n\"x, \"\"y\"\"\",,\"multi\r\nline\"\r\n\r\nlast,\"\",end".utf8)

    /// RFC 4180 quoting, CRLF, a BOM, an empty line (counted, skipped), a last record without a line break: the
    /// same records, rows and offsets for every chunk size.
    @Test(arguments: 1...9)
    func recordsAreTheSameForEveryChunkSize(_ chunk: Int) throws {
        let records = try Self.read(Self.sample, chunk: chunk).map { try $0.get() }
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, \"y\"", "", "multi\r\nline"], ["last", "", "end"]])
        #expect(records.map(\.location.number) == [1, 2, 4])
        #expect(records.map(\.location.byteOffset) == [3, 10, 39])
    }

    @Test(arguments: [
        ("a,b\"c\nok\n", "quote inside an unquoted field"), ("\"a\"b\nok\n", "after a closing quote"),
        ("a,\u{1}\nok\n", "control character 0x1"), ("a,\0\nok\n", "control character 0x0"),
    ])
    func errorsNameTheRowAndTheReaderResumesAtTheNextLine(_ input: String, _ words: String) {
        let results = Self.read(Array(input.utf8), chunk: 3)
        guard results.count == 2, case .failure(let error) = results[0], case .success(let next) = results[1] else {
            Issue.record("\(input): \(results)")
            return
        }
        #expect(error.reason.contains(words), "\(error)")
        #expect(error.location.number == 1)
        #expect(next.fields == ["ok"] && next.location.number == 2)
    }

    @Test func invalidUTF8AndUnterminatedQuotesAreRefused() {
        let bad = Self.read(Array("a,".utf8) + [0xc3, 0x28] + Array("\nok\n".utf8), chunk: 2)
        #expect(bad.count == 2)
        if case .failure(let error) = bad[0] { #expect(error.reason.contains("UTF-8")) } else { Issue.record("\(bad)") }
        let open = Self.read(Array("a,\"never closed\nb".utf8), chunk: 4)
        #expect(open.count == 1)
        if case .failure(let error) = open[0] {
            #expect(error.reason.contains("still open"))
        } else {
            Issue.record("\(open)")
        }
    }

    /// A 1 MB record against a 100-byte limit: one error, nothing buffered, the next record read.
    @Test func anOverLongRecordIsSkipped() {
        let input = Array(("x," + String(repeating: "y", count: 1_000_000) + "\nok\n").utf8)
        let results = Self.read(input, chunk: 4096, max: 100)
        #expect(results.count == 2)
        if case .failure(let error) = results[0] { #expect(error.reason.contains("longer than 100")) }
        if case .success(let next) = results[1] { #expect(next.fields == ["ok"]) } else { Issue.record("\(results)") }
    }
}
