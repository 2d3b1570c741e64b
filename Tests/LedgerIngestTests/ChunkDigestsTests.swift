import LedgerCore
import Testing

@testable import LedgerIngest

/// The second reading of `import --batch` over a file uses only the chunks the first reading checked.
@Suite struct ImportChunkDigestsTests {
    @Test func aChunkThatChangedBetweenTheReadingsIsRefused() throws {
        var digests = ChunkDigests(.recording)
        let first = Array("first chunk".utf8)
        let second = Array("second chunk".utf8)
        try first.withUnsafeBytes { try digests.see($0, input: 0, chunk: 0, name: "a.jsonl") }
        try second.withUnsafeBytes { try digests.see($0, input: 0, chunk: 1, name: "a.jsonl") }
        digests.check()
        try first.withUnsafeBytes { try digests.see($0, input: 0, chunk: 0, name: "a.jsonl") }
        let changed = Array("second chunK".utf8)
        let error = #expect(throws: LedgerError.self) {
            try changed.withUnsafeBytes { try digests.see($0, input: 0, chunk: 1, name: "a.jsonl") }
        }
        #expect(error?.code == .badInput && error?.message.contains("a.jsonl changed after it was checked") == true)
        #expect(throws: LedgerError.self) {
            try first.withUnsafeBytes { try digests.see($0, input: 0, chunk: 2, name: "a.jsonl") }
        }
    }

    @Test func withoutASecondReadingNothingIsHashed() throws {
        var digests = ChunkDigests(.off)
        try Array("anything".utf8).withUnsafeBytes { try digests.see($0, input: 3, chunk: 9, name: "b.jsonl") }
        #expect(digests.mode == .off)
    }
}
