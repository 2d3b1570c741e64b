import Foundation
import GroupDomain
import LedgerCore
import LedgerInspection
import LedgerStorage
import Testing

/// Search over ids, names and post text, forgiving diacritics, case and Unicode normalisation, never finding
/// withheld content.
@Suite struct SearchTests {
    @Test func nfcNfdAndUnaccentedQueriesFindTheSameRecords() throws {
        let subject = try IndexTests.subject("search")
        defer { subject.ledger.remove() }
        let view = subject.view
        let nfdPost = try #require(
            subject.records.first {
                $0.event.content?["text"]?.stringValue?.unicodeScalars.contains("\u{0323}") == true
            }
        )
        let nfdText = try #require(nfdPost.event.content?["text"]?.stringValue)
        let nfcText = nfdText.precomposedStringWithCanonicalMapping
        #expect(Array(nfdText.utf8) != Array(nfcText.utf8))
        let word = try #require(nfcText.split(separator: " ").first { $0.unicodeScalars.contains { !$0.isASCII } })
        let queries = [
            String(word), String(word).decomposedStringWithCanonicalMapping, String(word).uppercased(),
        ]
        let found = queries.map { query in IndexTests.allPages(size: 20) { view.search(query, page: $0) }.map(\.seq) }
        #expect(found[0].contains(nfdPost.seq), "\(word)")
        #expect(found.allSatisfy { $0 == found[0] })

        let nfcPost = try #require(
            subject.records.first { $0.event.content?["text"]?.stringValue?.contains("Đề nghị") == true }
        )
        for query in ["Đề nghị", "Đề nghị".decomposedStringWithCanonicalMapping, "de nghi", "DE NGHI", "Ðề nghị"] {
            #expect(
                view.search(query, page: PageRequest(size: 5000)).items.contains { $0.seq == nfcPost.seq },
                "\(query)"
            )
        }
    }

    @Test func searchFindsIdsNamesPositionsAndTextAsAScanDoes() throws {
        let subject = try IndexTests.subject("scan")
        defer { subject.ledger.remove() }
        let view = subject.view
        var folding = SearchFolding()
        func words(_ value: JSONValue?) -> [String] {
            guard let value else { return [] }
            if let text = value.stringValue { return folding.words(of: text) }
            if let items = value.arrayValue { return items.flatMap(words) }
            return value.objectValue?.members.flatMap { words($0.value) } ?? []
        }
        let withheld = Set(view.state.withholdings.keys)
        for query in ["Huỳnh Hữu Yến", "p-017", "phó chủ tịch", "dịch tả lợn", "g-7301128844556677003", "mật ong"] {
            let wanted = Set(folding.words(of: query))
            let expected = subject.records.filter { record in
                let event = record.event
                var found = Set(
                    ([event.id, event.actor, event.type] + [event.group].compactMap { $0 }).flatMap {
                        folding.words(of: $0)
                    } + words(event.data)
                )
                if !withheld.contains(record.seq) { found.formUnion(words(event.content)) }
                return wanted.isSubset(of: found)
            }.map(\.seq).reversed()
            let found = IndexTests.allPages(size: 25) { view.search(query, page: $0) }.map(\.seq)
            #expect(found == Array(expected), "\(query)")
            #expect(!found.isEmpty, "\(query)")
        }
        #expect(view.search("").total == 0)
        #expect(view.search("   ,, ").total == 0)
    }

    @Test func withheldTextIsNeverFoundNorReturned() throws {
        let subject = try IndexTests.subject("withheld")
        defer { subject.ledger.remove() }
        let view = subject.view
        let classified = subject.ledger.classifiedSeq
        for query in ["TUYỆT MẬT", "tuyet mat", "nhân sự không chia sẻ", "Kế hoạch TUYỆT MẬT về nhân sự"] {
            #expect(
                !view.search(query, page: PageRequest(size: 10000)).items.contains { $0.seq == classified },
                "\(query)"
            )
        }
        #expect(view.search("tuyet").total == 0)
        #expect(view.search(ProvinceLedger.classifiedPost).items.map(\.seq) == [classified])

    }

    @Test func aWithholdingLandingAfterThePostTakesItsWordsOutOfTheIndex() throws {
        let ledger = try ProvinceLedger("withheld-later", withholding: false)
        defer { ledger.remove() }
        let inspection = Inspection(configuration: .default)
        try inspection.catchUp(reader: ledger.reader(), size: ledger.size)
        #expect(inspection.view.search("tuyet mat").items.map(\.seq) == [ledger.classifiedSeq])
        let size = try ledger.withholdClassified()
        try inspection.catchUp(reader: ledger.reader(), size: size)
        let view = inspection.view
        #expect(view.search("tuyet mat").total == 0)
        #expect(view.search("tuyet").total == 0)
        #expect(view.search(ProvinceLedger.classifiedPost).items.map(\.seq) == [ledger.classifiedSeq])
        #expect(view.state.withholdings[ledger.classifiedSeq] != nil)
    }
}
