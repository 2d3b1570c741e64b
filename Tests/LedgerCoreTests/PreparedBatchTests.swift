import LedgerCore
import Testing

/// A batch packs events with their content salted and committed; the salts are what keep a withheld content's
/// commitment from a dictionary search, so no two contents may share one — copies of a batch included.
@Suite struct PreparedBatchTests {
    static func event(_ n: Int, content: Bool = true) throws -> PreparedEvent {
        let text =
            #"{"id":"e\#(n)","type":"post.created","time":"2026-11-01T08:00:00Z","actor":"a","group":"g","#
            + #""data":{"kind":"text","message":"m\#(n)"}"# + (content ? #","content":{"text":"same"}}"# : "}")
        return PreparedEvent(try EnvelopeDecoder().decode(Array(text.utf8), at: "line \(n)"))
    }

    static func salt(_ batch: PreparedBatch, _ index: Int) -> [UInt8] {
        let entry = batch.entries[index]
        return Array(batch.bytes[entry.chainEnd..<entry.chainEnd + PreparedBatch.saltSize])
    }

    @Test func copiesOfABatchDrawSaltsOfTheirOwn() throws {
        let sha = SHA256()
        var original = PreparedBatch()
        original.append(try Self.event(1), sha: sha)
        var copy = original
        original.append(try Self.event(2), sha: sha)
        copy.append(try Self.event(3), sha: sha)
        #expect(Self.salt(original, 1) != Self.salt(copy, 1))
        #expect(Self.salt(original, 0) == Self.salt(copy, 0), "what was packed before the copy is shared")
        var salts = Set<[UInt8]>()
        for batch in [original, copy] { for index in 0..<2 { salts.insert(Self.salt(batch, index)) } }
        #expect(salts.count == 3)
    }

    @Test func entriesHoldTheRecordTheSaltedContentAndTheCommitment() throws {
        let sha = SHA256()
        let events = [try Self.event(1), try Self.event(2, content: false), try Self.event(3)]
        let batch = PreparedBatch(events, sha: sha)
        #expect(batch.count == 3)
        for (event, entry) in zip(events, batch.entries) {
            #expect(Array(batch.bytes[entry.chainStart..<entry.chainEnd]) == event.chainBytes)
            #expect(entry.hasContent == (event.contentBytes != nil))
            let salted = Array(batch.bytes[entry.chainEnd..<entry.contentEnd])
            #expect(Array(salted.dropFirst(entry.hasContent ? PreparedBatch.saltSize : 0)) == event.contentBytes ?? [])
            #expect(entry.contentCommitment == (entry.hasContent ? sha.hash(salted) : .zero))
            #expect(entry.idHash == sha.hash(Array(event.id.utf8)))
            #expect(!entry.isFlagged)
        }
        // The first events, alone: what an ingest stages before a refused unit.
        let first = batch.prefix(2)
        #expect(first.count == 2 && first.bytes == Array(batch.bytes[..<batch.entries[1].contentEnd]))
        #expect(batch.prefix(0).isEmpty)
    }
}
