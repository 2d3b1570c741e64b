import Foundation
import LedgerCore
import SystemPackage
import Testing

@testable import LedgerStorage

@Suite struct IdTableTests {
    @Test func findsEveryInsertedIdAcrossGrowthAndNothingElse() {
        let sha = SHA256()
        var table = IdTable(minimumCapacity: 1)
        for n in 0..<5000 { table.insert(IdDigest(id: "id-\(n)", sha: sha), seq: UInt64(n)) }
        #expect(table.count == 5000)
        for n in 0..<5000 { #expect(table.seq(of: IdDigest(id: "id-\(n)", sha: sha)) == UInt64(n)) }
        for n in 5000..<6000 { #expect(table.seq(of: IdDigest(id: "id-\(n)", sha: sha)) == nil) }
        // A second insert of the same id keeps the first seq.
        table.insert(IdDigest(id: "id-7", sha: sha), seq: 99_999)
        #expect(table.count == 5000)
        #expect(table.seq(of: IdDigest(id: "id-7", sha: sha)) == 7)
    }
}

@Suite struct SavedIdTableTests {
    @Test func theSavedTableRoundTripsAndIsIgnoredWhenItBelongsToAnotherHistory() throws {
        var options = LedgerOptions()
        options.idTableSaveInterval = 10
        let fixture = try LedgerFixture("ids", batches: (1...30).map { [Events.post($0)] }, options: options)
        defer { fixture.remove() }
        let tablePath = fixture.root + "/index/ids.table"
        #expect(FileManager.default.fileExists(atPath: tablePath))

        let reopened = try Ledger.open(at: fixture.root, options: options)
        #expect(
            try reopened.append([Events.post(5), Events.post(31)]).counts
                == AppendResult(
                    appended: 1,
                    duplicates: 1,
                    firstSeq: 31,
                    size: 32
                )
        )
        reopened.close()

        // A table saved by another ledger (another history) must not make new events look like duplicates.
        let other = try LedgerFixture("ids-other", batches: (100...115).map { [Events.post($0)] }, options: options)
        defer { other.remove() }
        try FileManager.default.removeItem(atPath: tablePath)
        try FileManager.default.copyItem(atPath: other.root + "/index/ids.table", toPath: tablePath)
        let misled = try Ledger.open(at: fixture.root, options: options)
        defer { misled.close() }
        #expect(try misled.append([Events.post(105)]).appended == 1)
        #expect(try misled.append([Events.post(7)]).duplicates == 1)

        let sha = SHA256()
        var table = IdTable(minimumCapacity: 4)
        table.insert(IdDigest(id: "a", sha: sha), seq: 3)
        let path = fixture.dir.path + "/table"
        func reread(_ bytes: [UInt8]) throws -> (table: IdTable, covered: UInt64, anchor: Hash)? {
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let file = try LedgerFile.open(path, name: "table", .readOnly)
            defer { file.close() }
            return try IdTable.read(file, sha: sha)
        }
        let decoded = try reread(table.encoded(covered: 4, anchor: .zero, sha: sha))
        #expect(decoded?.covered == 4)
        #expect(decoded?.table.seq(of: IdDigest(id: "a", sha: sha)) == 3)
        var damaged = table.encoded(covered: 4, anchor: .zero, sha: sha)
        damaged[20] ^= 1
        #expect(try reread(damaged) == nil)
    }
}
