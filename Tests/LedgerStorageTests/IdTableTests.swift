import Foundation
import LedgerCore
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
